package dev.imagepipe.local.registry;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link SchemaStore} on a compacted Kafka topic (default {@value KafkaStoreConfig#DEFAULT_TOPIC}, one
 * partition; created with {@code cleanup.policy=compact} when missing). Opening replays the topic from the start,
 * so ids, versions and compatibility levels survive restarts; every mutation is produced to the topic and applied
 * only when it has been read back, so the in-memory state is always a prefix of the topic.
 *
 * <p><b>Single writer:</b> exactly one server may use a topic at a time. Ids are allocated as the highest id seen
 * plus one, from this instance's view; a second instance on the same topic would allocate the same ids for
 * different schemas. Confluent's registry elects a leader to avoid this; this store does not.
 */
public final class KafkaSchemaStore implements SchemaStore {

    private static final Logger log = LoggerFactory.getLogger(KafkaSchemaStore.class);

    /** The store's one partition: a single ordered log is what makes replay deterministic. */
    private static final int PARTITION = 0;

    /** How long one poll waits while catching up; short, since the caller waits on the overall timeout. */
    private static final Duration POLL = Duration.ofMillis(100);

    /** How long closing may wait for the clients; every write was already awaited, so nothing is left to flush. */
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final KafkaStoreConfig config;
    private final TopicPartition partition;
    private final KafkaProducer<byte[], byte[]> producer;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final RegistryState state = new RegistryState();

    private KafkaSchemaStore(KafkaStoreConfig config) {
        this.config = config;
        this.partition = new TopicPartition(config.topic(), PARTITION);
        this.producer =
                new KafkaProducer<>(producerProperties(config), new ByteArraySerializer(), new ByteArraySerializer());
        this.consumer = new KafkaConsumer<>(
                consumerProperties(config), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * Creates the topic if missing, then replays it.
     *
     * @throws RegistryError 50001 when the broker cannot be reached or the replay does not finish in time
     */
    public static KafkaSchemaStore open(KafkaStoreConfig config) {
        createTopicIfMissing(config);
        KafkaSchemaStore store = new KafkaSchemaStore(config);
        try {
            store.consumer.assign(List.of(store.partition));
            store.consumer.seekToBeginning(List.of(store.partition));
            long end = store.consumer
                    .endOffsets(List.of(store.partition), config.timeout())
                    .get(store.partition);
            store.catchUpTo(end);
            log.info("schema store replayed {} record(s) from {}", end, config.topic());
            return store;
        } catch (RuntimeException e) {
            store.close();
            throw e instanceof RegistryError r ? r : RegistryError.storeError("cannot replay " + config.topic(), e);
        }
    }

    @Override
    public RegistryState state() {
        return state;
    }

    /**
     * Produces the records and reads the topic up to the last of them. When a send fails, records already written
     * are applied by the next successful append.
     */
    @Override
    public void append(List<StoreRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        Future<RecordMetadata> last = null;
        for (StoreRecord record : records) {
            StoreRecordCodec.Encoded encoded = StoreRecordCodec.encode(record);
            last = producer.send(new ProducerRecord<>(config.topic(), PARTITION, encoded.key(), encoded.value()));
        }
        long offset;
        try {
            offset =
                    last.get(config.timeout().toMillis(), TimeUnit.MILLISECONDS).offset();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RegistryError.storeError("interrupted while writing to " + config.topic(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw RegistryError.storeError("cannot write to " + config.topic(), e);
        }
        catchUpTo(offset + 1);
    }

    @Override
    public void close() {
        producer.close(CLOSE_TIMEOUT);
        consumer.close(CloseOptions.timeout(CLOSE_TIMEOUT));
    }

    /** Reads and applies records until the consumer's position reaches {@code endOffset}. */
    private void catchUpTo(long endOffset) {
        long deadline = System.nanoTime() + config.timeout().toNanos();
        while (consumer.position(partition, config.timeout()) < endOffset) {
            if (System.nanoTime() > deadline) {
                throw RegistryError.storeError(
                        "timed out reading " + config.topic() + " up to offset " + endOffset, null);
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                apply(record);
            }
        }
    }

    private void apply(ConsumerRecord<byte[], byte[]> record) {
        try {
            StoreRecordCodec.decode(record.key(), record.value()).ifPresent(state::apply);
        } catch (RuntimeException e) {
            // One unreadable record must not make every other schema unreachable; it is reported and skipped.
            log.error(
                    "skipping unreadable record at offset {} of {}: {}",
                    record.offset(),
                    config.topic(),
                    e.getMessage());
        }
    }

    private static void createTopicIfMissing(KafkaStoreConfig config) {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers()))) {
            NewTopic topic = new NewTopic(config.topic(), Optional.of(1), Optional.of(config.replicationFactor()))
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            admin.createTopics(List.of(topic)).all().get(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
            log.info("created schema store topic {}", config.topic());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw RegistryError.storeError("cannot create " + config.topic(), e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RegistryError.storeError("interrupted while creating " + config.topic(), e);
        } catch (TimeoutException e) {
            throw RegistryError.storeError("timed out creating " + config.topic(), e);
        }
    }

    private static Map<String, Object> producerProperties(KafkaStoreConfig config) {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                config.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                // Each write is awaited; batching would only delay it.
                ProducerConfig.LINGER_MS_CONFIG,
                0,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                (int) config.timeout().toMillis(),
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                (int) config.timeout().toMillis());
    }

    private static Map<String, Object> consumerProperties(KafkaStoreConfig config) {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                config.bootstrapServers(),
                // Assigned, not subscribed: the store always reads the whole topic and commits nothing.
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed");
    }
}
