package dev.imagepipe.cli.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imagepipe.importer.request.ImportRequest;
import dev.imagepipe.schemas.avro.ImageStreamImportRequest;
import dev.imagepipe.schemas.avro.ImportCause;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TagDeletionsTest {

    @Test
    void groupsTagsByStreamInTheOrderNamedAndDeletesEachOnce() {
        Map<String, Set<String>> byStream = TagDeletions.byStream(List.of(
                ImportTarget.parse("team/app:v2"),
                ImportTarget.parse("team/db:old"),
                ImportTarget.parse("team/app:v1"),
                ImportTarget.parse("team/app:v2")));

        assertThat(byStream).containsOnlyKeys("team/app", "team/db");
        assertThat(byStream.get("team/app")).containsExactly("v2", "v1");
        assertThat(byStream.keySet()).containsExactly("team/app", "team/db");
    }

    @Test
    void refusesATargetWithoutATag() {
        assertThatThrownBy(() -> TagDeletions.byStream(List.of(ImportTarget.parse("team/app"))))
                .hasMessage("\"team/app\" names no tag: use namespace/stream:tag");
    }

    @Test
    void asksForTheDeletionWithTheAnnotationAndNothingToImport() {
        Instant now = Instant.parse("2026-03-01T10:00:00Z");

        ImageStreamImportRequest request =
                TagDeletions.request("team/app", new java.util.LinkedHashSet<>(List.of("v2", "v1")), "uid-1", now);

        assertThat(request.getMetadata().getNamespace()).isEqualTo("team");
        assertThat(request.getMetadata().getName()).isEqualTo("app");
        assertThat(request.getMetadata().getUid()).isEqualTo("uid-1");
        assertThat(request.getMetadata().getAnnotations())
                .containsExactly(Map.entry(ImportRequest.DELETE_TAGS, "v2,v1"));
        assertThat(request.getSpec().getImport$()).isTrue();
        assertThat(request.getSpec().getImages()).isEmpty();
        assertThat(request.getSpec().getRepository()).isNull();
        assertThat(request.getRequestedAt()).isEqualTo(now);
        assertThat(request.getCause()).isEqualTo(ImportCause.User);
    }
}
