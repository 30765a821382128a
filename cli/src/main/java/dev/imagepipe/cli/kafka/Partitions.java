package dev.imagepipe.cli.kafka;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** Assigns a consumer every partition of a topic and reports where each one ends. */
final class Partitions {

    private Partitions() {}

    /**
     * Assigns all of {@code topic}'s partitions to {@code consumer} and returns their end offsets (the last stable
     * offsets under read_committed), captured now.
     *
     * @throws UnknownTopicOrPartitionException when the topic does not exist
     */
    static Map<TopicPartition, Long> assignAll(Consumer<?, ?> consumer, String topic) {
        var infos = consumer.partitionsFor(topic);
        if (infos == null || infos.isEmpty()) {
            throw new UnknownTopicOrPartitionException("topic " + topic + " does not exist; is the pipeline up?");
        }
        List<TopicPartition> partitions = infos.stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        consumer.assign(partitions);
        return consumer.endOffsets(partitions);
    }

    /** Whether the consumer has read up to every captured end offset. */
    static boolean reachedEnd(Consumer<?, ?> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }
}
