package dev.imagepipe.schemas.registry;

import static dev.imagepipe.schemas.registry.TestSchemas.imageIncompatible;
import static dev.imagepipe.schemas.registry.TestSchemas.imageV1;
import static dev.imagepipe.schemas.registry.TestSchemas.imageV2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RestSchemaRegistryClientTest {

    private static final RetryPolicy FAST_RETRY = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5));

    private StubSchemaRegistry stub;
    private RestSchemaRegistryClient client;

    @BeforeEach
    void startStub() throws IOException {
        stub = StubSchemaRegistry.start();
        client = new RestSchemaRegistryClient(RegistryClientSettings.of(stub.url()), FAST_RETRY);
    }

    @AfterEach
    void stopStub() {
        client.close();
        stub.close();
    }

    @Test
    void registerReturnsTheIdTheRegistryAssigns() {
        stub.nextId(42);

        assertThat(client.register("images-value", imageV1())).isEqualTo(42);
        assertThat(stub.requests()).containsExactly("POST /subjects/images-value/versions");
    }

    @Test
    void registeringTheSameSchemaAgainReturnsTheSameId() {
        int first = client.register("images-value", imageV1());

        assertThat(client.register("images-value", imageV1())).isEqualTo(first);
    }

    @Test
    void requestsUseTheSchemaRegistryContentType() {
        client.register("images-value", imageV1());

        assertThat(stub.contentTypes()).containsExactly("application/vnd.schemaregistry.v1+json");
    }

    @Test
    void lookupIdFindsARegisteredSchema() {
        int id = stub.preregister("images-value", imageV1());

        assertThat(client.lookupId("images-value", imageV1())).isEqualTo(id);
        assertThat(stub.requests()).containsExactly("POST /subjects/images-value");
    }

    @Test
    void lookupOfAnUnregisteredSchemaSurfacesErrorCode40403() {
        stub.preregister("images-value", imageV1());

        SchemaRegistryException e =
                catchThrowableOfType(SchemaRegistryException.class, () -> client.lookupId("images-value", imageV2()));

        assertThat(e.status()).isEqualTo(404);
        assertThat(e.errorCode()).isEqualTo(ErrorCodes.SCHEMA_NOT_FOUND);
        assertThat(e.isTransient()).isFalse();
    }

    @Test
    void lookupInAnUnknownSubjectSurfacesErrorCode40401() {
        SchemaRegistryException e =
                catchThrowableOfType(SchemaRegistryException.class, () -> client.lookupId("nope-value", imageV1()));

        assertThat(e.errorCode()).isEqualTo(ErrorCodes.SUBJECT_NOT_FOUND);
        assertThat(e.getMessage()).contains("Subject 'nope-value' not found.");
    }

    @Test
    void schemaByIdReturnsTheParsedSchema() {
        int id = stub.preregister("images-value", imageV2());

        assertThat(client.schemaById(id)).isEqualTo(imageV2());
        assertThat(stub.requests()).containsExactly("GET /schemas/ids/" + id);
    }

    @Test
    void unknownSchemaIdSurfaces404WithErrorCode40403AndTheRegistryMessage() {
        SchemaRegistryException e = catchThrowableOfType(SchemaRegistryException.class, () -> client.schemaById(7));

        assertThat(e.status()).isEqualTo(404);
        assertThat(e.errorCode()).isEqualTo(ErrorCodes.SCHEMA_NOT_FOUND);
        assertThat(e.getMessage()).contains("Schema 7 not found").contains(stub.url());
    }

    @Test
    void versionReturnsNumberedAndLatestVersions() {
        int v1 = stub.preregister("images-value", imageV1());
        int v2 = stub.preregister("images-value", imageV2());

        assertThat(client.version("images-value", "1")).isEqualTo(new SchemaVersion("images-value", v1, 1, imageV1()));
        assertThat(client.version("images-value", SchemaRegistryClient.LATEST))
                .isEqualTo(new SchemaVersion("images-value", v2, 2, imageV2()));
        assertThat(stub.requests())
                .containsExactly("GET /subjects/images-value/versions/1", "GET /subjects/images-value/versions/latest");
    }

    @Test
    void unknownVersionSurfacesErrorCode40402() {
        stub.preregister("images-value", imageV1());

        SchemaRegistryException e =
                catchThrowableOfType(SchemaRegistryException.class, () -> client.version("images-value", "9"));

        assertThat(e.errorCode()).isEqualTo(ErrorCodes.VERSION_NOT_FOUND);
    }

    @Test
    void subjectNamesAreEncodedAsOnePathSegment() {
        stub.preregister("ns/odd name-value", imageV1());

        assertThat(client.version("ns/odd name-value", "latest").subject()).isEqualTo("ns/odd name-value");
        assertThat(stub.requests()).containsExactly("GET /subjects/ns%2Fodd%20name-value/versions/latest");
    }

    @Test
    void compatibilityCheckReportsCompatibleSchemas() {
        stub.preregister("images-value", imageV1());

        CompatibilityResult result = client.testCompatibility("images-value", "latest", imageV2());

        assertThat(result).isEqualTo(new CompatibilityResult(true, java.util.List.of()));
        assertThat(stub.requests())
                .containsExactly("POST /compatibility/subjects/images-value/versions/latest?verbose=true");
    }

    @Test
    void compatibilityCheckReportsIncompatibleSchemasWithMessages() {
        stub.preregister("images-value", imageV1());

        CompatibilityResult result = client.testCompatibility("images-value", "1", imageIncompatible());

        assertThat(result.compatible()).isFalse();
        assertThat(result.messages()).singleElement().asString().contains("mediaType");
    }

    @Test
    void registeringAnIncompatibleSchemaSurfaces409() {
        stub.preregister("images-value", imageV1());

        SchemaRegistryException e = catchThrowableOfType(
                SchemaRegistryException.class, () -> client.register("images-value", imageIncompatible()));

        assertThat(e.status()).isEqualTo(409);
        assertThat(e.errorCode()).isEqualTo(ErrorCodes.INCOMPATIBLE_SCHEMA);
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void serverErrorsAreRetriedUntilTheRegistryAnswers() {
        int id = stub.preregister("images-value", imageV1());
        stub.failNext(2, 500, 50001, "Error in the backend data store");

        assertThat(client.schemaById(id)).isEqualTo(imageV1());
        assertThat(stub.requests()).hasSize(3);
    }

    @Test
    void serverErrorsEndTheCallOnceRetriesAreExhausted() {
        stub.failNext(5, 500, 50001, "Error in the backend data store");

        SchemaRegistryException e = catchThrowableOfType(SchemaRegistryException.class, () -> client.schemaById(1));

        assertThat(e.status()).isEqualTo(500);
        assertThat(e.errorCode()).isEqualTo(ErrorCodes.STORE_ERROR);
        assertThat(e.isTransient()).isTrue();
        assertThat(e.getMessage()).contains("Error in the backend data store").contains("gave up after 3 attempt(s)");
        assertThat(stub.requests()).hasSize(FAST_RETRY.maxAttempts());
    }

    @Test
    void clientErrorsAreNotRetried() {
        catchThrowableOfType(SchemaRegistryException.class, () -> client.schemaById(7));

        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void unreachableRegistryNamesTheUrlWithoutCredentials() throws IOException {
        int closedPort = closedPort();
        var settings = RegistryClientSettings.of("http://alice:s3cret@127.0.0.1:" + closedPort);
        try (var unreachable = new RestSchemaRegistryClient(settings, FAST_RETRY)) {
            SchemaRegistryException e =
                    catchThrowableOfType(SchemaRegistryException.class, () -> unreachable.schemaById(1));

            assertThat(e.status()).isEqualTo(SchemaRegistryException.NO_STATUS);
            assertThat(e.isTransient()).isTrue();
            assertThat(e.getMessage())
                    .contains("unreachable")
                    .contains("http://127.0.0.1:" + closedPort)
                    .doesNotContain("alice")
                    .doesNotContain("s3cret");
            assertThat(unreachable.toString()).doesNotContain("alice").doesNotContain("s3cret");
        }
    }

    @Test
    void anUnreachableUrlIsSkippedForTheNextOne() throws IOException {
        int id = stub.preregister("images-value", imageV1());
        String urls = "http://127.0.0.1:" + closedPort() + "," + stub.url();
        try (var failover = new RestSchemaRegistryClient(RegistryClientSettings.of(urls), RetryPolicy.NONE)) {
            assertThat(failover.schemaById(id)).isEqualTo(imageV1());
        }
    }

    @Test
    void sendsBasicAuthFromUserInfoConfig() {
        stub.requireBasicAuth("alice", "s3:cret");
        var settings = RegistryClientSettings.fromConfig(Map.of(
                RegistryClientSettings.URL, stub.url(),
                RegistryClientSettings.CREDENTIALS_SOURCE, "USER_INFO",
                RegistryClientSettings.USER_INFO, "alice:s3:cret"));
        try (var authenticated = new RestSchemaRegistryClient(settings, FAST_RETRY)) {
            authenticated.register("images-value", imageV1());
        }

        assertThat(stub.authorizationHeaders()).containsExactly(basic("alice:s3:cret"));
    }

    @Test
    void sendsBasicAuthFromUserInfoInTheUrl() {
        stub.requireBasicAuth("alice", "s3cret");
        var settings = RegistryClientSettings.of(stub.urlWithUserInfo("alice", "s3cret"));
        try (var authenticated = new RestSchemaRegistryClient(settings, FAST_RETRY)) {
            authenticated.register("images-value", imageV1());
        }

        assertThat(stub.authorizationHeaders()).containsExactly(basic("alice:s3cret"));
        assertThat(stub.requests()).containsExactly("POST /subjects/images-value/versions");
    }

    @Test
    void credentialsNeverAppearInErrorsOrToString() {
        stub.requireBasicAuth("alice", "right");
        var settings = RegistryClientSettings.of(stub.urlWithUserInfo("alice", "wrong-s3cret"));
        try (var rejected = new RestSchemaRegistryClient(settings, FAST_RETRY)) {
            SchemaRegistryException e =
                    catchThrowableOfType(SchemaRegistryException.class, () -> rejected.schemaById(1));

            assertThat(e.status()).isEqualTo(401);
            assertThat(e.getMessage())
                    .contains(stub.url())
                    .doesNotContain("wrong-s3cret")
                    .doesNotContain("alice");
            assertThat(rejected.toString()).doesNotContain("wrong-s3cret").doesNotContain("alice");
            assertThat(settings.toString()).doesNotContain("wrong-s3cret").doesNotContain("alice");
        }
    }

    private static String basic(String userInfo) {
        return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    }

    /** A port nothing listens on: bound, then released. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
