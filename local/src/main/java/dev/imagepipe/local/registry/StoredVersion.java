package dev.imagepipe.local.registry;

/**
 * One version of a subject as the registry keeps it.
 *
 * @param subject the subject
 * @param version the version number, from 1
 * @param id the registry-wide schema id
 * @param schema the schema in the registry's normal form (see {@link SchemaText})
 * @param deleted whether the version was soft-deleted
 */
public record StoredVersion(String subject, int version, int id, String schema, boolean deleted) {

    StoredVersion softDeleted() {
        return new StoredVersion(subject, version, id, schema, true);
    }
}
