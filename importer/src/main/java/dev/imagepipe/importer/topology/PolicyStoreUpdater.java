package dev.imagepipe.importer.topology;

import dev.imagepipe.schemas.avro.ImportPolicy;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Keeps the global policy store equal to the compacted {@code policy} topic: a tombstone removes a policy. */
final class PolicyStoreUpdater implements Processor<String, ImportPolicy, Void, Void> {

    private KeyValueStore<String, ImportPolicy> store;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(ImporterTopology.POLICY_STORE);
    }

    @Override
    public void process(Record<String, ImportPolicy> record) {
        if (record.value() == null) {
            store.delete(record.key());
        } else {
            store.put(record.key(), record.value());
        }
    }
}
