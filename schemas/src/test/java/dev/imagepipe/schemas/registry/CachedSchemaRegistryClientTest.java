package dev.imagepipe.schemas.registry;

import static dev.imagepipe.schemas.registry.TestSchemas.imageV1;
import static dev.imagepipe.schemas.registry.TestSchemas.imageV2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CachedSchemaRegistryClientTest {

    private StubSchemaRegistry stub;
    private CachedSchemaRegistryClient client;

    @BeforeEach
    void startStub() throws IOException {
        stub = StubSchemaRegistry.start();
        client = cachedClient(CachedSchemaRegistryClient.DEFAULT_CAPACITY);
    }

    @AfterEach
    void stopStub() {
        client.close();
        stub.close();
    }

    @Test
    void secondSchemaByIdMakesNoHttpRequest() {
        int id = stub.preregister("images-value", imageV1());

        assertThat(client.schemaById(id)).isEqualTo(imageV1());
        assertThat(client.schemaById(id)).isEqualTo(imageV1());

        assertThat(stub.requests()).containsExactly("GET /schemas/ids/" + id);
    }

    @Test
    void secondRegisterOfTheSameSchemaMakesNoHttpRequest() {
        int id = client.register("images-value", imageV1());

        assertThat(client.register("images-value", imageV1())).isEqualTo(id);
        assertThat(client.lookupId("images-value", imageV1())).isEqualTo(id);

        assertThat(stub.requests()).containsExactly("POST /subjects/images-value/versions");
    }

    @Test
    void registeredSchemaIsServedByIdWithoutAsking() {
        int id = client.register("images-value", imageV1());

        assertThat(client.schemaById(id)).isEqualTo(imageV1());
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void latestVersionIsAskedEveryTime() {
        stub.preregister("images-value", imageV1());
        client.version("images-value", SchemaRegistryClient.LATEST);
        stub.preregister("images-value", imageV2());

        assertThat(client.version("images-value", SchemaRegistryClient.LATEST).schema())
                .isEqualTo(imageV2());
        assertThat(stub.requests()).hasSize(2);
    }

    @Test
    void failuresAreNotCached() {
        catchThrowableOfType(SchemaRegistryException.class, () -> client.schemaById(1));
        int id = stub.preregister("images-value", imageV1());

        assertThat(client.schemaById(id)).isEqualTo(imageV1());
        assertThat(stub.requests()).hasSize(2);
    }

    @Test
    void leastRecentlyUsedEntriesAreEvictedBeyondCapacity() {
        try (var small = cachedClient(1)) {
            int v1 = stub.preregister("images-value", imageV1());
            int v2 = stub.preregister("images-value", imageV2());

            small.schemaById(v1);
            small.schemaById(v2);
            small.schemaById(v1);

            assertThat(stub.requests()).hasSize(3);
        }
    }

    private CachedSchemaRegistryClient cachedClient(int capacity) {
        return new CachedSchemaRegistryClient(
                new RestSchemaRegistryClient(RegistryClientSettings.of(stub.url()), RetryPolicy.NONE), capacity);
    }
}
