package dev.imagepipe.importer.topology;

import dev.imagepipe.schemas.avro.DeadLetter;
import dev.imagepipe.schemas.serde.SpecificAvroSerde;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes records an app cannot decode or process to the {@code dlq} topic as {@code DeadLetter} (source topic,
 * partition, offset, raw bytes, error) and carries on with the next record: bad input never stops a topology and is
 * never silently dropped. The dead letter is produced by the stream thread's producer, so under
 * {@code exactly_once_v2} it commits with the offsets that skip the record.
 *
 * <p>Configured through the Streams properties: {@value #TOPIC_CONFIG} names the dead-letter topic and
 * {@value #APPLICATION_CONFIG} the app recorded in each letter; the serde reads the usual schema-registry keys.
 */
public final class DeadLetterHandler implements DeserializationExceptionHandler, ProcessingExceptionHandler {

    public static final String TOPIC_CONFIG = "imagepipe.dlq.topic";
    public static final String APPLICATION_CONFIG = "imagepipe.application";

    /** Optional: a {@link Runnable} run for each dead letter (the app's counter); passed as an object, not a string. */
    public static final String LISTENER_CONFIG = "imagepipe.dlq.listener";

    private static final Logger log = LoggerFactory.getLogger(DeadLetterHandler.class);

    /**
     * Sets {@code properties} so that Streams routes undecodable records and records a processor fails on to
     * {@code topic}, naming {@code application} in each letter and running {@code listener} for each (a metric).
     */
    public static void install(Properties properties, String topic, String application, Runnable listener) {
        properties.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class);
        properties.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class);
        properties.put(TOPIC_CONFIG, topic);
        properties.put(APPLICATION_CONFIG, application);
        properties.put(LISTENER_CONFIG, listener);
    }

    private String topic;
    private String application;
    private Serializer<DeadLetter> serializer;
    private Runnable listener = () -> {};

    @Override
    public void configure(Map<String, ?> configs) {
        topic = Objects.requireNonNull((String) configs.get(TOPIC_CONFIG), TOPIC_CONFIG + " is not set");
        Object app = configs.get(APPLICATION_CONFIG);
        application = app == null ? "unknown" : app.toString();
        SpecificAvroSerde<DeadLetter> serde = new SpecificAvroSerde<>();
        serde.configure(configs, false);
        serializer = serde.serializer();
        if (configs.get(LISTENER_CONFIG) instanceof Runnable configured) {
            listener = configured;
        }
    }

    @Override
    public DeserializationExceptionHandler.Response handleError(
            ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        return DeserializationExceptionHandler.Response.resume(
                List.of(letter(context, record.key(), record.value(), exception)));
    }

    @Override
    public ProcessingExceptionHandler.Response handleError(
            ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        return ProcessingExceptionHandler.Response.resume(
                List.of(letter(context, context.sourceRawKey(), context.sourceRawValue(), exception)));
    }

    private ProducerRecord<byte[], byte[]> letter(
            ErrorHandlerContext context, byte[] key, byte[] value, Exception exception) {
        log.warn(
                "{}: record at {} partition {} offset {} goes to {}: {}",
                application,
                context.topic(),
                context.partition(),
                context.offset(),
                topic,
                exception.toString());
        listener.run();
        DeadLetter letter = DeadLetter.newBuilder()
                .setSourceTopic(context.topic())
                .setPartition(context.partition())
                .setOffset(context.offset())
                .setKey(key == null ? null : ByteBuffer.wrap(key))
                .setValue(value == null ? null : ByteBuffer.wrap(value))
                .setErrorClass(exception.getClass().getName())
                .setErrorMessage(exception.getMessage())
                .setApplication(application)
                .setFailedAt(Instant.now())
                .build();
        return new ProducerRecord<>(topic, null, key, serializer.serialize(topic, letter));
    }
}
