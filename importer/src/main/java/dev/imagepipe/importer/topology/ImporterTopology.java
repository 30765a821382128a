package dev.imagepipe.importer.topology;

import dev.imagepipe.schemas.avro.Image;
import dev.imagepipe.schemas.avro.ImageImportStatus;
import dev.imagepipe.schemas.avro.ImageStreamImport;
import dev.imagepipe.schemas.avro.ImportProgress;
import dev.imagepipe.schemas.avro.ImportTask;
import dev.imagepipe.schemas.avro.PendingImports;
import dev.imagepipe.schemas.avro.RegistryObservation;
import dev.imagepipe.schemas.topic.Topics;
import dev.imagepipe.schemas.topic.ValueSerdes;
import java.time.Duration;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The import topology (DESIGN.md, importer):
 *
 * <pre>
 * import.requests ─▶ importer-intake ─┬─▶ invalid ─────────────────────────────────────────────▶ import.results
 *                                     ├─▶ expectation ─▶ [importer-expected] ──────────┐
 *                                     └─▶ tasks ─▶ [importer-tasks, by repository]     │
 *                                          ─▶ importer-fetch (async) ─┬─▶ images        │
 *                                                                     ├─▶ observations  │
 *                                                                     └─▶ [importer-progress] ─┴─▶ importer-assemble ─▶ import.results
 * policy ─▶ importer-policy (global store, read by intake and fetch)
 * </pre>
 *
 * Every operator, store and repartition topic is named, so changelog and internal topic names never shift. Records
 * that cannot be decoded go to {@code dlq} through {@link DeadLetterHandler}, configured by the application.
 */
public final class ImporterTopology {

    public static final String POLICY_STORE = "importer-policy";
    public static final String IN_FLIGHT_STORE = "importer-in-flight";
    public static final String KNOWN_STORE = "importer-known-images";
    public static final String ASSEMBLY_STORE = "importer-assembly";

    /**
     * How the topology behaves; the application fills it from {@code ImporterConfig}.
     *
     * @param policy the policy name read from the {@code policy} topic and the fallback while it holds none
     * @param maxInFlight tasks running per partition before the stream thread waits for one to finish
     * @param drainInterval how often finished fetches are forwarded when no new task arrives
     * @param knownCapacity entries in the known-imports store per partition (least recently used evicted)
     */
    public record Settings(PolicyDefaults policy, int maxInFlight, Duration drainInterval, int knownCapacity) {
        public Settings {
            Objects.requireNonNull(policy, "policy");
            Objects.requireNonNull(drainInterval, "drainInterval");
            if (maxInFlight < 1 || knownCapacity < 1) {
                throw new IllegalArgumentException("maxInFlight and knownCapacity must be positive");
            }
        }
    }

    private ImporterTopology() {}

    public static Topology build(
            Topics topics, ValueSerdes serdes, FetchWorkers workers, Settings settings, ImportEvents events) {
        StreamsBuilder builder = new StreamsBuilder();
        Serde<String> keys = Serdes.String();
        Serde<ImportTask> taskSerde = serdes.serdeFor(ImportTask.class);
        Serde<ImportProgress> progressSerde = serdes.serdeFor(ImportProgress.class);

        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(
                                Stores.inMemoryKeyValueStore(POLICY_STORE),
                                keys,
                                topics.policy().valueSerde())
                        .withLoggingDisabled(),
                topics.policy().name(),
                Consumed.with(keys, topics.policy().valueSerde()).withName("importer-policy-source"),
                PolicyStoreUpdater::new);
        builder.addStateStore(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(IN_FLIGHT_STORE), keys, taskSerde));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.lruMap(KNOWN_STORE, settings.knownCapacity()), keys, serdes.serdeFor(ImageImportStatus.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(ASSEMBLY_STORE), keys, serdes.serdeFor(PendingImports.class)));

        KStream<String, SpecificRecord> intake = builder.stream(
                        topics.importRequests().name(),
                        Consumed.with(keys, topics.importRequests().valueSerde())
                                .withName("importer-requests"))
                .process(() -> new RequestIntake(settings.policy()), Named.as("importer-intake"));

        KStream<String, ImportProgress> expected = intake.filter(
                        (key, value) -> value instanceof ImportProgress, Named.as("importer-expectations"))
                .mapValues(value -> (ImportProgress) value, Named.as("importer-expectation-values"))
                .repartition(Repartitioned.with(keys, progressSerde).withName("importer-expected"));
        intake.filter((key, value) -> value instanceof ImageStreamImport, Named.as("importer-invalid"))
                .mapValues(value -> (ImageStreamImport) value, Named.as("importer-invalid-values"))
                .to(
                        topics.importResults().name(),
                        Produced.with(keys, topics.importResults().valueSerde()).withName("importer-invalid-results"));

        KStream<String, SpecificRecord> fetched = intake.filter(
                        (key, value) -> value instanceof ImportTask, Named.as("importer-planned"))
                .mapValues(value -> (ImportTask) value, Named.as("importer-task-values"))
                .repartition(Repartitioned.with(keys, taskSerde).withName("importer-tasks"))
                .process(
                        () -> new FetchProcessor(
                                workers,
                                settings.policy(),
                                settings.maxInFlight(),
                                settings.drainInterval(),
                                settings.knownCapacity()),
                        Named.as("importer-fetch"),
                        IN_FLIGHT_STORE,
                        KNOWN_STORE);

        fetched.split(Named.as("importer-fetched-"))
                .branch(
                        (key, value) -> value instanceof Image,
                        Branched.withConsumer(
                                stream -> stream.mapValues(value -> (Image) value, Named.as("importer-image-values"))
                                        .to(
                                                topics.images().name(),
                                                Produced.with(
                                                                keys,
                                                                topics.images().valueSerde())
                                                        .withName("importer-images")),
                                "images"))
                .branch(
                        (key, value) -> value instanceof RegistryObservation,
                        Branched.withConsumer(
                                stream -> stream.mapValues(
                                                value -> (RegistryObservation) value,
                                                Named.as("importer-observation-values"))
                                        .to(
                                                topics.observations().name(),
                                                Produced.with(
                                                                keys,
                                                                topics.observations()
                                                                        .valueSerde())
                                                        .withName("importer-observations")),
                                "observations"))
                .branch(
                        (key, value) -> value instanceof ImportProgress,
                        Branched.withConsumer(
                                stream -> stream.mapValues(
                                                value -> (ImportProgress) value, Named.as("importer-progress-values"))
                                        .repartition(Repartitioned.with(keys, progressSerde)
                                                .withName("importer-progress"))
                                        .merge(expected, Named.as("importer-progress-merge"))
                                        .process(
                                                () -> new Assembler(events),
                                                Named.as("importer-assemble"),
                                                ASSEMBLY_STORE)
                                        .to(
                                                topics.importResults().name(),
                                                Produced.with(
                                                                keys,
                                                                topics.importResults()
                                                                        .valueSerde())
                                                        .withName("importer-results")),
                                "progress"));
        return builder.build();
    }
}
