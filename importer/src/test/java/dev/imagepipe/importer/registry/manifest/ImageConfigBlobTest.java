package dev.imagepipe.importer.registry.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imagepipe.importer.registry.RegistryException;
import dev.imagepipe.testing.fixture.ImageConfig;
import dev.imagepipe.testing.fixture.ImageFixtures;
import dev.imagepipe.testing.fixture.ImageManifest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ImageConfigBlobTest {

    @Test
    void parsesTheFixtureConfig() {
        ImageManifest fixture = ImageFixtures.ociImage();

        ImageConfigBlob config = ImageConfigBlob.parse(fixture.config().bytes());

        assertThat(config.created()).isEqualTo(ImageConfig.DEFAULT_CREATED);
        assertThat(config.architecture()).isEqualTo("amd64");
        assertThat(config.os()).isEqualTo("linux");
        assertThat(config.variant()).isNull();
        assertThat(config.config().labels())
                .containsEntry("org.opencontainers.image.title", "imagepipe-fixture")
                .containsEntry(ImageFixtures.PLATFORM_LABEL, "linux/amd64");
        assertThat(config.config().env()).contains("FIXTURE=1");
        assertThat(config.config().entrypoint()).containsExactly("/usr/bin/fixture");
        assertThat(config.config().cmd()).containsExactly("--serve", "--port=8080");
        assertThat(config.config().workingDir()).isEqualTo("/srv");
        assertThat(config.rootFs().type()).isEqualTo("layers");
        assertThat(config.rootFs().diffIds()).containsExactlyElementsOf(fixture.diffIds());
        assertThat(config.history()).singleElement().satisfies(h -> {
            assertThat(h.createdBy()).isEqualTo("imagepipe test fixture");
            assertThat(h.emptyLayer()).isFalse();
        });
    }

    @Test
    void parsesDockerFieldsPortsVolumesStopSignalAndFractionalOffsetTimes() {
        String json = """
                {"created":"2016-03-01T12:11:12.123456789+02:00","author":"someone","architecture":"arm64",
                 "os":"linux","variant":"v8","docker_version":"20.10.7","container":"c0ffee","parent":"sha256:p",
                 "comment":"built","config":{"User":"1001:0","Env":["A=1"],"Cmd":["sh"],"Entrypoint":null,
                 "WorkingDir":"/w","Labels":{"b":"2","a":"1"},"ExposedPorts":{"8080/tcp":{},"53/udp":{}},
                 "Volumes":{"/data":{}},"StopSignal":"SIGQUIT","OnBuild":["RUN x"]},
                 "history":[{"created_by":"ADD","empty_layer":true}]}
                """;

        ImageConfigBlob config = ImageConfigBlob.parse(json.getBytes(StandardCharsets.UTF_8));

        assertThat(config.created()).isEqualTo(Instant.parse("2016-03-01T10:11:12.123456789Z"));
        assertThat(config.author()).isEqualTo("someone");
        assertThat(config.variant()).isEqualTo("v8");
        assertThat(config.dockerVersion()).isEqualTo("20.10.7");
        assertThat(config.container()).isEqualTo("c0ffee");
        assertThat(config.parent()).isEqualTo("sha256:p");
        assertThat(config.comment()).isEqualTo("built");
        assertThat(config.config().user()).isEqualTo("1001:0");
        assertThat(config.config().entrypoint()).isEmpty();
        assertThat(config.config().labels().keySet()).containsExactly("b", "a");
        assertThat(config.config().exposedPorts()).containsExactly("8080/tcp", "53/udp");
        assertThat(config.config().volumes()).containsExactly("/data");
        assertThat(config.config().stopSignal()).isEqualTo("SIGQUIT");
        assertThat(config.config().onBuild()).containsExactly("RUN x");
        assertThat(config.history()).singleElement().satisfies(h -> assertThat(h.emptyLayer())
                .isTrue());
        assertThat(config.id()).isNull();
        assertThat(config.size()).isZero();
    }

    @Test
    void parsesV1CompatibilityIdAndSize() {
        ImageConfigBlob v1 = ImageConfigBlob.parseV1Compatibility("{\"id\":\"abc\",\"Size\":1895,\"config\":null}");

        assertThat(v1.id()).isEqualTo("abc");
        assertThat(v1.size()).isEqualTo(1895);
        assertThat(v1.config().env()).isEmpty();
    }

    @Test
    void rejectsAConfigThatIsNotAJsonObject() {
        assertThatThrownBy(() -> ImageConfigBlob.parse("[]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(RegistryException.class)
                .hasMessage("malformed image config: not a JSON object");
    }
}
