package dev.imagepipe.tagger.topology;

import dev.imagepipe.schemas.avro.ImportPolicy;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Keeps the global store {@value TaggerTopology#POLICY_STORE} equal to the compacted {@code policy} topic, with each
 * policy's record timestamp: re-verification after a key change is probed at that time, not at the wall clock.
 */
final class PolicyStoreUpdater implements Processor<String, ImportPolicy, Void, Void> {

    private TimestampedKeyValueStore<String, ImportPolicy> store;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(TaggerTopology.POLICY_STORE);
    }

    @Override
    public void process(Record<String, ImportPolicy> record) {
        if (record.value() == null) {
            store.delete(record.key());
        } else {
            store.put(record.key(), ValueAndTimestamp.make(record.value(), record.timestamp()));
        }
    }
}
