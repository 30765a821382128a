package dev.imagepipe.tagger.topology;

import dev.imagepipe.schemas.avro.Image;
import dev.imagepipe.schemas.avro.ImageStream;
import dev.imagepipe.schemas.avro.TagSchedule;
import dev.imagepipe.schemas.topic.Topic;
import dev.imagepipe.schemas.topic.Topics;
import dev.imagepipe.schemas.topic.ValueSerdes;
import dev.imagepipe.tagger.history.RetentionPolicy;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * The tagger topology (DESIGN.md, tagger):
 *
 * <pre>
 * import.results ─▶ tagger-apply [tagger-streams, tagger-schedule] ─┬─▶ streams     (ns/stream → ImageStream)
 *                     │                                              ├─▶ tags        (ns/stream:tag → ImageStreamTagView)
 *                     │                                              └─▶ tag.events  (ns/stream:tag → TagEventRecord)
 *                     └─ wall-clock punctuation: scheduled imports ────▶ import.requests (ns/stream → request)
 * images ─▶ tagger-verify [tagger-signatures] ─▶ signatures (digest@name → ImageSignature, tombstones)
 * policy ─▶ tagger-policy-updater ─▶ [tagger-policy] (global, read by tagger-apply and tagger-verify)
 * </pre>
 *
 * Built with the Processor API so each operator forwards to exactly the sink it means, tombstones included; every
 * source, operator, sink and store is named, so changelog topic names never shift. No repartition is needed:
 * {@code import.results} is keyed by stream and {@code images} by digest, the keys the stores use. Records that
 * cannot be decoded go to {@code dlq} through the importer's {@code DeadLetterHandler}, configured by the application.
 */
public final class TaggerTopology {

    public static final String POLICY_STORE = "tagger-policy";
    public static final String STREAMS_STORE = "tagger-streams";
    public static final String SCHEDULE_STORE = "tagger-schedule";
    public static final String SIGNATURES_STORE = "tagger-signatures";

    public static final String APPLY_PROCESSOR = "tagger-apply";
    public static final String VERIFY_PROCESSOR = "tagger-verify";
    static final String POLICY_SOURCE = "tagger-policy-source";
    static final String POLICY_UPDATER = "tagger-policy-updater";
    static final String RESULTS_SOURCE = "tagger-import-results";
    static final String IMAGES_SOURCE = "tagger-images";
    static final String STREAMS_SINK = "tagger-streams-sink";
    static final String TAGS_SINK = "tagger-tags-sink";
    static final String TAG_EVENTS_SINK = "tagger-tag-events-sink";
    static final String REQUESTS_SINK = "tagger-import-requests-sink";
    static final String SIGNATURES_SINK = "tagger-signatures-sink";

    /**
     * How the topology behaves; the application fills it from its configuration.
     *
     * @param policyName the key read from the {@code policy} topic; while it holds none, the schema's defaults apply
     * @param retention how much tag history every stream write keeps
     * @param scheduledImports whether scheduled tags are re-imported (OpenShift's {@code disableScheduledImport}
     *     inverted); when off, no schedule is kept and no request is issued
     * @param jitterSeed seeds the per-stream jitter of due times, the same on every instance
     * @param punctuationInterval how often scheduling rounds run and the policy is checked for new trusted keys
     * @param clock the wall clock, used only for scheduling decisions (history and verdicts use event time)
     */
    public record Settings(
            String policyName,
            RetentionPolicy retention,
            boolean scheduledImports,
            long jitterSeed,
            Duration punctuationInterval,
            InstantSource clock) {

        /** The policy every imagepipe app reads by default. */
        public static final String DEFAULT_POLICY_NAME = "cluster";

        /**
         * Five seconds: due times are spread over a 90 s jitter window at the 15-minute default interval and the budget
         * is counted per minute, so a round every 5 s issues within a few percent of the due time while a full scan of
         * a task's schedules stays rare.
         */
        public static final Duration DEFAULT_PUNCTUATION_INTERVAL = Duration.ofSeconds(5);

        /** OpenShift's defaults: keep all history, scheduled imports on, the system clock. */
        public static final Settings DEFAULT = new Settings(
                DEFAULT_POLICY_NAME,
                RetentionPolicy.UNLIMITED,
                true,
                0,
                DEFAULT_PUNCTUATION_INTERVAL,
                InstantSource.system());

        public Settings {
            Objects.requireNonNull(policyName, "policyName");
            Objects.requireNonNull(retention, "retention");
            Objects.requireNonNull(punctuationInterval, "punctuationInterval");
            Objects.requireNonNull(clock, "clock");
            if (punctuationInterval.isNegative() || punctuationInterval.isZero()) {
                throw new IllegalArgumentException("punctuationInterval must be positive: " + punctuationInterval);
            }
        }
    }

