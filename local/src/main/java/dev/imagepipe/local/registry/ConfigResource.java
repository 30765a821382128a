package dev.imagepipe.local.registry;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code /config} and {@code /config/{subject}}: the compatibility level. GET answers {@code
 * {"compatibilityLevel"}}; PUT takes and echoes {@code {"compatibility"}}. A subject without its own level answers
 * 40408 unless {@code ?defaultToGlobal=true}, as Confluent's registry does.
 */
final class ConfigResource {

    private final SchemaRegistry registry;

    ConfigResource(SchemaRegistry registry) {
        this.registry = registry;
    }

    void addTo(Router router) {
        router.route("GET", "/config", r -> level(registry.globalLevel()))
                .route("PUT", "/config", r -> {
                    CompatibilityLevel level = requested(r);
                    registry.setGlobalLevel(level);
                    return updated(level);
                })
                .route("GET", "/config/{}", r -> level(registry.subjectLevel(r.param(0), r.flag("defaultToGlobal"))))
                .route("PUT", "/config/{}", r -> {
                    CompatibilityLevel level = requested(r);
                    registry.setSubjectLevel(r.param(0), level);
                    return updated(level);
                });
    }

    private static CompatibilityLevel requested(Request r) {
        JsonNode level = r.json().get("compatibility");
        return CompatibilityLevel.parse(level == null || !level.isTextual() ? null : level.asText());
    }

    private static Response level(CompatibilityLevel level) {
        return Response.ok(Response.object().put("compatibilityLevel", level.name()));
    }

    private static Response updated(CompatibilityLevel level) {
        return Response.ok(Response.object().put("compatibility", level.name()));
    }
}
