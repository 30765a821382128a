package dev.imagepipe.local.registry;

import dev.imagepipe.schemas.registry.ErrorCodes;

/**
 * A request the registry refuses, with Confluent's HTTP status and {@code error_code}; the HTTP layer turns it into
 * {@code {"error_code": N, "message": "..."}}.
 */
public final class RegistryError extends RuntimeException {

    private final int status;
    private final int errorCode;

    public RegistryError(int status, int errorCode, String message) {
        this(status, errorCode, message, null);
    }

    public RegistryError(int status, int errorCode, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.errorCode = errorCode;
    }

    public int status() {
        return status;
    }

    public int errorCode() {
        return errorCode;
    }

    static RegistryError subjectNotFound(String subject) {
        return new RegistryError(404, ErrorCodes.SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found.");
    }

    static RegistryError versionNotFound(String version) {
        return new RegistryError(404, ErrorCodes.VERSION_NOT_FOUND, "Version " + version + " not found.");
    }

    static RegistryError schemaNotFound() {
        return new RegistryError(404, ErrorCodes.SCHEMA_NOT_FOUND, "Schema not found");
    }

    static RegistryError schemaIdNotFound(int id) {
        return new RegistryError(404, ErrorCodes.SCHEMA_NOT_FOUND, "Schema " + id + " not found");
    }

    static RegistryError subjectCompatibilityNotConfigured(String subject) {
        return new RegistryError(
                404,
                ErrorCodes.SUBJECT_LEVEL_COMPATIBILITY_NOT_CONFIGURED,
                "Subject '" + subject + "' does not have subject-level compatibility configured");
    }

    static RegistryError incompatible(String subject, java.util.List<String> messages) {
        return new RegistryError(
                409,
                ErrorCodes.INCOMPATIBLE_SCHEMA,
                "Schema being registered is incompatible with an earlier schema for subject \"" + subject
                        + "\", details: " + messages);
    }

    static RegistryError invalidSchema(String detail) {
        return new RegistryError(422, ErrorCodes.INVALID_SCHEMA, "Invalid schema: " + detail);
    }

    static RegistryError invalidVersion(String version) {
        return new RegistryError(
                422,
                ErrorCodes.INVALID_VERSION,
                "The specified version '" + version + "' is not a valid version id. Allowed values are between"
                        + " [1, 2^31-1] and the string \"latest\"");
    }

    static RegistryError invalidCompatibilityLevel() {
        return new RegistryError(
                422,
                ErrorCodes.INVALID_COMPATIBILITY_LEVEL,
                "Invalid compatibility level. Valid values are none, backward, forward, full, backward_transitive,"
                        + " forward_transitive, and full_transitive");
    }

    static RegistryError storeError(String message, Throwable cause) {
        return new RegistryError(500, ErrorCodes.STORE_ERROR, "Error in the backend data store: " + message, cause);
    }
}
