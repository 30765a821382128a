package dev.imagepipe.importer.request;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imagepipe.importer.fetch.ImportMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImportPlannerTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void specsAskingForTheSameTagShareOneFetchInOrderOfFirstAppearance() {
        List<PlannedFetch> plan = ImportPlanner.plan(
                request(spec("quay.io/team/a:1"), spec("quay.io/team/b:1"), spec("quay.io/team/a:1")),
                ImportMode.LEGACY);

        assertThat(plan).extracting(PlannedFetch::from).containsExactly("quay.io/team/a:1", "quay.io/team/b:1");
        assertThat(plan.get(0).specIndexes()).containsExactly(0, 2);
        assertThat(plan.get(1).specIndexes()).containsExactly(1);
        assertThat(plan).extracting(PlannedFetch::taskIndex).containsExactly(0, 1);
    }

    @Test
    void aMissingTagAndLatestAreTheSameFetch() {
        List<PlannedFetch> plan =
                ImportPlanner.plan(request(spec("quay.io/team/a"), spec("quay.io/team/a:latest")), ImportMode.LEGACY);
        assertThat(plan).singleElement().satisfies(fetch -> assertThat(fetch.specIndexes())
                .containsExactly(0, 1));
    }

    @Test
    void differentModesOrSpellingsAreDifferentFetches() {
        var preserve = new ImportRequest.ImageSpec(
                "DockerImage", "busybox:1", Optional.empty(), false, Optional.of(ImportMode.PRESERVE_ORIGINAL));
        List<PlannedFetch> plan = ImportPlanner.plan(
                request(spec("busybox:1"), preserve, spec("docker.io/library/busybox:1")), ImportMode.LEGACY);

        assertThat(plan).hasSize(3);
        assertThat(plan)
                .extracting(PlannedFetch::mode)
                .containsExactly(ImportMode.LEGACY, ImportMode.PRESERVE_ORIGINAL, ImportMode.LEGACY);
        assertThat(plan).extracting(PlannedFetch::repositoryKey).containsOnly("docker.io/library/busybox");
    }

    @Test
    void theRepositoryImportComesLastWithThePolicyDefaultMode() {
        var repository = new ImportRequest.RepositorySpec("DockerImage", "quay.io/team/app", true, Optional.empty());
        ImportRequest request = new ImportRequest(
                "team/app",
                Optional.of("team"),
                "app",
                false,
                List.of(spec("quay.io/team/app:1")),
                Optional.of(repository),
                Map.of(),
                NOW);

        List<PlannedFetch> plan = ImportPlanner.plan(request, ImportMode.PRESERVE_ORIGINAL);
        assertThat(plan.get(1).repositoryImport()).isTrue();
        assertThat(plan.get(1).insecure()).isTrue();
        assertThat(plan.get(1).mode()).isEqualTo(ImportMode.PRESERVE_ORIGINAL);
        assertThat(plan.get(1).specIndexes()).isEmpty();
    }

    @Test
    void targetTagFollowsA22() {
        assertThat(ImportPlanner.targetTag(spec("busybox:1.36"))).contains("1.36");
        assertThat(ImportPlanner.targetTag(spec("busybox"))).isEmpty();
        assertThat(ImportPlanner.targetTag(spec("busybox@sha256:" + "a".repeat(64))))
                .isEmpty();
        var explicit =
                new ImportRequest.ImageSpec("DockerImage", "busybox:1", Optional.of("stable"), false, Optional.empty());
        assertThat(ImportPlanner.targetTag(explicit)).contains("stable");
    }

    private static ImportRequest.ImageSpec spec(String from) {
        return new ImportRequest.ImageSpec("DockerImage", from, Optional.empty(), false, Optional.empty());
    }

    private static ImportRequest request(ImportRequest.ImageSpec... specs) {
        return new ImportRequest(
                "team/app", Optional.of("team"), "app", false, List.of(specs), Optional.empty(), Map.of(), NOW);
    }
}
