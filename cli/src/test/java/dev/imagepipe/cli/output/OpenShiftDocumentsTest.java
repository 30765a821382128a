package dev.imagepipe.cli.output;

import static dev.imagepipe.cli.testing.ResultFixtures.DIGEST;
import static dev.imagepipe.cli.testing.ResultFixtures.answer;
import static dev.imagepipe.cli.testing.ResultFixtures.failed;
import static dev.imagepipe.cli.testing.ResultFixtures.imported;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.imagepipe.cli.document.Documents;
import dev.imagepipe.cli.imports.ImportOptions;
import dev.imagepipe.cli.imports.ImportRequests;
import dev.imagepipe.cli.imports.ImportTarget;
import dev.imagepipe.cli.imports.Submission;
import dev.imagepipe.cli.policy.PolicyDocument;
import dev.imagepipe.schemas.avro.ImageStreamImport;
import dev.imagepipe.schemas.avro.ImageStreamImportRequest;
import dev.imagepipe.schemas.avro.ImportFailureReason;
import dev.imagepipe.schemas.avro.ImportPolicy;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenShiftDocumentsTest {

    static final ImageStreamImportRequest REQUEST = ImportRequests.fromOptions(
            ImportOptions.of("quay.io/org/app:1.0", ImportTarget.parse("team/app")),
            new Submission(Instant.parse("2025-03-01T12:00:00Z"), "u1"));

    static final ImageStreamImport RESULT = answer(
            REQUEST,
            List.of(imported("quay.io/org/app", "1.0"), failed(ImportFailureReason.NotFound, "not found", "1.0")));

    @Test
    void rendersAResultAsTheImageStreamImportOpenShiftReturns() throws Exception {
        JsonNode json =
                new ObjectMapper().readTree(OutputFormat.json.render(OpenShiftDocuments.imageStreamImport(RESULT)));

        assertThat(json.get("apiVersion").asText()).isEqualTo("image.openshift.io/v1");
        assertThat(json.get("kind").asText()).isEqualTo("ImageStreamImport");
        assertThat(json.at("/metadata/namespace").asText()).isEqualTo("team");
        assertThat(json.at("/metadata/name").asText()).isEqualTo("app");
        assertThat(json.at("/metadata/uid").asText()).isEqualTo("u1");
        assertThat(json.at("/metadata/annotations/imagepipe.dev~1requested-at").asText())
                .isEqualTo("2025-03-01T12:00:00Z");
        assertThat(json.at("/metadata/annotations/imagepipe.dev~1completed-at").asText())
                .isEqualTo("2025-03-01T12:00:05Z");
        assertThat(json.at("/metadata/annotations/imagepipe.dev~1cause").asText())
                .isEqualTo("User");
        assertThat(json.at("/spec/import").asBoolean()).isTrue();
        assertThat(json.at("/spec/images/0/from/kind").asText()).isEqualTo("DockerImage");
        assertThat(json.at("/spec/images/0/from/name").asText()).isEqualTo("quay.io/org/app:1.0");
        assertThat(json.at("/spec/images/0/to/name").asText()).isEqualTo("1.0");
        assertThat(json.at("/spec/images/0/referencePolicy/type").asText()).isEqualTo("Source");
        assertThat(json.at("/status/images/0/status/status").asText()).isEqualTo("Success");
        assertThat(json.at("/status/images/0/image/metadata/name").asText()).isEqualTo(DIGEST);
        assertThat(json.at("/status/images/0/image/dockerImageReference").asText())
                .isEqualTo("quay.io/org/app@" + DIGEST);
        assertThat(json.at("/status/images/1/status/reason").asText()).isEqualTo("NotFound");
        assertThat(json.at("/status/images/1/status/code").asInt()).isEqualTo(404);
    }

    @Test
    void leavesOutNullsAndEmptyCollections() throws Exception {
        JsonNode json =
                new ObjectMapper().readTree(OutputFormat.json.render(OpenShiftDocuments.imageStreamImport(RESULT)));

        assertThat(json.at("/spec").has("repository")).isFalse();
        assertThat(json.at("/metadata").has("labels")).isFalse();
        assertThat(json.at("/metadata").has("resourceVersion")).isFalse();
        assertThat(json.at("/spec/images/0/importPolicy").has("importMode")).isFalse();
        assertThat(json.at("/status/images/1").has("image")).isFalse();
        assertThat(json.at("/status/images/0/image").has("dockerImageLayers")).isFalse();
        assertThat(json.at("/status").has("repository")).isFalse();
        assertThat(json.toString()).doesNotContain("null");
    }

    @Test
    void rendersTheSameDocumentAsYaml() throws Exception {
        String yaml = OutputFormat.yaml.render(OpenShiftDocuments.imageStreamImport(RESULT));

        assertThat(yaml).startsWith("apiVersion: image.openshift.io/v1\nkind: ImageStreamImport\n");
        assertThat(yaml).contains("    name: \"1.0\"").doesNotContain("---");
        JsonNode reread = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(yaml);
        JsonNode json =
                new ObjectMapper().readTree(OutputFormat.json.render(OpenShiftDocuments.imageStreamImport(RESULT)));
        assertThat(reread).isEqualTo(json);
    }

    @Test
    void printsJsonTheWayKubectlDoes() {
        String json = OutputFormat.json.render(OpenShiftDocuments.imageStreamImport(RESULT));

        assertThat(json)
                .startsWith("{\n  \"apiVersion\": \"image.openshift.io/v1\",\n  \"kind\": \"ImageStreamImport\"");
    }

    @Test
    void rendersAPolicyThatAppliesBackToTheSamePolicy() {
        ImportPolicy policy = PolicyDocument.parse(
                Documents.parse("policy.yaml", dev.imagepipe.cli.testing.PolicyFixtures.EVERY_FIELD),
                PolicyDocument.DEFAULT_NAME);

        for (OutputFormat format : List.of(OutputFormat.yaml, OutputFormat.json)) {
            String rendered = format.render(OpenShiftDocuments.policy(policy));

            assertThat(rendered).doesNotContain("\"name\": \"cluster\"", "name: cluster");
            assertThat(PolicyDocument.parse(Documents.parse("get." + format, rendered), "cluster"))
                    .as(format.name())
                    .isEqualTo(policy);
        }
    }
}
