package dev.imagepipe.tagger.schedule;

import static dev.imagepipe.tagger.schedule.Streams.imported;
import static dev.imagepipe.tagger.schedule.Streams.stream;
import static dev.imagepipe.tagger.schedule.Streams.tag;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imagepipe.tagger.history.ImageStreamState;
import dev.imagepipe.tagger.schedule.ImportScheduler.ScheduledStream;
import dev.imagepipe.tagger.schedule.SchedulingRound.Deferral;
import dev.imagepipe.tagger.schedule.SchedulingRound.ScheduledImport;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ImportSchedulerTest {

    private static final Instant NOW = Instant.parse("2025-03-01T12:00:30Z");
    private static final Duration INTERVAL = ScheduleSettings.DEFAULT_MINIMUM_INTERVAL;
    private static final Duration JITTER_WINDOW = INTERVAL.dividedBy(Jitter.WINDOW_DIVISOR);

    private static ImageStreamState scheduled(String name) {
        return stream(
                name,
                true,
                Optional.empty(),
                List.of(tag("latest", name + ":latest", true, 1)),
                List.of(imported("latest", 1)));
    }

    private static ScheduledStream dueAt(String name, Instant due) {
        return new ScheduledStream(scheduled(name), StreamSchedule.dueAt(due));
    }

    private static ImportScheduler withBudget(int perMinute) {
        return new ImportScheduler(new ScheduleSettings(INTERVAL, perMinute, 42));
    }

    private static List<String> issuedNames(SchedulingRound round) {
        return round.issued().stream().map(i -> i.plan().name()).toList();
    }

    @Test
    void schedulesNewlyScheduledStreamOneIntervalPlusJitterAhead() {
        StreamSchedule schedule = withBudget(60)
                .onStreamChanged(scheduled("a"), Optional.empty(), NOW)
                .orElseThrow();

        assertThat(schedule.nextImportDue())
                .isBetween(NOW.plus(INTERVAL), NOW.plus(INTERVAL).plus(JITTER_WINDOW));
        assertThat(schedule.deferred()).isFalse();
    }

    @Test
    void keepsExistingScheduleWhenStreamChanges() {
        StreamSchedule current = StreamSchedule.dueAt(NOW.plusSeconds(5));

        assertThat(withBudget(60).onStreamChanged(scheduled("a"), Optional.of(current), NOW))
                .contains(current);
    }

    @Test
    void dropsScheduleOfStreamWithoutScheduledTags() {
        ImageStreamState manual =
                stream("a", true, Optional.empty(), List.of(tag("latest", "a:latest", false, 1)), List.of());

        assertThat(withBudget(60).onStreamChanged(manual, Optional.of(StreamSchedule.dueAt(NOW)), NOW))
                .isEmpty();
        assertThat(withBudget(60).onImported(manual, NOW)).isEmpty();
    }

    @Test
    void pushesNextImportBackAfterAnyImportAndEndsDeferral() {
        StreamSchedule after = withBudget(60).onImported(scheduled("a"), NOW).orElseThrow();

        assertThat(after.nextImportDue()).isAfterOrEqualTo(NOW.plus(INTERVAL));
        assertThat(after.deferred()).isFalse();
    }

    @Test
    void jitterIsDeterministicPerSeedAndStreamAndNeverShortensInterval() {
        var first = new HashSet<Instant>();
        for (int i = 0; i < 50; i++) {
            Instant due = withBudget(60)
                    .onImported(scheduled("s" + i), NOW)
                    .orElseThrow()
                    .nextImportDue();
            Instant again = withBudget(60)
                    .onImported(scheduled("s" + i), NOW)
                    .orElseThrow()
                    .nextImportDue();
            assertThat(due)
                    .isEqualTo(again)
                    .isBetween(NOW.plus(INTERVAL), NOW.plus(INTERVAL).plus(JITTER_WINDOW));
            first.add(due);
        }
        assertThat(first).as("streams spread over the window").hasSizeGreaterThan(40);
        Instant otherSeed = new ImportScheduler(new ScheduleSettings(INTERVAL, 60, 7))
                .onImported(scheduled("s0"), NOW)
                .orElseThrow()
                .nextImportDue();
        Instant sameSeed =
                withBudget(60).onImported(scheduled("s0"), NOW).orElseThrow().nextImportDue();
        assertThat(otherSeed).isNotEqualTo(sameSeed);
    }

    @Test
    void issuesDueStreamsOldestFirstAndLeavesOthers() {
        SchedulingRound round = withBudget(60)
                .plan(
                        List.of(
                                dueAt("late", NOW),
                                dueAt("future", NOW.plusSeconds(1)),
                                dueAt("early", NOW.minusSeconds(60))),
                        MinuteBudget.NONE,
                        NOW);

        assertThat(issuedNames(round)).containsExactly("early", "late");
        assertThat(round.deferred()).isEmpty();
        assertThat(round.issued().getFirst().next().nextImportDue()).isAfterOrEqualTo(NOW.plus(INTERVAL));
        assertThat(round.budget()).isEqualTo(new MinuteBudget(MinuteBudget.minuteOf(NOW), 2));
    }

    @Test
    void defersAndReportsDueStreamsBeyondBudget() {
        SchedulingRound round = withBudget(2)
                .plan(
                        List.of(dueAt("a", NOW.minusSeconds(3)), dueAt("b", NOW.minusSeconds(2)), dueAt("c", NOW)),
                        MinuteBudget.NONE,
                        NOW);

        assertThat(issuedNames(round)).containsExactly("a", "b");
        assertThat(round.deferred()).containsExactly(new Deferral("ns/c", new StreamSchedule(NOW, Optional.of(NOW))));
    }

    @Test
    void spendsBudgetAcrossRoundsOfSameMinuteAndRefillsNextMinute() {
        ImportScheduler scheduler = withBudget(2);
        SchedulingRound first = scheduler.plan(List.of(dueAt("a", NOW)), MinuteBudget.NONE, NOW);

        SchedulingRound sameMinute =
                scheduler.plan(List.of(dueAt("b", NOW), dueAt("c", NOW)), first.budget(), NOW.plusSeconds(10));
        SchedulingRound nextMinute = scheduler.plan(
                List.of(new ScheduledStream(
                        scheduled("c"), sameMinute.deferred().getFirst().schedule())),
                sameMinute.budget(),
                NOW.plusSeconds(40));

        assertThat(issuedNames(sameMinute)).containsExactly("b");
        assertThat(sameMinute.deferred()).extracting(Deferral::streamKey).containsExactly("ns/c");
        assertThat(issuedNames(nextMinute)).containsExactly("c");
    }

    @Test
    void keepsFirstDeferralTimeWhileStillDeferred() {
        Instant firstDeferred = NOW.minusSeconds(120);
        var waiting = new ScheduledStream(
                scheduled("c"), new StreamSchedule(NOW.minusSeconds(300), Optional.of(firstDeferred)));

        SchedulingRound round =
                withBudget(1).plan(List.of(dueAt("a", NOW.minusSeconds(400)), waiting), MinuteBudget.NONE, NOW);

        assertThat(round.deferred().getFirst().schedule().deferredSince()).contains(firstDeferred);
    }

    @Test
    void issuesEveryDueStreamWithoutBudget() {
        List<ScheduledStream> many =
                IntStream.range(0, 500).mapToObj(i -> dueAt("s" + i, NOW)).toList();

        SchedulingRound round = withBudget(ScheduleSettings.UNLIMITED_BUDGET).plan(many, MinuteBudget.NONE, NOW);

        assertThat(round.issued()).hasSize(500);
        assertThat(round.deferred()).isEmpty();
    }

    @Test
    void reportsStreamsNoLongerScheduled() {
        ImageStreamState pinnedAndImported = stream(
                "pinned",
                true,
                Optional.empty(),
                List.of(tag("latest", Streams.PINNED, true, 1)),
                List.of(imported("latest", 1)));

        SchedulingRound round = withBudget(60)
                .plan(
                        List.of(new ScheduledStream(pinnedAndImported, StreamSchedule.dueAt(NOW))),
                        MinuteBudget.NONE,
                        NOW);

        assertThat(round.unscheduled()).containsExactly("ns/pinned");
        assertThat(round.issued()).isEmpty();
    }

    @Test
    void issuedImportCarriesScheduledTagsOfStream() {
        ScheduledImport issued = withBudget(60)
                .plan(List.of(dueAt("a", NOW)), MinuteBudget.NONE, NOW)
                .issued()
                .getFirst();

        assertThat(issued.plan().tags()).containsExactly("latest");
        assertThat(issued.plan().images().getFirst().importPolicy().scheduled()).isTrue();
    }
}
