package dev.imagepipe.importer.registry.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imagepipe.importer.image.ImageAssembler;
import dev.imagepipe.importer.image.ImportedImage;
import dev.imagepipe.importer.registry.MediaTypes;
import dev.imagepipe.testing.fixture.ImageFixtures;
import dev.imagepipe.testing.fixture.PushedImage;
import dev.imagepipe.testing.registry.ContainerRegistry;
import dev.imagepipe.testing.registry.RegistryEndpoint;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Docker schema 1 from a real source: the CNCF distribution registry converts a pushed schema 2 image to a signed
 * schema 1 manifest when the client accepts nothing newer, and reports the digest of its canonical payload.
 */
@ContainerRegistry
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class DockerSchema1FromRegistryIT {

    @Test
    void signedSchema1ManifestFromTheRegistryVerifiesAgainstItsReportedDigest(RegistryEndpoint registry)
            throws Exception {
        PushedImage pushed = new ImageFixtures(registry).pushDockerImage("legacy/schema1", "v1");
        HttpResponse<byte[]> response;
        try (HttpClient http = HttpClient.newHttpClient()) {
            response = http.send(
                    HttpRequest.newBuilder(registry.v2("legacy/schema1/manifests/v1"))
                            .timeout(Duration.ofSeconds(30))
                            .header("Accept", MediaTypes.DOCKER_SCHEMA1_SIGNED)
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        }
        String mediaType = response.headers().firstValue("Content-Type").orElseThrow();
        Digest reported = Digest.parse(
                response.headers().firstValue("Docker-Content-Digest").orElseThrow());

        Manifest manifest = Manifests.parse(mediaType, response.body());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(mediaType).isEqualTo(MediaTypes.DOCKER_SCHEMA1_SIGNED);
        assertThat(manifest).isInstanceOf(DockerSchema1Manifest.class);
        assertThat(((DockerSchema1Manifest) manifest).signed()).isTrue();
        assertThat(Manifests.verify(manifest, reported)).isEqualTo(reported);
        assertThat(reported.toString())
                .as("the canonical payload differs from the schema 2 manifest pushed")
                .isNotEqualTo(pushed.digest());
        ImportedImage image = ImageAssembler.image(
                manifest, reported, new byte[0], registry.reference("legacy/schema1", reported.toString()));
        assertThat(image.layers()).hasSize(pushed.image().layers().size());
        assertThat(image.metadata().architecture()).isEqualTo("amd64");
    }
}
