package dev.imagepipe.testing.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegistryEndpointTest {

    private final RegistryEndpoint endpoint = new RegistryEndpoint("127.0.0.1", 5123);

    @Test
    void spellsApiUrisAndReferences() {
        assertThat(endpoint.baseUri()).hasToString("http://127.0.0.1:5123");
        assertThat(endpoint.v2("app/tags/list")).hasToString("http://127.0.0.1:5123/v2/app/tags/list");
        assertThat(endpoint.reference("app", "v1")).isEqualTo("127.0.0.1:5123/app:v1");
        assertThat(endpoint.reference("app", "sha256:ab")).isEqualTo("127.0.0.1:5123/app@sha256:ab");
    }
}
