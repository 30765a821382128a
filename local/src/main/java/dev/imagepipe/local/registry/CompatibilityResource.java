package dev.imagepipe.local.registry;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * {@code POST /compatibility/subjects/{subject}/versions/{version|latest}}: whether a schema could be registered
 * against that version under the subject's level. Answers {@code {"is_compatible"}}, plus {@code "messages"} with
 * {@code ?verbose=true}.
 */
final class CompatibilityResource {

    private final SchemaRegistry registry;

    CompatibilityResource(SchemaRegistry registry) {
        this.registry = registry;
    }

    void addTo(Router router) {
        router.route("POST", "/compatibility/subjects/{}/versions/{}", this::check);
    }

    private Response check(Request r) {
        List<String> problems = registry.checkCompatibility(r.param(0), r.param(1), r.schema());
        ObjectNode body = Response.object().put("is_compatible", problems.isEmpty());
        if (r.flag("verbose")) {
            ArrayNode messages = body.putArray("messages");
            problems.forEach(messages::add);
        }
        return Response.ok(body);
    }
}
