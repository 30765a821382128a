package dev.imagepipe.local.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An HTTP answer: a status and a JSON text.
 *
 * @param status the HTTP status
 * @param json the body, already JSON
 */
record Response(int status, String json) {

    static final ObjectMapper JSON = new ObjectMapper();

    static Response ok(Object body) {
        try {
            return new Response(200, JSON.writeValueAsString(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write a response body", e);
        }
    }

    static Response okRaw(String json) {
        return new Response(200, json);
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    static Response error(int status, int errorCode, String message) {
        JsonNode body = object().put("error_code", errorCode).put("message", message);
        return new Response(status, body.toString());
    }

    static Response error(RegistryError e) {
        return error(e.status(), e.errorCode(), e.getMessage());
    }
}
