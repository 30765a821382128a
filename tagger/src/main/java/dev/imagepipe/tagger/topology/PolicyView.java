package dev.imagepipe.tagger.topology;

import dev.imagepipe.schemas.avro.ImportPolicy;
import dev.imagepipe.schemas.avro.ImportScheduling;
import dev.imagepipe.tagger.history.RegistryHostnames;
import dev.imagepipe.tagger.schedule.ScheduleSettings;
import dev.imagepipe.tagger.signature.TrustPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * The policy in force for the tagger, read on the stream thread from the global store fed by the {@code policy} topic;
 * the schema defaults while the topic holds no policy of the configured name. The last mapping is kept, because
 * policies change rarely and mapping one parses every trusted key.
 */
final class PolicyView {

    /**
     * The policy and what the tagger takes from it.
     *
     * @param avro the policy record (the defaults while none is published)
     * @param publishedAt the policy record's timestamp; empty while none is published
     * @param hostnames the integrated registry's hostnames, for {@code status.dockerImageRepository} and Local
     *     references (A12)
     * @param minimumInterval scheduled imports of one stream are at least this far apart
     * @param perMinuteBudget scheduled imports per minute across the tagger; {@code <= 0} is unlimited
     * @param trust the usable trusted keys
     */
    record Current(
            ImportPolicy avro,
            Optional<Instant> publishedAt,
            RegistryHostnames hostnames,
            Duration minimumInterval,
            int perMinuteBudget,
            TrustPolicy trust) {}

    private final ReadOnlyKeyValueStore<String, ValueAndTimestamp<ImportPolicy>> store;
    private final String name;
    private Current last;

    PolicyView(ReadOnlyKeyValueStore<String, ValueAndTimestamp<ImportPolicy>> store, String name) {
        this.store = store;
        this.name = name;
    }

    Current current() {
        ValueAndTimestamp<ImportPolicy> stored = store.get(name);
        ImportPolicy policy =
                stored == null ? ImportPolicy.newBuilder().setName(name).build() : stored.value();
        Optional<Instant> at = Optional.ofNullable(stored).map(s -> Instant.ofEpochMilli(s.timestamp()));
        if (last == null || !last.avro().equals(policy) || !last.publishedAt().equals(at)) {
            last = map(policy, at);
        }
        return last;
    }

    private Current map(ImportPolicy policy, Optional<Instant> at) {
        List<String> external = policy.getExternalRegistryHostnames();
        ImportScheduling scheduling = policy.getScheduling();
        Duration interval = scheduling.getMinimumIntervalSeconds() > 0
                ? Duration.ofSeconds(scheduling.getMinimumIntervalSeconds())
                : ScheduleSettings.DEFAULT_MINIMUM_INTERVAL; // 0 or less has no meaning as an interval
        return new Current(
                policy,
                at,
                new RegistryHostnames(
                        Optional.ofNullable(policy.getInternalRegistryHostname())
                                .filter(h -> !h.isEmpty()),
                        external.stream().filter(h -> !h.isEmpty()).findFirst()),
                interval,
                scheduling.getPerMinuteBudget(),
                new TrustPolicy(AvroTrustedKeys.toDomain(policy.getName(), policy.getTrustedKeys())));
    }
}
