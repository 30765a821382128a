package dev.imagepipe.importer.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imagepipe.importer.registry.FailureReason;
import java.util.List;
import org.junit.jupiter.api.Test;

class FetchFailuresTest {

    private static final Observation MIRROR_NOT_FOUND = new Observation(
            "mirror.local/team/app@sha256:" + "a".repeat(64),
            true,
            new Observation.Failure(FailureReason.NOT_FOUND, "manifest unknown at mirror"));
    private static final Observation SOURCE_UNAVAILABLE = new Observation(
            "quay.io/team/app@sha256:" + "a".repeat(64),
            false,
            new Observation.Failure(FailureReason.REGISTRY_UNAVAILABLE, "503 from quay.io"));

    @Test
    void aSingleFailureIsReturnedAsIs() {
        FetchResult.Failed failed = FetchFailures.aggregate(List.of(SOURCE_UNAVAILABLE));

        assertThat(failed.reason()).isEqualTo(FailureReason.REGISTRY_UNAVAILABLE);
        assertThat(failed.message()).isEqualTo("503 from quay.io");
        assertThat(failed.observations()).containsExactly(SOURCE_UNAVAILABLE);
    }

    @Test
    void severalFailuresKeepTheLastReasonAndEveryCandidatesDetail() {
        FetchResult.Failed failed = FetchFailures.aggregate(List.of(MIRROR_NOT_FOUND, SOURCE_UNAVAILABLE));

        assertThat(failed.reason()).isEqualTo(FailureReason.REGISTRY_UNAVAILABLE);
        assertThat(failed.message())
                .isEqualTo("all 2 pull sources failed: mirror mirror.local/team/app@sha256:" + "a".repeat(64)
                        + ": manifest unknown at mirror (NotFound); source quay.io/team/app@sha256:" + "a".repeat(64)
                        + ": 503 from quay.io (RegistryUnavailable)");
        assertThat(failed.observations()).containsExactly(MIRROR_NOT_FOUND, SOURCE_UNAVAILABLE);
    }

    @Test
    void refusesToAggregateWhenNothingWasTried() {
        assertThatThrownBy(() -> FetchFailures.aggregate(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesToAggregateASuccess() {
        Observation served =
                new Observation("quay.io/team/app:1", false, new Observation.Served("sha256:" + "b".repeat(64)));

        assertThatThrownBy(() -> FetchFailures.aggregate(List.of(MIRROR_NOT_FOUND, served)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
