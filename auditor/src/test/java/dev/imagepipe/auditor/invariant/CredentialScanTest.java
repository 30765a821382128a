package dev.imagepipe.auditor.invariant;

import static dev.imagepipe.auditor.fixtures.KnownTimeline.REPOSITORY;
import static dev.imagepipe.auditor.fixtures.KnownTimeline.T4;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imagepipe.auditor.fixtures.Avro;
import dev.imagepipe.auditor.fixtures.FixtureRecord;
import dev.imagepipe.auditor.fixtures.KnownTimeline;
import dev.imagepipe.auditor.log.Position;
import dev.imagepipe.auditor.replay.Source;
import dev.imagepipe.schemas.avro.RegistryObservation;
import dev.imagepipe.schemas.avro.Status;
import dev.imagepipe.schemas.avro.StatusOutcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class CredentialScanTest {

    private final KnownTimeline timeline = KnownTimeline.create();

    @Test
    void findsNoCredentialsInACleanHistory() {
        assertThat(Checks.of(timeline.records(), Rule.NO_CREDENTIALS)).isEmpty();
    }

    @Test
    void reportsAPasswordInAFailureMessageWithoutRepeatingIt() {
        RegistryObservation leaky = RegistryObservation.newBuilder(
                        Avro.observation(REPOSITORY, "stable", null, REPOSITORY, "r5", T4))
                .setFailure(Status.newBuilder()
                        .setStatus(StatusOutcome.Failure)
                        .setMessage("GET https://robot:hunter2@registry.example.com/v2/ failed")
                        .build())
                .build();
        var record = new FixtureRecord(Source.OBSERVATIONS, REPOSITORY, T4, leaky);

        assertThat(Checks.of(timeline.with(record), Rule.NO_CREDENTIALS))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.primary().position().offset()).isEqualTo(timeline.count(Source.OBSERVATIONS));
                    assertThat(v.message()).isEqualTo("a user:password in a URL in failure.message (value not shown)");
                    assertThat(v.toString()).doesNotContain("hunter2");
                });
    }

    @Test
    void scansAnnotationsAsHeaders() {
        List<Violation> found = CredentialScan.check(
                new Position("t", 0, 3),
                "k",
                T4,
                List.of(new ScannedText(
                        "metadata.annotations[Authorization]", "Authorization: Bearer eyJhbGciOi.x.y")));

        assertThat(found).singleElement().satisfies(v -> assertThat(v.message()).contains("Authorization header"));
    }

    @Test
    void withholdsAKeyThatItselfHoldsACredential() {
        List<Violation> found = CredentialScan.check(new Position("t", 0, 3), "https://u:p@host/x", T4, List.of());

        assertThat(found).singleElement().satisfies(v -> {
            assertThat(v.primary().key()).isEqualTo(CredentialScan.WITHHELD_KEY);
            assertThat(v.message()).contains("(key)");
        });
    }
}
