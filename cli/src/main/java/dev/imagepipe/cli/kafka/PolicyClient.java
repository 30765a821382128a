package dev.imagepipe.cli.kafka;

import dev.imagepipe.schemas.avro.ImportPolicy;
import dev.imagepipe.schemas.topic.Topic;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;

/** Writes policies to the compacted {@code policy} topic (key: policy name) and reads the current ones back. */
public final class PolicyClient {

    private final KafkaConnection connection;

    public PolicyClient(KafkaConnection connection) {
        this.connection = Objects.requireNonNull(connection, "connection");
    }

    public String topicName() {
        return topic().name();
    }

    /** A fresh catalog entry per use: a Kafka client closes the serdes it was given, so they cannot be reused. */
    private Topic<String, ImportPolicy> topic() {
        return connection.topics().policy();
    }

    /**
     * Replaces the policy named {@code policy.getName()}.
     *
     * @throws KafkaException when the broker does not take it
     */
    public RecordMetadata apply(ImportPolicy policy) throws InterruptedException {
        Topic<String, ImportPolicy> topic = topic();
        try (Producer<String, ImportPolicy> producer = new KafkaProducer<>(
                connection.producerConfig(),
                topic.keySerde().serializer(),
                topic.valueSerde().serializer())) {
            return producer.send(new ProducerRecord<>(topic.name(), policy.getName(), policy))
                    .get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof KafkaException kafka
                    ? kafka
                    : new KafkaException("could not write to " + topic.name(), e.getCause());
        }
    }

    /** Every current policy by name: the topic read from its start to the end captured now, deletions applied. */
    public Map<String, ImportPolicy> current() {
        return TopicTable.read(connection, topic(), name -> true);
    }
}
