package dev.imagepipe.schemas.topic;

import dev.imagepipe.schemas.topic.TopicProblem.Severity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.TopicConfig;

/** Compares a topic's broker configuration with its {@link TopicDeclaration}; pure, so it is tested without Kafka. */
final class TopicVerifier {

    /** Kafka's value for "no limit" in {@code retention.ms} and {@code retention.bytes}. */
    private static final long NO_LIMIT = -1L;

    private TopicVerifier() {}

    /**
     * The problems of one topic.
     *
     * @param declared what the catalog declares
     * @param partitions the partition count on the broker
     * @param configs the topic's effective settings on the broker (defaults included)
     */
    static List<TopicProblem> problems(TopicDeclaration declared, int partitions, Map<String, String> configs) {
        List<TopicProblem> problems = new ArrayList<>();
        String name = declared.name();
        String policyValue = configs.getOrDefault(TopicConfig.CLEANUP_POLICY_CONFIG, "delete");
        Set<String> policies = Arrays.stream(policyValue.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
        if (declared.compacted()) {
            if (!policies.equals(Set.of("compact"))) {
                problems.add(error(
                        name,
                        TopicConfig.CLEANUP_POLICY_CONFIG,
                        "compact",
                        policyValue,
                        "a table topic must keep the newest value of every key forever; otherwise keys are silently"
                                + " lost"));
            }
        } else {
            if (policies.contains("compact")) {
                problems.add(error(
                        name,
                        TopicConfig.CLEANUP_POLICY_CONFIG,
                        "delete",
                        policyValue,
                        "an event log must keep every record; compaction silently drops all but the newest per key"));
            }
            problems.addAll(retentionProblems(declared, configs));
        }
        if (partitions < declared.partitions()) {
            problems.add(new TopicProblem(
                    name,
                    "partitions",
                    Integer.toString(declared.partitions()),
                    Integer.toString(partitions),
                    Severity.WARNING,
                    "fewer partitions limit how many instances share the work"));
        }
        return problems;
    }

    private static List<TopicProblem> retentionProblems(TopicDeclaration declared, Map<String, String> configs) {
        List<TopicProblem> problems = new ArrayList<>();
        String name = declared.name();
        long retentionMs = longSetting(configs, TopicConfig.RETENTION_MS_CONFIG);
        long retentionBytes = longSetting(configs, TopicConfig.RETENTION_BYTES_CONFIG);
        boolean keepForever = declared.retention().equals(TopicDeclaration.UNLIMITED);
        Severity severity = keepForever ? Severity.ERROR : Severity.WARNING;
        String expected = Long.toString(declared.retention().toMillis());
        if (retentionMs != NO_LIMIT
                && (keepForever || retentionMs < declared.retention().toMillis())) {
            problems.add(new TopicProblem(
                    name,
                    TopicConfig.RETENTION_MS_CONFIG,
                    expected,
                    Long.toString(retentionMs),
                    severity,
                    "records are deleted sooner than the pipeline expects"));
        }
        if (retentionBytes != NO_LIMIT) {
            problems.add(new TopicProblem(
                    name,
                    TopicConfig.RETENTION_BYTES_CONFIG,
                    Long.toString(NO_LIMIT),
                    Long.toString(retentionBytes),
                    severity,
                    "records are deleted by size, whatever their age"));
        }
        return problems;
    }

    private static long longSetting(Map<String, String> configs, String key) {
        String value = configs.get(key);
        if (value == null || value.isBlank()) {
            return NO_LIMIT;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("broker reported a non-numeric " + key + ": " + value, e);
        }
    }

    private static TopicProblem error(String topic, String setting, String expected, String actual, String why) {
        return new TopicProblem(topic, setting, expected, actual, Severity.ERROR, why);
    }
}
