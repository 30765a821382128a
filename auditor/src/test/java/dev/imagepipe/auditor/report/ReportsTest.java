package dev.imagepipe.auditor.report;

import static dev.imagepipe.auditor.fixtures.KnownTimeline.D1;
import static dev.imagepipe.auditor.fixtures.KnownTimeline.D2;
import static dev.imagepipe.auditor.fixtures.KnownTimeline.STABLE;
import static dev.imagepipe.auditor.fixtures.KnownTimeline.STABLE_D1;
import static dev.imagepipe.auditor.fixtures.KnownTimeline.T4;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.imagepipe.auditor.fixtures.Avro;
import dev.imagepipe.auditor.fixtures.FixtureRecord;
import dev.imagepipe.auditor.fixtures.KnownTimeline;
import dev.imagepipe.auditor.replay.Source;
import dev.imagepipe.schemas.avro.TagEventKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportsTest {

    private final KnownTimeline timeline = KnownTimeline.create();
    private final FixtureRecord wrongView = new FixtureRecord(
            Source.TAGS, STABLE, T4, Avro.tagView(STABLE, Avro.history("stable", List.of(STABLE_D1), List.of()), T4));

    @Test
    void textSaysCleanAndListsEveryTag() {
        String text = TextReport.render(Reports.of(timeline.records()));

        assertThat(text).contains("clean: no violations");
        assertThat(text).contains("prod/api:stable  " + D2 + "  (4 events)");
        assertThat(text).contains("prod/api:latest  " + KnownTimeline.D3 + "  (1 events)");
    }

    @Test
    void textNamesEachViolationWithItsRecordsOffsets() {
        String text = TextReport.render(Reports.of(timeline.with(wrongView)));

        assertThat(text).contains("1 violation(s)");
        assertThat(text).contains("[projections match rebuilt histories] prod/api:stable: tags shows " + D1);
        assertThat(text).contains("imagepipe.tags/0@2  key prod/api:stable");
        assertThat(text).contains("imagepipe.tag.events/0@4  key prod/api:stable");
    }

    @Test
    void jsonCarriesViolationsWithTopicPartitionOffsetAndTheRebuiltTags() throws Exception {
        JsonNode json = new ObjectMapper().readTree(JsonReport.render(Reports.of(timeline.with(wrongView))));

        assertThat(json.get("clean").asBoolean()).isFalse();
        JsonNode violation = json.get("violations").get(0);
        assertThat(violation.get("rule").asText()).isEqualTo("PROJECTION_MATCHES");
        JsonNode record = violation.get("records").get(0);
        assertThat(record.get("topic").asText()).isEqualTo("imagepipe.tags");
        assertThat(record.get("partition").asInt()).isZero();
        assertThat(record.get("offset").asLong()).isEqualTo(2);
        JsonNode stable = json.get("tags").get(1);
        assertThat(stable.get("tag").asText()).isEqualTo(STABLE);
        assertThat(stable.get("current").get("image").asText()).isEqualTo(D2);
        assertThat(stable.get("events"))
                .extracting(e -> e.get("kind").asText())
                .containsExactly("Added", "Moved", "ImportFailed", "Recovered");
    }

    @Test
    void htmlHasASectionPerStreamAndARowPerEvent() {
        String html = HtmlReport.render(Reports.of(timeline.records()));

        assertThat(html).startsWith("<!DOCTYPE html>");
        assertThat(html).contains("<section class=\"stream\" data-stream=\"prod/api\">");
        assertThat(html).contains("data-tag=\"prod/api:stable\" data-kind=\"ImportFailed\"");
        assertThat(html).contains("import failed: NotFound: manifest unknown");
        assertThat(html).contains("Trusted=True (Verified)");
        assertThat(html).doesNotContain("<script").doesNotContain("http://").doesNotContain("https://");
    }

    @Test
    void htmlEscapesWhatTheLogHolds() {
        var hostile = new FixtureRecord(
                Source.TAG_EVENTS,
                "prod/<img src=x onerror=alert(1)>:x",
                T4,
                Avro.tagEvent(
                        TagEventKind.ImportFailed,
                        "prod/<img src=x onerror=alert(1)>:x",
                        null,
                        null,
                        Avro.failure("NotFound", "<script>alert(1)</script>", 1, T4),
                        null,
                        T4));

        String html = HtmlReport.render(Reports.of(timeline.with(hostile)));

        assertThat(html).doesNotContain("<script>alert").doesNotContain("<img src=x");
        assertThat(html)
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("&lt;img src=x onerror=alert(1)&gt;");
    }

    @Test
    void parsesFormatsInAnyCase() {
        assertThat(ReportFormat.parse("HTML")).isEqualTo(ReportFormat.HTML);
        assertThat(ReportFormat.parse("json")).isEqualTo(ReportFormat.JSON);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ReportFormat.parse("yaml"))
                .withMessageContaining("use text, json or html");
    }
}
