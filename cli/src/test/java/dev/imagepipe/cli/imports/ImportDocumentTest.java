package dev.imagepipe.cli.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imagepipe.cli.document.DocumentException;
import dev.imagepipe.cli.document.Documents;
import dev.imagepipe.schemas.avro.ImageImportSpec;
import dev.imagepipe.schemas.avro.ImageStreamImportRequest;
import dev.imagepipe.schemas.avro.ImportCause;
import dev.imagepipe.schemas.avro.ImportMode;
import dev.imagepipe.schemas.avro.ReferencePolicyType;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImportDocumentTest {

    static final Submission SUBMISSION = new Submission(Instant.parse("2025-03-01T12:00:00Z"), "uid-1");
    static final String DIGEST = "sha256:" + "0123456789abcdef".repeat(4);

    static final String HEADER = """
            apiVersion: image.openshift.io/v1
            kind: ImageStreamImport
            metadata:
              name: app
              namespace: team
            """;

    private static ImageStreamImportRequest parse(String yaml) {
        return ImportDocument.parse(Documents.parse("isi.yaml", yaml), Optional.empty(), SUBMISSION);
    }

    private static String errorOf(String yaml) {
        try {
            parse(yaml);
        } catch (DocumentException e) {
            return e.getMessage();
        }
        throw new AssertionError("accepted:\n" + yaml);
    }

    @Test
    void readsTheDocumentAsOpenShiftTakesIt() {
        ImageStreamImportRequest request = parse(HEADER + """
                  uid: 9d3c
                  resourceVersion: "42"
                  labels: {team: a}
                  annotations: {note: hi}
                spec:
                  import: true
                  images:
                    - from: {kind: DockerImage, name: quay.io/org/app:1.0}
                      to: {name: stable}
                      importPolicy: {insecure: true, scheduled: true, importMode: PreserveOriginal}
                      referencePolicy: {type: Local}
                      includeManifest: true
                  repository:
                    from: {kind: DockerImage, name: quay.io/org/tools}
                    importPolicy: {importMode: Legacy}
                    includeManifest: true
                status: {}
                """);

        assertThat(request.getMetadata().getNamespace()).isEqualTo("team");
        assertThat(request.getMetadata().getName()).isEqualTo("app");
        assertThat(request.getMetadata().getUid()).isEqualTo("9d3c");
        assertThat(request.getMetadata().getResourceVersion()).isEqualTo("42");
        assertThat(request.getMetadata().getLabels()).containsEntry("team", "a");
        assertThat(request.getMetadata().getAnnotations()).containsEntry("note", "hi");
        assertThat(request.getRequestedAt()).isEqualTo(SUBMISSION.requestedAt());
        assertThat(request.getCause()).isEqualTo(ImportCause.User);
        assertThat(request.getSpec().getImport$()).isTrue();
        ImageImportSpec image = request.getSpec().getImages().getFirst();
        assertThat(image.getFrom().getName()).isEqualTo("quay.io/org/app:1.0");
        assertThat(image.getTo().getName()).isEqualTo("stable");
        assertThat(image.getImportPolicy().getInsecure()).isTrue();
        assertThat(image.getImportPolicy().getScheduled()).isTrue();
        assertThat(image.getImportPolicy().getImportMode()).isEqualTo(ImportMode.PreserveOriginal);
        assertThat(image.getReferencePolicy().getType()).isEqualTo(ReferencePolicyType.Local);
        assertThat(image.getIncludeManifest()).isTrue();
        assertThat(request.getSpec().getRepository().getFrom().getName()).isEqualTo("quay.io/org/tools");
        assertThat(request.getSpec().getRepository().getImportPolicy().getImportMode())
                .isEqualTo(ImportMode.Legacy);
        assertThat(request.getSpec().getRepository().getIncludeManifest()).isTrue();
    }

    @Test
    void defaultsLikeOpenShiftWhereTheDocumentIsSilent() {
        ImageStreamImportRequest request = parse(HEADER + """
                spec:
                  images:
                    - from: {kind: DockerImage, name: busybox:1.36}
                      importPolicy: {importMode: ""}
                      referencePolicy: {type: ""}
                """);

        ImageImportSpec image = request.getSpec().getImages().getFirst();
        assertThat(request.getSpec().getImport$())
                .as("spec.import left out decodes as false")
                .isFalse();
        assertThat(request.getMetadata().getUid()).as("the submission's uid").isEqualTo("uid-1");
        assertThat(image.getTo().getName())
                .as("A2.2: to defaults to the tag of from")
                .isEqualTo("1.36");
        assertThat(image.getImportPolicy().getImportMode())
                .as("empty mode: the cluster default, resolved by the importer")
                .isNull();
        assertThat(image.getReferencePolicy().getType()).isEqualTo(ReferencePolicyType.Source);
    }

    @Test
    void leavesADigestOnlyOrTaglessImageUntagged() {
        ImageStreamImportRequest request = parse(HEADER
                + "spec:\n  images:\n"
                + "    - from: {kind: DockerImage, name: quay.io/org/app@" + DIGEST + "}\n"
                + "    - from: {kind: DockerImage, name: quay.io/org/app}\n"
                + "    - from: {kind: DockerImage, name: quay.io/org/app:2.0@" + DIGEST + "}\n");

        assertThat(request.getSpec().getImages())
                .extracting(
                        image -> image.getTo() == null ? null : image.getTo().getName())
                .containsExactly(null, null, "2.0");
    }

    @Test
    void takesTheNamespaceFromTheCommandLineWhenTheDocumentHasNone() {
        String yaml = """
                apiVersion: image.openshift.io/v1
                kind: ImageStreamImport
                metadata: {name: app}
                spec: {repository: {from: {kind: DockerImage, name: quay.io/org/app}}}
                """;

        ImageStreamImportRequest request =
                ImportDocument.parse(Documents.parse("isi.yaml", yaml), Optional.of("ops"), SUBMISSION);

        assertThat(request.getMetadata().getNamespace()).isEqualTo("ops");
        assertThat(errorOf(yaml))
                .isEqualTo(
                        "isi.yaml: metadata: namespace is required: set metadata.namespace or pass" + " --namespace");
    }

    @Test
    void refusesANamespaceThatContradictsTheCommandLine() {
        String yaml = HEADER + "spec: {images: [{from: {kind: DockerImage, name: a:1}}]}\n";

        DocumentException error = org.junit.jupiter.api.Assertions.assertThrows(
                DocumentException.class,
                () -> ImportDocument.parse(Documents.parse("isi.yaml", yaml), Optional.of("ops"), SUBMISSION));

        assertThat(error.path()).isEqualTo("metadata.namespace");
        assertThat(error.problem()).isEqualTo("\"team\" does not match --namespace ops");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            spec: {images: [{from: {kind: ImageStreamTag, name: 'a:1'}}]}               | isi.yaml: spec.images[0].from.kind: only DockerImage is supported
            spec: {images: [{from: {name: 'a:1'}}]}                                    | isi.yaml: spec.images[0].from.kind: only DockerImage is supported
            spec: {images: [{from: {kind: DockerImage}}]}                              | isi.yaml: spec.images[0].from.name: Required value
            spec: {images: [{from: {kind: DockerImage, name: 'Quay.io/A'}}]}           | isi.yaml: spec.images[0].from.name: repository name must be lowercase
            spec: {images: [{from: {kind: DockerImage, name: 'a:1'}, to: {name: ''}}]} | isi.yaml: spec.images[0].to.name: Required value
            spec: {images: [{from: {kind: DockerImage, name: 'a:1', uid: x}}]}         | isi.yaml: spec.images[0].from.uid: unknown field
            spec: {images: [{form: {kind: DockerImage, name: 'a:1'}}]}                 | isi.yaml: spec.images[0].form: unknown field
            spec: {images: [{from: {kind: DockerImage, name: 'a:1'}, importPolicy: {importMode: Preserve}}]} | isi.yaml: spec.images[0].importPolicy.importMode: expected one of Legacy, PreserveOriginal
            spec: {images: [{from: {kind: DockerImage, name: 'a:1'}, referencePolicy: {type: Remote}}]} | isi.yaml: spec.images[0].referencePolicy.type: expected one of Source, Local
            spec: {images: [{from: {kind: DockerImage, name: 'a:1'}, includeManifest: 'true'}]} | isi.yaml: spec.images[0].includeManifest: expected true or false
            spec: {repository: {from: {kind: DockerImage, name: 'quay.io/org/app:1.0'}}} | isi.yaml: spec.repository.from.name: you must specify an image repository, not a tag or ID
            spec: {repository: {from: {kind: DockerImage, name: '*'}}}                 | isi.yaml: spec.repository.from.name: invalid reference format
            spec: {import: true}                                                       | isi.yaml: spec: you must specify at least one image or a repository import
            spec: {images: []}                                                         | isi.yaml: spec: you must specify at least one image or a repository import
            """)
    void refusesWhatOpenShiftRefusesNamingThePath(String spec, String message) {
        assertThat(errorOf(HEADER + spec + "\n")).startsWith(message);
    }

    @Test
    void toleratesTheLegacyWildcardImage() {
        ImageStreamImportRequest request = parse(HEADER + "spec: {images: [{from: {kind: DockerImage, name: '*'}}]}\n");

        assertThat(request.getSpec().getImages().getFirst().getTo()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            apiVersion: v1                                  | isi.yaml: apiVersion: expected image.openshift.io/v1
            kind: ImageStream                               | isi.yaml: kind: expected ImageStreamImport
            kind: null                                      | isi.yaml: kind: required
            metadata: {name: App, namespace: team}          | isi.yaml: metadata.name: image stream name "App" is invalid
            metadata: {name: app, namespace: Team}          | isi.yaml: metadata.namespace: namespace "Team" is invalid
            metadata: {name: app, namespace: team, generateName: x} | isi.yaml: metadata.generateName: unknown field
            status: {images: []}                            | isi.yaml: status: is set by the importer
            extra: 1                                        | isi.yaml: extra: unknown field
            """)
    void checksTheEnvelope(String override, String message) {
        String key = override.substring(0, override.indexOf(':'));
        StringBuilder yaml = new StringBuilder();
        boolean replaced = false;
        for (String line : (HEADER + "spec: {images: [{from: {kind: DockerImage, name: 'a:1'}}]}\n").split("\n")) {
            if (line.startsWith(key + ":")) {
                yaml.append(override).append('\n');
                replaced = true;
            } else if (!(line.startsWith("  ") && key.equals("metadata"))) {
                yaml.append(line).append('\n');
            }
        }
        if (!replaced) {
            yaml.append(override).append('\n');
        }
        assertThat(errorOf(yaml.toString())).startsWith(message);
    }
}
