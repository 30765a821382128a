package dev.imagepipe.testing.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalRegistryConfigTest {

    @Test
    void listensOnLoopbackWithFilesystemStorage() {
        var config = new LocalRegistryConfig(Path.of("/bin/registry"), Path.of("/tmp/store"), 5123, List.of());

        assertThat(config.yaml())
                .contains("version: 0.1\n")
                .contains("  filesystem:\n    rootdirectory: /tmp/store\n")
                .contains("http:\n  addr: 127.0.0.1:5123\n");
    }

    @Test
    void appendsExtraSectionsVerbatimForOptionsSuchAsHtpasswd() {
        var config = new LocalRegistryConfig(Path.of("/bin/registry"), Path.of("/tmp/store"), 5123, List.of())
                .withExtraSection("auth:\n  htpasswd:\n    realm: test\n    path: /tmp/htpasswd");

        assertThat(config.yaml()).endsWith("auth:\n  htpasswd:\n    realm: test\n    path: /tmp/htpasswd\n");
    }
}
