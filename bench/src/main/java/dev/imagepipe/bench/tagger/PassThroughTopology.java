package dev.imagepipe.bench.tagger;

import dev.imagepipe.schemas.avro.ImageStreamImport;
import dev.imagepipe.schemas.topic.Topic;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;

/**
 * The baseline: {@code import.results} copied record by record to another topic, decoded and re-encoded with the same
 * Avro serde, under the same Streams settings as the tagger. What remains of the tagger's cost after dividing by this
 * is its own work: stores, history rules, and the records it writes.
 */
final class PassThroughTopology {

    static final String SOURCE = "bench-passthrough-source";
    static final String SINK = "bench-passthrough-sink";

    private PassThroughTopology() {}

    static Topology build(Topic<String, ImageStreamImport> input, String copyTopic) {
        return new Topology()
                .addSource(
                        SOURCE,
                        Serdes.String().deserializer(),
                        input.valueSerde().deserializer(),
                        input.name())
                .addSink(
                        SINK,
                        copyTopic,
                        Serdes.String().serializer(),
                        input.valueSerde().serializer(),
                        SOURCE);
    }
}
