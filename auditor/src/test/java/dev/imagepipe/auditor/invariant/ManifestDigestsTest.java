package dev.imagepipe.auditor.invariant;

import static dev.imagepipe.auditor.fixtures.KnownTimeline.D1;
import static dev.imagepipe.auditor.fixtures.KnownTimeline.D2;
import static dev.imagepipe.auditor.fixtures.KnownTimeline.M1;
import static dev.imagepipe.auditor.fixtures.KnownTimeline.REPOSITORY;
import static dev.imagepipe.auditor.fixtures.KnownTimeline.T4;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imagepipe.auditor.fixtures.Avro;
import dev.imagepipe.auditor.fixtures.FixtureRecord;
import dev.imagepipe.auditor.fixtures.InMemoryLog;
import dev.imagepipe.auditor.fixtures.KnownTimeline;
import dev.imagepipe.auditor.log.ImageEntry;
import dev.imagepipe.auditor.log.Logged;
import dev.imagepipe.auditor.log.Position;
import dev.imagepipe.auditor.replay.Source;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ManifestDigestsTest {

    private final KnownTimeline timeline = KnownTimeline.create();

    @Test
    void acceptsImagesWhoseManifestHashesToTheirDigest() {
        assertThat(Checks.of(timeline.records(), Rule.MANIFEST_DIGEST)).isEmpty();
    }

    @Test
    void reportsATamperedManifestWithItsOffset() {
        String tampered = M1.replace("\"size\":2", "\"size\":3");
        var corrupt = new FixtureRecord(Source.IMAGES, D1, T4, Avro.image(D1, REPOSITORY, tampered));

        assertThat(Checks.of(timeline.with(corrupt), Rule.MANIFEST_DIGEST))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.primary().position())
                            .isEqualTo(
                                    new Position(InMemoryLog.topic(Source.IMAGES), 0, timeline.count(Source.IMAGES)));
                    assertThat(v.message()).contains(D1).contains("does not match");
                });
    }

    @Test
    void reportsAnImageFiledUnderAnotherDigest() {
        var misfiled = new FixtureRecord(Source.IMAGES, D2, T4, Avro.image(D1, REPOSITORY, M1));

        assertThat(Checks.of(timeline.with(misfiled), Rule.MANIFEST_DIGEST))
                .singleElement()
                .satisfies(v -> assertThat(v.message()).contains("keyed " + D2).contains("holds image " + D1));
    }

    @Test
    void cannotJudgeAnImageWithoutItsManifest() {
        var record = Logged.of(
                new Position("images", 0, 7),
                T4,
                D1,
                new ImageEntry(
                        D1, REPOSITORY + "@" + D1, "application/vnd.oci.image.manifest.v1+json", Optional.empty()));

        assertThat(ManifestDigests.check(record)).isEmpty();
    }

    @Test
    void leavesTombstonesAlone() {
        assertThat(ManifestDigests.check(Logged.tombstone(new Position("images", 0, 7), T4, D1)))
                .isEmpty();
    }
}
