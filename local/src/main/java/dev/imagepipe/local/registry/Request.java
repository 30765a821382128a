package dev.imagepipe.local.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP request as the resource handlers see it.
 *
 * @param params the decoded path parameters, in the order of the route's groups
 * @param query the decoded query parameters (the first value of each)
 * @param body the request body, possibly empty
 */
record Request(List<String> params, Map<String, String> query, byte[] body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    String param(int index) {
        return params.get(index);
    }

    boolean flag(String name) {
        return Boolean.parseBoolean(query.getOrDefault(name, "false"));
    }

    /** The body as JSON; 400 with Confluent's generic body when it is not JSON. */
    JsonNode json() {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new RegistryError(400, 400, "The request body is empty; a JSON object was expected");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new RegistryError(400, 400, "Unrecognized JSON in the request body: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new RegistryError(400, 400, "Unreadable request body");
        }
    }

    /**
     * The {@code schema} of a register, lookup or compatibility request, parsed. Only Avro is served: a {@code
     * schemaType} other than AVRO, or schema references, are refused with 42201.
     */
    SchemaText schema() {
        JsonNode request = json();
        String type = request.path("schemaType").asText("AVRO");
        if (!type.toUpperCase(Locale.ROOT).equals("AVRO")) {
            throw RegistryError.invalidSchema(
                    "schemaType " + type + " is not supported; this registry serves AVRO schemas only");
        }
        JsonNode references = request.path("references");
        if (references.isArray() && !references.isEmpty()) {
            throw RegistryError.invalidSchema("schema references are not supported by this registry");
        }
        JsonNode schema = request.get("schema");
        if (schema == null || !schema.isTextual()) {
            throw RegistryError.invalidSchema("the request has no \"schema\" string");
        }
        return SchemaText.parse(schema.asText());
    }
}
