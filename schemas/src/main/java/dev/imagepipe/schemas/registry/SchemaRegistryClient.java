package dev.imagepipe.schemas.registry;

import org.apache.avro.Schema;

/**
 * The subset of the Confluent Schema Registry REST API that the Avro serde needs.
 *
 * <p>Every method either returns a value or throws {@link SchemaRegistryException}, which carries the HTTP
 * status and the registry's {@code error_code}. Implementations are thread-safe.
 */
public interface SchemaRegistryClient extends AutoCloseable {

    /** The version argument that names a subject's newest version. */
    String LATEST = "latest";

    /**
     * Registers {@code schema} under {@code subject} ({@code POST /subjects/{subject}/versions}); registering an
     * already registered schema returns its existing id.
     *
     * @return the registry-wide schema id
     */
    int register(String subject, Schema schema);

    /**
     * Finds the id of a schema already registered under {@code subject} ({@code POST /subjects/{subject}}).
     *
     * @throws SchemaRegistryException with {@link SchemaRegistryException#SUBJECT_NOT_FOUND} or {@link
     *     SchemaRegistryException#SCHEMA_NOT_FOUND} when it is not registered
     */
    int lookupId(String subject, Schema schema);

    /**
     * Fetches the schema with a registry-wide id ({@code GET /schemas/ids/{id}}).
     *
     * @throws SchemaRegistryException with {@link SchemaRegistryException#SCHEMA_NOT_FOUND} for an unknown id
     */
    Schema schemaById(int id);

    /**
     * Fetches one version of a subject ({@code GET /subjects/{subject}/versions/{version}}).
     *
     * @param versionOrLatest a version number or {@link #LATEST}
     */
    SchemaVersion version(String subject, String versionOrLatest);

    /**
     * Asks whether {@code schema} could be registered against a version of {@code subject} under the subject's
     * compatibility level ({@code POST /compatibility/subjects/{subject}/versions/{version}?verbose=true}).
     *
     * @param version a version number or {@link #LATEST}
     */
    CompatibilityResult testCompatibility(String subject, String version, Schema schema);

    /** Releases connections; the default does nothing. Never throws. */
    @Override
    default void close() {}
}
