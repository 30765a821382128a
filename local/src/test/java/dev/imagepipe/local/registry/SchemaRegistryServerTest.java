package dev.imagepipe.local.registry;

import static dev.imagepipe.local.registry.RegistryHttp.schemaBody;
import static dev.imagepipe.local.registry.TestSchemas.INCOMPATIBLE;
import static dev.imagepipe.local.registry.TestSchemas.OTHER;
import static dev.imagepipe.local.registry.TestSchemas.V1;
import static dev.imagepipe.local.registry.TestSchemas.V2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imagepipe.local.registry.RegistryHttp.Answer;
import dev.imagepipe.schemas.registry.CompatibilityResult;
import dev.imagepipe.schemas.registry.ErrorCodes;
import dev.imagepipe.schemas.registry.RegistryClientSettings;
import dev.imagepipe.schemas.registry.RestSchemaRegistryClient;
import dev.imagepipe.schemas.registry.RetryPolicy;
import dev.imagepipe.schemas.registry.SchemaRegistryException;
import dev.imagepipe.schemas.registry.SchemaVersion;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SchemaRegistryServerTest {

    private SchemaRegistryServer server;
    private RestSchemaRegistryClient client;
    private RegistryHttp http;

    @BeforeEach
    void start() {
        server = SchemaRegistryServer.start(SchemaRegistryConfig.inMemory(0));
        client = new RestSchemaRegistryClient(RegistryClientSettings.of(server.url()), RetryPolicy.NONE);
        http = new RegistryHttp(server.url());
    }

    @AfterEach
    void stop() {
        http.close();
        client.close();
        server.close();
    }

    @Test
    void registeringTheSameSchemaAgainReturnsTheSameIdAndAddsNoVersion() {
        int first = client.register("events-value", V1);
        int again = client.register("events-value", V1);

        assertThat(again).isEqualTo(first);
        assertThat(http.get("/subjects/events-value/versions").body()).hasSize(1);
    }

    @Test
    void theSameSchemaInAnotherSubjectGetsTheSameGlobalId() {
        int id = client.register("events-value", V1);

        assertThat(client.register("archive-value", V1)).isEqualTo(id);
        assertThat(client.register("other-value", OTHER)).isEqualTo(id + 1);
    }

    @Test
    void schemasDifferingOnlyInWhitespaceAndKeyOrderAreTheSame() {
        int id = client.register("events-value", V1);
        String reordered = "{ \"fields\": [ {\"type\": \"string\", \"name\": \"name\"} ],"
                + "  \"namespace\": \"dev.imagepipe.test\", \"name\": \"Event\", \"type\": \"record\" }";

        Answer answer = http.post("/subjects/events-value/versions", schemaBody(reordered));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().get("id").asInt()).isEqualTo(id);
    }

    @Test
    void registrationAnswersOnlyTheIdWithTheRegistryMediaType() {
        Answer answer = http.post("/subjects/events-value/versions", schemaBody(V1));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(RegistryHttp.JSON.createObjectNode().put("id", 1));
        assertThat(answer.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
    }

    @Test
    void lookupAnswersSubjectIdVersionAndSchema() {
        client.register("events-value", V1);
        int id = client.register("events-value", V2);

        Answer answer = http.post("/subjects/events-value", schemaBody(V2));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().get("subject").asText()).isEqualTo("events-value");
        assertThat(answer.body().get("id").asInt()).isEqualTo(id);
        assertThat(answer.body().get("version").asInt()).isEqualTo(2);
        assertThat(answer.body().get("schema").asText()).isEqualTo(V2.toString());
        assertThat(client.lookupId("events-value", V2)).isEqualTo(id);
    }

    @Test
    void lookupOfAnUnregisteredSchemaAnswers40403AndOfAnUnknownSubject40401() {
        client.register("events-value", V1);

        Answer unregistered = http.post("/subjects/events-value", schemaBody(V2));
        Answer unknownSubject = http.post("/subjects/nobody-value", schemaBody(V1));

        assertThat(unregistered.status()).isEqualTo(404);
        assertThat(unregistered.errorCode()).isEqualTo(40403);
        assertThat(unregistered.body().get("message").asText()).isNotBlank();
        assertThat(unknownSubject.status()).isEqualTo(404);
        assertThat(unknownSubject.errorCode()).isEqualTo(40401);
        assertThatThrownBy(() -> client.lookupId("events-value", V2))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode())
                        .isEqualTo(ErrorCodes.SCHEMA_NOT_FOUND));
    }

    @Test
    void listsSubjectsVersionsAndServesLatestAndNumberedVersions() {
        int v1 = client.register("events-value", V1);
        int v2 = client.register("events-value", V2);
        client.register("other-value", OTHER);

        assertThat(http.get("/subjects").body().toString()).isEqualTo("[\"events-value\",\"other-value\"]");
        assertThat(http.get("/subjects/events-value/versions").body().toString())
                .isEqualTo("[1,2]");
        assertThat(client.version("events-value", "latest")).isEqualTo(new SchemaVersion("events-value", v2, 2, V2));
        assertThat(client.version("events-value", "1")).isEqualTo(new SchemaVersion("events-value", v1, 1, V1));
    }

    @Test
    void schemaByIdAnswersTheSchemaWrappedAndRaw() {
        int id = client.register("events-value", V1);

        assertThat(client.schemaById(id)).isEqualTo(V1);
        Answer raw = http.get("/schemas/ids/" + id + "/schema");
        assertThat(raw.status()).isEqualTo(200);
        assertThat(raw.body().toString()).isEqualTo(V1.toString());
    }

    @Test
    void unknownIdAnswers40403() {
        Answer answer = http.get("/schemas/ids/99");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.errorCode()).isEqualTo(40403);
        assertThat(answer.body().get("message").asText()).isEqualTo("Schema 99 not found");
    }

    @Test
    void unknownSubjectAnswers40401AndUnknownVersion40402AndBadVersion42202() {
        client.register("events-value", V1);

        Answer subject = http.get("/subjects/nobody-value/versions/1");
        Answer version = http.get("/subjects/events-value/versions/7");
        Answer invalid = http.get("/subjects/events-value/versions/first");

        assertThat(subject.status()).isEqualTo(404);
        assertThat(subject.errorCode()).isEqualTo(40401);
        assertThat(subject.body().get("message").asText()).isEqualTo("Subject 'nobody-value' not found.");
        assertThat(version.status()).isEqualTo(404);
        assertThat(version.errorCode()).isEqualTo(40402);
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.errorCode()).isEqualTo(42202);
    }

    @Test
    void softDeletingAVersionHidesItButKeepsItsIdResolvable() {
        int v1 = client.register("events-value", V1);
        client.register("events-value", V2);

        Answer deleted = http.delete("/subjects/events-value/versions/1");

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body().asInt()).isEqualTo(1);
        assertThat(http.get("/subjects/events-value/versions").body().toString())
                .isEqualTo("[2]");
        assertThat(http.get("/subjects/events-value/versions/1").errorCode()).isEqualTo(40402);
        assertThat(http.post("/subjects/events-value", schemaBody(V1)).errorCode())
                .isEqualTo(40403);
        assertThat(client.schemaById(v1)).isEqualTo(V1);
    }

    @Test
    void softDeletingASubjectAnswersItsVersionsAndHidesIt() {
        int id = client.register("events-value", V1);
        client.register("events-value", V2);

        Answer deleted = http.delete("/subjects/events-value");

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body().toString()).isEqualTo("[1,2]");
        assertThat(http.get("/subjects").body()).isEmpty();
        assertThat(http.get("/subjects/events-value/versions").errorCode()).isEqualTo(40401);
        assertThat(http.delete("/subjects/events-value").errorCode()).isEqualTo(40401);
        assertThat(client.schemaById(id)).isEqualTo(V1);
    }

    @Test
    void reRegisteringAfterASoftDeleteKeepsTheIdAndTakesTheNextVersion() {
        int id = client.register("events-value", V1);
        http.delete("/subjects/events-value");

        assertThat(client.register("events-value", V1)).isEqualTo(id);
        assertThat(client.version("events-value", "latest").version()).isEqualTo(2);
    }

    @Test
    void globalConfigDefaultsToBackwardAndCanBeChanged() {
        assertThat(http.get("/config").body().toString()).isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");

        Answer put = http.put("/config", "{\"compatibility\":\"full\"}");

        assertThat(put.status()).isEqualTo(200);
        assertThat(put.body().toString()).isEqualTo("{\"compatibility\":\"FULL\"}");
        assertThat(http.get("/config").body().get("compatibilityLevel").asText())
                .isEqualTo("FULL");
    }

    @Test
    void subjectConfigIsSeparateFromTheGlobalOne() {
        Answer unset = http.get("/config/events-value");
        Answer fallback = http.get("/config/events-value?defaultToGlobal=true");
        http.put("/config/events-value", "{\"compatibility\":\"NONE\"}");

        assertThat(unset.status()).isEqualTo(404);
        assertThat(unset.errorCode()).isEqualTo(40408);
        assertThat(fallback.body().get("compatibilityLevel").asText()).isEqualTo("BACKWARD");
        assertThat(http.get("/config/events-value")
                        .body()
                        .get("compatibilityLevel")
                        .asText())
                .isEqualTo("NONE");
        assertThat(http.get("/config").body().get("compatibilityLevel").asText())
                .isEqualTo("BACKWARD");
    }

    @Test
    void unknownCompatibilityLevelAnswers42203() {
        Answer answer = http.put("/config", "{\"compatibility\":\"SIDEWAYS\"}");

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.errorCode()).isEqualTo(42203);
    }

    @Test
    void compatibilityCheckAcceptsACompatibleEvolutionUnderBackward() {
        client.register("events-value", V1);

        CompatibilityResult result = client.testCompatibility("events-value", "latest", V2);

        assertThat(result.compatible()).isTrue();
        assertThat(result.messages()).isEmpty();
    }

    @Test
    void compatibilityCheckExplainsAnIncompatibleSchemaOnlyWhenVerbose() {
        client.register("events-value", V1);

        CompatibilityResult verbose = client.testCompatibility("events-value", "1", INCOMPATIBLE);
        Answer terse = http.post("/compatibility/subjects/events-value/versions/latest", schemaBody(INCOMPATIBLE));

        assertThat(verbose.compatible()).isFalse();
        assertThat(verbose.messages()).anySatisfy(m -> assertThat(m).contains("READER_FIELD_MISSING_DEFAULT_VALUE"));
        assertThat(terse.body().toString()).isEqualTo("{\"is_compatible\":false}");
    }

    @Test
    void incompatibleRegistrationAnswers409WithTheReason() {
        client.register("events-value", V1);

        Answer answer = http.post("/subjects/events-value/versions", schemaBody(INCOMPATIBLE));

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.errorCode()).isEqualTo(409);
        assertThat(answer.body().get("message").asText())
                .startsWith(
                        "Schema being registered is incompatible with an earlier schema for subject \"events-value\"")
                .contains("size");
        assertThat(http.get("/subjects/events-value/versions").body()).hasSize(1);
    }

    @Test
    void levelNoneAcceptsAnyNewSchema() {
        client.register("events-value", V1);
        http.put("/config/events-value", "{\"compatibility\":\"NONE\"}");

        assertThat(http.post("/subjects/events-value/versions", schemaBody(INCOMPATIBLE))
                        .status())
                .isEqualTo(200);
        assertThat(http.post("/subjects/events-value/versions", schemaBody(OTHER))
                        .status())
                .isEqualTo(200);
        assertThat(client.version("events-value", "latest").version()).isEqualTo(3);
    }

    @Test
    void invalidSchemaAnswers42201() {
        Answer answer = http.post("/subjects/events-value/versions", schemaBody("{\"type\": \"record\"}"));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.errorCode()).isEqualTo(42201);
    }

    @Test
    void nonAvroSchemaTypeAnswers42201() {
        String body = "{\"schemaType\":\"PROTOBUF\",\"schema\":\"syntax = \\\"proto3\\\";\"}";

        Answer answer = http.post("/subjects/events-value/versions", body);

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.errorCode()).isEqualTo(42201);
        assertThat(answer.body().get("message").asText()).contains("AVRO");
    }

    @Test
    void unknownPathAnswers404AndWrongMethod405() {
        assertThat(http.get("/contexts").status()).isEqualTo(404);
        assertThat(http.put("/subjects", "{}").status()).isEqualTo(405);
    }
}
