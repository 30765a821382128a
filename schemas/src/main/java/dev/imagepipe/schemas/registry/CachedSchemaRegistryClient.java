package dev.imagepipe.schemas.registry;

import java.util.Objects;
import org.apache.avro.Schema;

/**
 * Caches the answers that never change for a given registry: schema by id, and id by (subject, schema). Subject
 * versions (which move with {@code latest}) and compatibility checks go to the delegate every time; failures are
 * never cached.
 *
 * <p>Thread-safe; each cache is bounded by its capacity and evicts the least recently used entry.
 */
public final class CachedSchemaRegistryClient implements SchemaRegistryClient {

    /**
     * Confluent's default client cache capacity. An imagepipe app reads and writes a few dozen schemas, so the bound
     * is never reached in normal use; it exists so that a topic fed with ever-new schemas cannot grow memory
     * without limit.
     */
    public static final int DEFAULT_CAPACITY = 1000;

    private record SubjectSchema(String subject, Schema schema) {}

    private final SchemaRegistryClient delegate;
    private final BoundedCache<Integer, Schema> schemasById;
    private final BoundedCache<SubjectSchema, Integer> idsBySubjectSchema;

    public CachedSchemaRegistryClient(SchemaRegistryClient delegate) {
        this(delegate, DEFAULT_CAPACITY);
    }

    public CachedSchemaRegistryClient(SchemaRegistryClient delegate, int capacity) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.schemasById = new BoundedCache<>(capacity);
        this.idsBySubjectSchema = new BoundedCache<>(capacity);
    }

    @Override
    public int register(String subject, Schema schema) {
        int id = idsBySubjectSchema.get(new SubjectSchema(subject, schema), () -> delegate.register(subject, schema));
        schemasById.put(id, schema);
        return id;
    }

    @Override
    public int lookupId(String subject, Schema schema) {
        int id = idsBySubjectSchema.get(new SubjectSchema(subject, schema), () -> delegate.lookupId(subject, schema));
        schemasById.put(id, schema);
        return id;
    }

    @Override
    public Schema schemaById(int id) {
        return schemasById.get(id, () -> delegate.schemaById(id));
    }

    @Override
    public SchemaVersion version(String subject, String versionOrLatest) {
        SchemaVersion version = delegate.version(subject, versionOrLatest);
        schemasById.put(version.id(), version.schema());
        return version;
    }

    @Override
    public CompatibilityResult testCompatibility(String subject, String version, Schema schema) {
        return delegate.testCompatibility(subject, version, schema);
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public String toString() {
        return "CachedSchemaRegistryClient[" + delegate + "]";
    }
}
