package dev.imagepipe.importer.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imagepipe.importer.reference.ImageReference;
import dev.imagepipe.importer.registry.manifest.Digest;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignatureStoresTest {

    private static final Digest DIGEST = Digest.parse("sha256:" + "ab".repeat(32));

    private final SignatureStores stores = SignatureStores.of(List.of(
            new SignatureStores.Store("registry.example", "https://sigs.example/registry"),
            new SignatureStores.Store("registry.example/team", "https://sigs.example/team/"),
            new SignatureStores.Store("registry.example/team/app", "https://app-sigs.example"),
            new SignatureStores.Store("docker.io/library", "https://hub-sigs.example")));

    @Test
    void mostSpecificScopeWins() {
        assertThat(base("registry.example/team/app:1")).contains(URI.create("https://app-sigs.example"));
        assertThat(base("registry.example/team/other@" + DIGEST)).contains(URI.create("https://sigs.example/team/"));
        assertThat(base("registry.example/elsewhere/app")).contains(URI.create("https://sigs.example/registry"));
    }

    @Test
    void scopesMatchWholePathComponentsOnly() {
        assertThat(base("registry.example/teams/app")).contains(URI.create("https://sigs.example/registry"));
        assertThat(base("registry.examples/team/app")).isEmpty();
    }

    @Test
    void dockerHubShortNamesMatchTheirNormalizedScope() {
        assertThat(base("busybox")).contains(URI.create("https://hub-sigs.example"));
        assertThat(base("index.docker.io/library/busybox")).contains(URI.create("https://hub-sigs.example"));
        assertThat(base("quay.io/busybox")).isEmpty();
    }

    @Test
    void noStoresMatchNothing() {
        assertThat(SignatureStores.none().lookasideBase(ImageReference.parse("registry.example/a/b")))
                .isEmpty();
    }

    @Test
    void signatureUriAppendsRepositoryPathAlgorithmEqualsHexAndIndex() {
        URI uri = SignatureStores.signatureUri(URI.create("https://sigs.example/base/"), "team/app", DIGEST, 2);

        assertThat(uri.toString())
                .isEqualTo("https://sigs.example/base/team/app@sha256=" + "ab".repeat(32) + "/signature-2");
    }

    @Test
    void signatureUriOnAHostOnlyBase() {
        assertThat(SignatureStores.signatureUri(URI.create("http://127.0.0.1:8080"), "library/busybox", DIGEST, 1)
                        .toString())
                .isEqualTo("http://127.0.0.1:8080/library/busybox@sha256=" + "ab".repeat(32) + "/signature-1");
    }

    @Test
    void rejectsNonHttpBasesAndEmptyScopes() {
        assertThatThrownBy(() -> new SignatureStores.Store("registry.example", "file:///var/lib/sigstore"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SignatureStores.Store("/", "https://sigs.example"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SignatureStores.Store("registry.example", "https://sigs.example/?token=x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private java.util.Optional<URI> base(String reference) {
        return stores.lookasideBase(ImageReference.parse(reference));
    }
}
