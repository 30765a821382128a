package dev.imagepipe.schemas.topic;

import dev.imagepipe.schemas.avro.DeadLetter;
import dev.imagepipe.schemas.avro.Image;
import dev.imagepipe.schemas.avro.ImageSignature;
import dev.imagepipe.schemas.avro.ImageStream;
import dev.imagepipe.schemas.avro.ImageStreamImport;
import dev.imagepipe.schemas.avro.ImageStreamImportRequest;
import dev.imagepipe.schemas.avro.ImageStreamTagView;
import dev.imagepipe.schemas.avro.ImportPolicy;
import dev.imagepipe.schemas.avro.RegistryObservation;
import dev.imagepipe.schemas.avro.TagEventRecord;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The topic catalog: every topic of DESIGN.md with its prefixed name, string keys, Avro values and broker settings.
 * Immutable; build one per application from its prefix and serde configuration.
 */
public final class Topics {

    /** Prefix applied to every topic name unless configured otherwise. */
    public static final String DEFAULT_PREFIX = "imagepipe.";

    /** Partitions of the keyed topics: enough for a few instances per app on a small cluster; fixed at creation. */
    public static final int DEFAULT_PARTITIONS = 6;

    /** The policy topic is read as a global table; one partition keeps every policy change in one total order. */
    static final int POLICY_PARTITIONS = 1;

    /** Dead letters are few and read by people; one partition keeps them in the order they failed. */
    static final int DLQ_PARTITIONS = 1;

    /** Requests and results: a week, so a consumer down over a long weekend still catches up. */
    static final Duration REQUEST_RETENTION = Duration.ofDays(7);

    /** Registry observations back audits of where images came from: a year of them. */
    static final Duration OBSERVATION_RETENTION = Duration.ofDays(365);

    /** Dead letters: a month for an operator to inspect and replay them. */
    static final Duration DLQ_RETENTION = Duration.ofDays(30);

    /** Kafka's legal topic-name characters; the prefix must keep names legal. */
    private static final Pattern LEGAL_PREFIX = Pattern.compile("[a-zA-Z0-9._-]*");

    /** Kafka's longest topic name (249) less the longest suffix of the catalog. */
    static final int MAX_PREFIX_LENGTH = 249 - "import.requests".length();

    private final String prefix;
    private final Topic<String, ImageStreamImportRequest> importRequests;
    private final Topic<String, ImageStreamImport> importResults;
    private final Topic<String, RegistryObservation> observations;
    private final Topic<String, Image> images;
    private final Topic<String, ImageStream> streams;
    private final Topic<String, ImageStreamTagView> tags;
    private final Topic<String, TagEventRecord> tagEvents;
    private final Topic<String, ImageSignature> signatures;
    private final Topic<String, ImportPolicy> policy;
    private final Topic<String, DeadLetter> deadLetters;

    /** Every topic of DESIGN.md: suffix, cleanup and retention; the one place these are written down. */
    enum Entry {
        IMPORT_REQUESTS("import.requests", REQUEST_RETENTION),
        IMPORT_RESULTS("import.results", REQUEST_RETENTION),
        OBSERVATIONS("observations", OBSERVATION_RETENTION),
        IMAGES("images", null),
        STREAMS("streams", null),
        TAGS("tags", null),
        TAG_EVENTS("tag.events", TopicDeclaration.UNLIMITED),
        SIGNATURES("signatures", null),
        POLICY("policy", null),
        DLQ("dlq", DLQ_RETENTION);

        private final String suffix;
        /** Retention of a log topic; {@code null} marks a compacted table topic. */
        private final Duration retention;

        Entry(String suffix, Duration retention) {
            this.suffix = suffix;
            this.retention = retention;
        }

        TopicDeclaration declare(String prefix, int partitions) {
            int count =
                    switch (this) {
                        case POLICY -> POLICY_PARTITIONS;
                        case DLQ -> DLQ_PARTITIONS;
                        default -> partitions;
                    };
            return retention == null
                    ? TopicDeclaration.compacted(prefix + suffix, count)
                    : TopicDeclaration.log(prefix + suffix, count, retention);
        }
    }

