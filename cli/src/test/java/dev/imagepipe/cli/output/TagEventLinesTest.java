package dev.imagepipe.cli.output;

import static dev.imagepipe.cli.testing.TaggerFixtures.D1;
import static dev.imagepipe.cli.testing.TaggerFixtures.D2;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imagepipe.cli.testing.TaggerFixtures;
import dev.imagepipe.schemas.avro.ConditionStatus;
import dev.imagepipe.schemas.avro.TagEventCondition;
import dev.imagepipe.schemas.avro.TagEventKind;
import dev.imagepipe.schemas.avro.TagEventRecord;
import org.junit.jupiter.api.Test;

class TagEventLinesTest {

    @Test
    void printsTimeKindTagImagePreviousAndRequest() {
        assertThat(TagEventLines.line(TaggerFixtures.moved()))
                .isEqualTo("2026-03-01T10:05:00Z  Moved  team/app:latest  " + D2 + "  " + D1 + "  req-2");
        assertThat(TagEventLines.HEADER).isEqualTo("TIME  KIND  TAG  IMAGE  PREVIOUS  REQUEST");
    }

    @Test
    void marksWhatAnEventDoesNotHaveAndAddsTheFailureReason() {
        TagEventRecord failed = TagEventRecord.newBuilder(TaggerFixtures.moved())
                .setKind(TagEventKind.ImportFailed)
                .setEvent(null)
                .setPrevious(null)
                .setRequestUid(null)
                .setCondition(TagEventCondition.newBuilder()
                        .setStatus(ConditionStatus.False)
                        .setReason("NotFound")
                        .setMessage("manifest\nunknown")
                        .setGeneration(2)
                        .build())
                .build();

        assertThat(TagEventLines.line(failed))
                .isEqualTo("2026-03-01T10:05:00Z  ImportFailed  team/app:latest  -  -  -  NotFound: manifest unknown");
    }
}
