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

    @Test
    void nestsTlsFilesUnderTheHttpSection() {
        var config = new LocalRegistryConfig(Path.of("/bin/registry"), Path.of("/tmp/store"), 5123, List.of())
                .withTls(Path.of("/tmp/cert.pem"), Path.of("/tmp/key.pem"))
                .withExtraSection("auth:\n  htpasswd:\n    realm: test");

        assertThat(config.yaml())
                .contains(
                        "http:\n  addr: 127.0.0.1:5123\n  tls:\n    certificate: /tmp/cert.pem\n    key: /tmp/key.pem\n")
                .endsWith("auth:\n  htpasswd:\n    realm: test\n");
        assertThat(config.scheme()).isEqualTo("https");
    }
}