    private TaggerTopology() {}

    /** The topology, telling nobody what it does ({@link TaggerEvents#NONE}). */
    public static Topology build(Topics topics, ValueSerdes serdes, Settings settings) {
        return build(topics, serdes, settings, TaggerEvents.NONE);
    }

    /**
     * The topology, telling {@code events} about tag changes and scheduled imports as it writes them.
     *
     * @param topics the catalog: names and serdes of every topic read and written
     * @param serdes the value serdes of the stores
     */
    public static Topology build(Topics topics, ValueSerdes serdes, Settings settings, TaggerEvents events) {
        Objects.requireNonNull(events, "events");
        Serde<String> keys = Serdes.String();
        Topology topology = new Topology();

        topology.addGlobalStore(
                Stores.timestampedKeyValueStoreBuilder(
                                Stores.inMemoryKeyValueStore(POLICY_STORE),
                                keys,
                                topics.policy().valueSerde())
                        .withLoggingDisabled(),
                POLICY_SOURCE,
                keys.deserializer(),
                topics.policy().valueSerde().deserializer(),
                topics.policy().name(),
                POLICY_UPDATER,
                PolicyStoreUpdater::new);

        int partitions = topics.importResults().declaration().partitions();
        topology.addSource(
                RESULTS_SOURCE,
                keys.deserializer(),
                topics.importResults().valueSerde().deserializer(),
                topics.importResults().name());
        topology.addProcessor(APPLY_PROCESSOR, () -> new StreamProcessor(settings, partitions, events), RESULTS_SOURCE);
        topology.addStateStore(
                Stores.keyValueStoreBuilder(
                        Stores.persistentKeyValueStore(STREAMS_STORE), keys, serdes.serdeFor(ImageStream.class)),
                APPLY_PROCESSOR);
        topology.addStateStore(
                Stores.keyValueStoreBuilder(
                        Stores.persistentKeyValueStore(SCHEDULE_STORE), keys, serdes.serdeFor(TagSchedule.class)),
                APPLY_PROCESSOR);
        sink(topology, STREAMS_SINK, topics.streams(), APPLY_PROCESSOR);
        sink(topology, TAGS_SINK, topics.tags(), APPLY_PROCESSOR);
        sink(topology, TAG_EVENTS_SINK, topics.tagEvents(), APPLY_PROCESSOR);
        sink(topology, REQUESTS_SINK, topics.importRequests(), APPLY_PROCESSOR);

        topology.addSource(
                IMAGES_SOURCE,
                keys.deserializer(),
                topics.images().valueSerde().deserializer(),
                topics.images().name());
        topology.addProcessor(VERIFY_PROCESSOR, () -> new SignatureProcessor(settings), IMAGES_SOURCE);
        topology.addStateStore(
                Stores.keyValueStoreBuilder(
                        Stores.persistentKeyValueStore(SIGNATURES_STORE), keys, serdes.serdeFor(Image.class)),
                VERIFY_PROCESSOR);
        sink(topology, SIGNATURES_SINK, topics.signatures(), VERIFY_PROCESSOR);
        return topology;
    }

    private static <V> void sink(Topology topology, String name, Topic<String, V> topic, String parent) {
        topology.addSink(
                name,
                topic.name(),
                topic.keySerde().serializer(),
                topic.valueSerde().serializer(),
                parent);
    }
}
