package dev.imagepipe.tagger.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.imagepipe.schemas.avro.ImageStreamImport;
import dev.imagepipe.schemas.avro.ImageStreamTagView;
import dev.imagepipe.schemas.avro.TagEventKind;
import dev.imagepipe.schemas.avro.TagEventRecord;
import dev.imagepipe.schemas.topic.Topics;
import dev.imagepipe.testing.kafka.KafkaCluster;
import dev.imagepipe.testing.kafka.KafkaEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly-once across a crash: the tagger in a child JVM is killed with {@code SIGKILL} while a transaction holding
 * tag events is open, then restarted with the same application id and state directory. What {@code read_committed}
 * readers see on {@code tag.events} must be exactly what folding the results through the domain gives — nothing
 * twice, nothing missing — and the compacted {@code tags} must agree with the fold of {@code tag.events}.
 */
@KafkaCluster
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class TaggerExactlyOnceIT {

    private static final long SEED = 20260301L;
    private static final int RESULTS = 300;
    private static final int STREAMS = 5;
    private static final int TAGS_PER_STREAM = 6;

    /** Partitions of the catalog topics: several, so tasks, changelogs and transactions span partitions. */
    private static final int PARTITIONS = 3;

    /**
     * The crashing run commits this rarely, far beyond its life, so every event it writes stays in an open transaction
     * until the kill: the kill is certain to land mid-transaction, not between commits. Streams requires the
     * transaction timeout to be at least this, so the broker would abort a leaked transaction after as long; only the
     * restart, fencing the transactional id, ends it sooner.
     */
    private static final Duration NEVER_COMMITS = Duration.ofMinutes(3);

    /** Restarts restore state from changelogs and rejoin the group; generous for a loaded 2-core machine. */
    private static final Duration WAIT = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    private final List<TaggerProcess> processes = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        processes.stream().filter(TaggerProcess::alive).forEach(TaggerProcess::kill);
    }

    @Test
    void tagEventsHaveNoDuplicateAndNoGapAfterAKillMidTransaction(KafkaEnvironment kafka) throws Exception {
        Topics topics = Topics.create(kafka.topicPrefix(), PARTITIONS, TaggerStreams.serdes(kafka.schemaRegistryUrl()));
        String applicationId = kafka.topicPrefix() + "tagger";
        Path stateDir = Files.createDirectory(dir.resolve("state"));
        List<ImageStreamImport> results = ImportHistory.generate(SEED, RESULTS, STREAMS, TAGS_PER_STREAM);
        Map<String, List<TagEventRecord>> expected = ImportHistory.expectedEvents(results);
        assertThat(kinds(expected))
                .as("the results exercise every kind of change")
                .isEqualTo(EnumSet.complementOf(EnumSet.of(TagEventKind.Unknown)));
        assertThat(expected).as("tags touched").hasSizeGreaterThanOrEqualTo(STREAMS * TAGS_PER_STREAM - 2);

        try (TopicIo io = new TopicIo(kafka.bootstrapServers())) {
            io.ensure(topics);
            var launch = new TaggerProcess.Launch(
                    kafka.bootstrapServers(),
                    kafka.schemaRegistryUrl(),
                    kafka.topicPrefix(),
                    PARTITIONS,
                    applicationId,
                    stateDir,
                    TaggerStreams.COMMIT_INTERVAL,
                    Duration.ofSeconds(10));

            // Run 1 commits the first half, then dies between transactions.
            io.produce(topics.importResults(), results.subList(0, RESULTS / 2), ImportHistory::key);
            TaggerProcess first = start(launch, "run-1");
            awaitUntil(first, () -> io.consumedAll(applicationId, topics.importResults()));
            first.kill();

            // Run 2 writes the second half's events in a transaction it never commits, and dies with it open.
            io.produce(topics.importResults(), results.subList(RESULTS / 2, RESULTS), ImportHistory::key);
            TaggerProcess second = start(
                    new TaggerProcess.Launch(
                            launch.bootstrapServers(),
                            launch.schemaRegistryUrl(),
                            launch.topicPrefix(),
                            PARTITIONS,
                            applicationId,
                            stateDir,
                            NEVER_COMMITS,
                            NEVER_COMMITS),
                    "run-2");
            awaitUntil(second, () -> io.hasOpenTransaction(topics.tagEvents()));
            second.kill();
            assertThat(io.hasOpenTransaction(topics.tagEvents()))
                    .as("the kill left tag events in an open transaction")
                    .isTrue();
            assertThat(io.consumedAll(applicationId, topics.importResults()))
                    .as("the killed run committed none of the second half")
                    .isFalse();

            // Run 3: same id and state directory; it fences the dead transaction and finishes the work.
            TaggerProcess third = start(launch, "run-3");
            awaitUntil(third, () -> io.consumedAll(applicationId, topics.importResults()));

            Map<String, List<TagEventRecord>> events = byKey(io.readAll(topics.tagEvents()));
            assertThat(events).isEqualTo(expected);
            Map<String, ImageStreamTagView> tags = TopicIo.latest(io.readAll(topics.tags()));
            assertThat(tags.keySet()).isEqualTo(events.keySet());
            tags.forEach((key, view) -> assertThat(TagFold.view(view))
                    .as("latest tags record of %s", key)
                    .isEqualTo(TagFold.of(events.get(key))));
            third.kill();
        }
    }

    private TaggerProcess start(TaggerProcess.Launch launch, String name) {
        TaggerProcess process = TaggerProcess.launch(launch, dir.resolve(name + ".log"));
        processes.add(process);
        return process;
    }

    /** Waits for {@code condition}, failing early with the child's output if the child died or never got there. */
    private static void awaitUntil(TaggerProcess process, Callable<Boolean> condition) {
        try {
            await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
                if (!process.alive()) {
                    throw new IllegalStateException("the tagger JVM exited:\n" + process.output());
                }
                return condition.call();
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(e.getMessage() + "\ntagger output:\n" + process.output(), e);
        }
    }

    private static Map<String, List<TagEventRecord>> byKey(List<ConsumerRecord<String, TagEventRecord>> records) {
        var out = new LinkedHashMap<String, List<TagEventRecord>>();
        records.forEach(record ->
                out.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(record.value()));
        return out;
    }

    private static Set<TagEventKind> kinds(Map<String, List<TagEventRecord>> events) {
        var kinds = EnumSet.noneOf(TagEventKind.class);
        events.values().forEach(list -> list.forEach(event -> kinds.add(event.getKind())));
        return kinds;
    }
}
