package dev.imagepipe.local.registry;

import java.util.List;

/**
 * Where the registry's state lives: every mutation is appended as {@link StoreRecord}s and applied to the {@link
 * RegistryState} this store owns. Callers ({@link SchemaRegistry}) serialize all calls.
 */
public interface SchemaStore extends AutoCloseable {

    /** The current state, with every appended record applied. */
    RegistryState state();

    /**
     * Persists the records, in order, and applies them to {@link #state()} before returning.
     *
     * @throws RegistryError 50001 when they could not be persisted
     */
    void append(List<StoreRecord> records);

    @Override
    void close();
}
