package dev.imagepipe.local.registry;

import java.util.List;

/** A {@link SchemaStore} that keeps the state in memory only: for tests and throw-away runs. */
public final class InMemorySchemaStore implements SchemaStore {

    private final RegistryState state = new RegistryState();

    @Override
    public RegistryState state() {
        return state;
    }

    @Override
    public void append(List<StoreRecord> records) {
        records.forEach(state::apply);
    }

    @Override
    public void close() {}
}
