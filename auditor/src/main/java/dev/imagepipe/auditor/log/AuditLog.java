package dev.imagepipe.auditor.log;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a replay read, topic by topic, each list in read order (so records of one key, which share a partition,
 * are in log order). Tombstones are kept: on a compacted topic they say a key is gone.
 *
 * @param tagEvents {@code tag.events}
 * @param importResults {@code import.results}
 * @param images {@code images}
 * @param signatures {@code signatures}
 * @param observations {@code observations}
 * @param tags {@code tags}
 * @param streams {@code streams}
 * @param policies {@code policy}
 */
public record AuditLog(
        List<Logged<TagEventEntry>> tagEvents,
        List<Logged<ImportResultEntry>> importResults,
        List<Logged<ImageEntry>> images,
        List<Logged<SignatureEntry>> signatures,
        List<Logged<ObservationEntry>> observations,
        List<Logged<TagViewEntry>> tags,
        List<Logged<StreamEntry>> streams,
        List<Logged<PolicyEntry>> policies) {

    public AuditLog {
        tagEvents = List.copyOf(tagEvents);
        importResults = List.copyOf(importResults);
        images = List.copyOf(images);
        signatures = List.copyOf(signatures);
        observations = List.copyOf(observations);
        tags = List.copyOf(tags);
        streams = List.copyOf(streams);
        policies = List.copyOf(policies);
    }

    /** The last record of each key, tombstones included: what a compacted topic converges to. */
    public static <T> Map<String, Logged<T>> latestByKey(List<Logged<T>> records) {
        Map<String, Logged<T>> latest = new LinkedHashMap<>();
        records.forEach(record -> latest.put(record.key(), record));
        return latest;
    }

    /** A builder, filled record by record as a replay reads. */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects records; not thread-safe (a replay reads on one thread). */
    public static final class Builder {
        private final List<Logged<TagEventEntry>> tagEvents = new ArrayList<>();
        private final List<Logged<ImportResultEntry>> importResults = new ArrayList<>();
        private final List<Logged<ImageEntry>> images = new ArrayList<>();
        private final List<Logged<SignatureEntry>> signatures = new ArrayList<>();
        private final List<Logged<ObservationEntry>> observations = new ArrayList<>();
        private final List<Logged<TagViewEntry>> tags = new ArrayList<>();
        private final List<Logged<StreamEntry>> streams = new ArrayList<>();
        private final List<Logged<PolicyEntry>> policies = new ArrayList<>();

        private Builder() {}

        public Builder tagEvent(Logged<TagEventEntry> record) {
            tagEvents.add(record);
            return this;
        }

        public Builder importResult(Logged<ImportResultEntry> record) {
            importResults.add(record);
            return this;
        }

        public Builder image(Logged<ImageEntry> record) {
            images.add(record);
            return this;
        }

        public Builder signature(Logged<SignatureEntry> record) {
            signatures.add(record);
            return this;
        }

        public Builder observation(Logged<ObservationEntry> record) {
            observations.add(record);
            return this;
        }

        public Builder tag(Logged<TagViewEntry> record) {
            tags.add(record);
            return this;
        }

        public Builder stream(Logged<StreamEntry> record) {
            streams.add(record);
            return this;
        }

        public Builder policy(Logged<PolicyEntry> record) {
            policies.add(record);
            return this;
        }

        public AuditLog build() {
            return new AuditLog(tagEvents, importResults, images, signatures, observations, tags, streams, policies);
        }
    }
}
