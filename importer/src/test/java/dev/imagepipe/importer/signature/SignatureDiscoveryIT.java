package dev.imagepipe.importer.signature;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imagepipe.importer.reference.ImageReference;
import dev.imagepipe.importer.registry.remote.RegistryClient;
import dev.imagepipe.importer.registry.remote.RequestOptions;
import dev.imagepipe.testing.fixture.ImageFixtures;
import dev.imagepipe.testing.fixture.PushedImage;
import dev.imagepipe.testing.registry.ContainerRegistry;
import dev.imagepipe.testing.registry.RegistryEndpoint;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Signature discovery against a real CNCF registry (cosign tag) and a static-file lookaside store. */
@ContainerRegistry
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SignatureDiscoveryIT {

    private static final String SIGNED = "signatures/cosigned";
    private static final String LOOKASIDE = "signatures/lookaside";
    private static final String UNSIGNED = "signatures/unsigned";

    @TempDir
    static Path storeRoot;

    private static RegistryEndpoint registry;
    private static RegistryClient client;
    private static SignatureDiscovery discovery;
    private static LookasideFileServer store;
    private static RequestOptions options;

    @BeforeAll
    static void start(RegistryEndpoint endpoint) throws Exception {
        registry = endpoint;
        store = new LookasideFileServer(storeRoot);
        client = new RegistryClient();
        discovery = new SignatureDiscovery(client);
        // Registry and store are on loopback: only a policy naming them lets the transports through.
        options = RequestOptions.defaults()
                .withInsecure(true)
                .withAllowedPrivateHosts(new java.util.HashSet<>(List.of(endpoint.host(), store.host())));
    }

    @AfterAll
    static void stop() {
        discovery.close();
        client.close();
        store.close();
    }

    @Test
    void findsACosignSignatureAtTheSigTag() throws Exception {
        PushedImage image = new ImageFixtures(registry).pushOciImage(SIGNED, "1");
        String reference = registry.hostPort() + "/" + SIGNED;
        CosignFixture cosign = new CosignFixture();
        byte[] der = cosign.push(new ImageFixtures(registry).pusher(), SIGNED, reference, image.digest());

        DiscoveryResult result = discover(SIGNED, image.digest(), SignatureStores.none());

        assertThat(result.failures()).isEmpty();
        assertThat(result.signatures()).singleElement().satisfies(signature -> {
            assertThat(signature.type()).isEqualTo(SignatureType.COSIGN);
            assertThat(signature.source()).isEqualTo(SignatureSource.COSIGN_TAG);
            assertThat(signature.content()).isEqualTo(CosignFixture.payload(reference, image.digest()));
            assertThat(signature.name()).isEqualTo(DiscoveredSignature.name(image.digest(), der));
            assertThat(signature.payload()).hasValueSatisfying(payload -> {
                assertThat(payload.dockerManifestDigest()).isEqualTo(image.digest());
                assertThat(payload.dockerReference()).isEqualTo(reference);
            });
            assertThat(signature.cosignSignature()).contains(Base64.getEncoder().encodeToString(der));
            assertThat(verifies(cosign, signature)).isTrue();
        });
    }

    @Test
    void readsLookasideSignaturesUntilTheFirst404() throws Exception {
        PushedImage image = new ImageFixtures(registry).pushOciImage(LOOKASIDE, "1");
        Path dir = storeRoot.resolve(
                "sigs/" + LOOKASIDE + "@sha256=" + image.digest().substring(7));
        Files.createDirectories(dir);
        byte[] first = "first signature".getBytes(StandardCharsets.UTF_8);
        byte[] second = "second signature".getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve("signature-1"), first);
        Files.write(dir.resolve("signature-2"), second);
        SignatureStores stores = SignatureStores.of(
                List.of(new SignatureStores.Store(registry.hostPort() + "/signatures", store.baseUri() + "/sigs")));

        DiscoveryResult result = discover(LOOKASIDE, image.digest(), stores);

        assertThat(result.failures()).isEmpty();
        assertThat(result.signatures())
                .extracting(DiscoveredSignature::name)
                .containsExactly(
                        DiscoveredSignature.name(image.digest(), first),
                        DiscoveredSignature.name(image.digest(), second));
        assertThat(result.signatures()).allSatisfy(signature -> {
            assertThat(signature.source()).isEqualTo(SignatureSource.LOOKASIDE);
            assertThat(signature.type()).isEqualTo(SignatureType.SIMPLE_SIGNING);
            assertThat(signature.payload()).isEmpty();
        });
        assertThat(store.requested())
                .filteredOn(path -> path.contains(image.digest().substring(7)))
                .extracting(path -> path.substring(path.lastIndexOf('/') + 1))
                .containsExactly("signature-1", "signature-2", "signature-3");
    }

    @Test
    void anImageWithoutSignaturesHasNone() {
        PushedImage image = new ImageFixtures(registry).pushOciImage(UNSIGNED, "1");
        SignatureStores stores =
                SignatureStores.of(List.of(new SignatureStores.Store(registry.hostPort(), store.baseUri() + "/sigs")));

        DiscoveryResult result = discover(UNSIGNED, image.digest(), stores);

        assertThat(result.signatures()).isEmpty();
        assertThat(result.failures()).isEmpty();
    }

    private static DiscoveryResult discover(String repository, String digest, SignatureStores stores) {
        return discovery.discover(
                ImageReference.parse(registry.hostPort() + "/" + repository), digest, options, stores);
    }

    private static boolean verifies(CosignFixture cosign, DiscoveredSignature signature) throws Exception {
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(cosign.keys().getPublic());
        verifier.update(signature.content());
        return verifier.verify(
                Base64.getDecoder().decode(signature.cosignSignature().orElseThrow()));
    }
}
