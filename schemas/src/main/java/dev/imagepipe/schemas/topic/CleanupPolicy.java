package dev.imagepipe.schemas.topic;

/** How Kafka discards a topic's old records: by age ({@link #DELETE}) or by key ({@link #COMPACT}). */
public enum CleanupPolicy {
    /** Records are deleted when older than the topic's retention: logs of events. */
    DELETE("delete"),
    /** Only the newest record per key is kept, forever: tables of current state. */
    COMPACT("compact");

    private final String configValue;

    CleanupPolicy(String configValue) {
        this.configValue = configValue;
    }

    /** The value of Kafka's {@code cleanup.policy} topic setting. */
    public String configValue() {
        return configValue;
    }
}
