package dev.imagepipe.cli.output;

import static dev.imagepipe.cli.testing.TaggerFixtures.D1;
import static dev.imagepipe.cli.testing.TaggerFixtures.D2;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.imagepipe.cli.testing.TaggerFixtures;
import dev.imagepipe.schemas.avro.ConditionStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tagger's records as the OpenShift documents {@code imagepipe get -o json|yaml} prints. */
class CatalogDocumentsTest {

    private static JsonNode json(com.fasterxml.jackson.databind.node.ObjectNode document) throws Exception {
        return new ObjectMapper().readTree(OutputFormat.json.render(document));
    }

    @Test
    void rendersAStreamAsTheImageStreamOpenShiftServes() throws Exception {
        JsonNode stream = json(OpenShiftDocuments.imageStream(TaggerFixtures.stream()));

        assertThat(stream.get("apiVersion").asText()).isEqualTo("image.openshift.io/v1");
        assertThat(stream.get("kind").asText()).isEqualTo("ImageStream");
        assertThat(stream.at("/metadata/namespace").asText()).isEqualTo("team");
        assertThat(stream.at("/spec/tags/0/from/name").asText()).isEqualTo("quay.io/team/app:latest");
        assertThat(stream.at("/status/tags/0/tag").asText()).isEqualTo("latest");
        assertThat(stream.at("/status/tags/0/items/0/image").asText()).isEqualTo(D2);
        assertThat(stream.at("/status/tags/0/items/1/created").asText()).isEqualTo("2026-03-01T10:00:00Z");
    }

    @Test
    void rendersATagViewAsAnImageStreamTagWithItsHistoryAndResolvedPullSpec() throws Exception {
        JsonNode tag = json(OpenShiftDocuments.imageStreamTag(TaggerFixtures.view()));

        assertThat(tag.get("kind").asText()).isEqualTo("ImageStreamTag");
        assertThat(tag.at("/metadata/name").asText()).isEqualTo("app:latest");
        assertThat(tag.at("/metadata/namespace").asText()).isEqualTo("team");
        assertThat(tag.at("/metadata/annotations/imagepipe.dev~1updated-at").asText())
                .isEqualTo("2026-03-01T10:05:00Z");
        assertThat(tag.at("/tag/name").asText()).isEqualTo("latest");
        assertThat(tag.get("generation").asLong()).isEqualTo(2);
        assertThat(tag.at("/lookupPolicy/local").asBoolean()).isFalse();
        assertThat(tag.at("/image/metadata/name").asText()).isEqualTo(D2);
        assertThat(tag.at("/image/dockerImageReference").asText()).isEqualTo("quay.io/team/app@" + D2);
        assertThat(tag.at("/history/1/image").asText()).isEqualTo(D1);
        assertThat(tag.get("resolvedPullSpec").asText()).isEqualTo("quay.io/team/app@" + D2);
        assertThat(tag.has("conditions")).as("omitempty").isFalse();
        assertThat(tag.has("schedule")).isFalse();
    }

    @Test
    void rendersAFailingTagsConditionsAndSchedule() throws Exception {
        JsonNode tag = json(OpenShiftDocuments.imageStreamTag(TaggerFixtures.failingView()));

        assertThat(tag.at("/conditions/0/type").asText()).isEqualTo("ImportSuccess");
        assertThat(tag.at("/conditions/0/status").asText()).isEqualTo("False");
        assertThat(tag.at("/conditions/0/reason").asText()).isEqualTo("NotFound");
        assertThat(tag.at("/schedule/deferred").asBoolean()).isTrue();
        assertThat(tag.has("image")).isFalse();
        assertThat(tag.has("generation")).isFalse();
    }

    @Test
    void rendersImagesAndSignaturesWithTheirKinds() throws Exception {
        JsonNode image = json(OpenShiftDocuments.image(TaggerFixtures.image()));
        JsonNode signature =
                json(OpenShiftDocuments.imageSignature(TaggerFixtures.signature(ConditionStatus.True, "Verified")));

        assertThat(image.get("kind").asText()).isEqualTo("Image");
        assertThat(image.at("/metadata/name").asText()).isEqualTo(D2);
        assertThat(signature.get("kind").asText()).isEqualTo("ImageSignature");
        assertThat(signature.at("/metadata/name").asText()).isEqualTo(D2 + "@sig-1");
        assertThat(signature.at("/conditions/0/type").asText()).isEqualTo("Trusted");
        assertThat(signature.at("/issuedBy/commonName").asText()).isEqualTo("release key");
        assertThat(signature.get("content").asText()).isEqualTo("AQID");
    }

    @Test
    void wrapsSeveralDocumentsInAKubectlList() throws Exception {
        String yaml = OutputFormat.yaml.render(OpenShiftDocuments.list(List.of(
                OpenShiftDocuments.imageStreamTag(TaggerFixtures.view()),
                OpenShiftDocuments.imageStreamTag(TaggerFixtures.failingView()))));

        JsonNode list = new YAMLMapper().readTree(yaml);
        assertThat(yaml).startsWith("apiVersion: v1\nkind: List\nitems:\n");
        assertThat(list.get("items")).hasSize(2);
        assertThat(list.at("/items/1/metadata/name").asText()).isEqualTo("app:broken");
    }
}