    private Topics(String prefix, int partitions, ValueSerdes serdes) {
        this.prefix = prefix;
        importRequests = topic(Entry.IMPORT_REQUESTS, prefix, partitions, serdes, ImageStreamImportRequest.class);
        importResults = topic(Entry.IMPORT_RESULTS, prefix, partitions, serdes, ImageStreamImport.class);
        observations = topic(Entry.OBSERVATIONS, prefix, partitions, serdes, RegistryObservation.class);
        images = topic(Entry.IMAGES, prefix, partitions, serdes, Image.class);
        streams = topic(Entry.STREAMS, prefix, partitions, serdes, ImageStream.class);
        tags = topic(Entry.TAGS, prefix, partitions, serdes, ImageStreamTagView.class);
        tagEvents = topic(Entry.TAG_EVENTS, prefix, partitions, serdes, TagEventRecord.class);
        signatures = topic(Entry.SIGNATURES, prefix, partitions, serdes, ImageSignature.class);
        policy = topic(Entry.POLICY, prefix, partitions, serdes, ImportPolicy.class);
        deadLetters = topic(Entry.DLQ, prefix, partitions, serdes, DeadLetter.class);
    }

    /**
     * The catalog for {@code prefix}, with {@code partitions} partitions for keyed topics.
     *
     * @throws IllegalArgumentException when the prefix would make an illegal topic name
     */
    public static Topics create(String prefix, int partitions, ValueSerdes serdes) {
        Objects.requireNonNull(serdes, "serdes");
        return new Topics(checkPrefix(prefix), partitions, serdes);
    }

    /**
     * The broker-side declarations of the catalog for {@code prefix}, without serdes: for tools that create, verify
     * or list topics but read no values.
     */
    public static List<TopicDeclaration> declarations(String prefix, int partitions) {
        String checked = checkPrefix(prefix);
        return Arrays.stream(Entry.values())
                .map(e -> e.declare(checked, partitions))
                .toList();
    }

    private static String checkPrefix(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        if (!LEGAL_PREFIX.matcher(prefix).matches() || prefix.length() > MAX_PREFIX_LENGTH) {
            throw new IllegalArgumentException("topic prefix \"" + prefix + "\" is invalid: use at most "
                    + MAX_PREFIX_LENGTH + " of the characters a-z A-Z 0-9 . _ -");
        }
        return prefix;
    }

    /** The catalog with the default prefix and partitions. */
    public static Topics create(ValueSerdes serdes) {
        return create(DEFAULT_PREFIX, DEFAULT_PARTITIONS, serdes);
    }

    private static <V extends SpecificRecord> Topic<String, V> topic(
            Entry entry, String prefix, int partitions, ValueSerdes serdes, Class<V> valueType) {
        return new Topic<>(entry.declare(prefix, partitions), Serdes.String(), serdes.serdeFor(valueType));
    }

    public String prefix() {
        return prefix;
    }

    /** Key {@code ns/stream}: import requests from producers, the API, the CLI and the scheduler. */
    public Topic<String, ImageStreamImportRequest> importRequests() {
        return importRequests;
    }

    /** Key {@code ns/stream}: the importer's ImageStreamImport results. */
    public Topic<String, ImageStreamImport> importResults() {
        return importResults;
    }

    /** Key: canonical repository. Every registry observation, success or failure. */
    public Topic<String, RegistryObservation> observations() {
        return observations;
    }

    /** Key: image digest. Compacted. */
    public Topic<String, Image> images() {
        return images;
    }

    /** Key {@code ns/stream}. Compacted. */
    public Topic<String, ImageStream> streams() {
        return streams;
    }

    /** Key {@code ns/stream:tag}. Compacted per-tag view. */
    public Topic<String, ImageStreamTagView> tags() {
        return tags;
    }

    /** Key {@code ns/stream:tag}. Every tag change, kept forever. */
    public Topic<String, TagEventRecord> tagEvents() {
        return tagEvents;
    }

    /** Key {@code digest@signature-name}. Compacted. */
    public Topic<String, ImageSignature> signatures() {
        return signatures;
    }

    /** Key: policy name. Compacted. */
    public Topic<String, ImportPolicy> policy() {
        return policy;
    }

    /** Key: the failed record's key. Records no app could process. */
    public Topic<String, DeadLetter> deadLetters() {
        return deadLetters;
    }

    /** Every topic of the catalog, in DESIGN.md's order. */
    public List<Topic<String, ?>> all() {
        return List.of(
                importRequests,
                importResults,
                observations,
                images,
                streams,
                tags,
                tagEvents,
                signatures,
                policy,
                deadLetters);
    }

    /** The broker-side declaration of every topic. */
    public List<TopicDeclaration> declarations() {
        return all().stream().map(Topic::declaration).toList();
    }
}
