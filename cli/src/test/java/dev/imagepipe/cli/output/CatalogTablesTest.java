package dev.imagepipe.cli.output;

import static dev.imagepipe.cli.testing.TaggerFixtures.D1;
import static dev.imagepipe.cli.testing.TaggerFixtures.D2;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imagepipe.cli.testing.TaggerFixtures;
import dev.imagepipe.schemas.avro.ConditionStatus;
import dev.imagepipe.schemas.avro.ImageStream;
import dev.imagepipe.schemas.avro.ImageStreamStatus;
import dev.imagepipe.schemas.avro.NamedTagEventList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogTablesTest {

    @Test
    void listsAStreamsTagsAndTheTimeOfItsNewestImage() {
        assertThat(CatalogTables.streams(List.of(TaggerFixtures.stream())).lines())
                .containsExactly(
                        "NAMESPACE   NAME   TAGS         UPDATED",
                        "team        app    latest,old   2026-03-01T10:05:00Z");
    }

    @Test
    void saysHowManyMoreTagsAStreamHasPastTheFirstFew() {
        ImageStream base = TaggerFixtures.stream();
        List<NamedTagEventList> tags = List.of("a", "b", "c", "d", "e", "f").stream()
                .map(tag -> new NamedTagEventList(tag, List.of(), List.of()))
                .toList();
        ImageStream stream = ImageStream.newBuilder(base)
                .setStatus(ImageStreamStatus.newBuilder(base.getStatus())
                        .setTags(tags)
                        .build())
                .build();

        assertThat(CatalogTables.streams(List.of(stream)).lines().toList().get(1))
                .contains("a,b,c,d + 2 more...")
                .endsWith("more...");
    }

    @Test
    void showsEachTagsImagePullSpecHistoryAndWhatNeedsAttention() {
        List<String> lines = CatalogTables.tags(List.of(TaggerFixtures.failingView(), TaggerFixtures.view()))
                .lines()
                .toList();

        assertThat(lines.getFirst().split("\\s{2,}"))
                .containsExactly("NAMESPACE", "NAME", "IMAGE", "PULL SPEC", "HISTORY", "UPDATED", "STATUS");
        assertThat(lines.get(1).split("\\s{2,}"))
                .containsExactly(
                        "team", "app:broken", "0", "2026-03-01T10:05:00Z", "ImportFailed (NotFound), Deferred");
        assertThat(lines.get(2).split("\\s{2,}"))
                .containsExactly("team", "app:latest", D2, "quay.io/team/app@" + D2, "2", "2026-03-01T10:05:00Z");
    }

    @Test
    void showsAnImagesReferenceAndMediaType() {
        assertThat(CatalogTables.images(List.of(TaggerFixtures.image()))
                        .lines()
                        .toList()
                        .get(1)
                        .split("\\s{2,}"))
                .containsExactly(D2, "quay.io/team/app@" + D2, "application/vnd.oci.image.manifest.v1+json", "0");
    }

    @Test
    void showsASignaturesVerdictWithTheReasonOfTheConditionThatFailed() {
        List<String> lines = CatalogTables.signatures(List.of(
                        TaggerFixtures.signature(ConditionStatus.False, "UntrustedKey"),
                        TaggerFixtures.signature(ConditionStatus.True, "Verified")))
                .lines()
                .toList();

        assertThat(lines.get(0).split("\\s{2,}"))
                .containsExactly("NAME", "TYPE", "TRUSTED", "FOR IMAGE", "REASON", "ISSUED BY");
        assertThat(lines.get(1).split("\\s{2,}"))
                .containsExactly(
                        D2 + "@sig-1", "AtomicImageV1", "False", "True", "UntrustedKey", "release key, Example Corp");
        assertThat(lines.get(2)).contains("True   ").contains("Verified").doesNotContain(D1);
    }
}
