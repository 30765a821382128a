package dev.imagepipe.local.registry;

import dev.imagepipe.schemas.registry.ErrorCodes;

/** {@code /schemas/ids/{id}}: a schema by its registry-wide id, as {@code {"schema"}} or as the raw schema. */
final class SchemasResource {

    private final SchemaRegistry registry;

    SchemasResource(SchemaRegistry registry) {
        this.registry = registry;
    }

    void addTo(Router router) {
        router.route(
                        "GET",
                        "/schemas/ids/{}",
                        r -> Response.ok(Response.object().put("schema", registry.schemaById(id(r)))))
                .route("GET", "/schemas/ids/{}/schema", r -> Response.okRaw(registry.schemaById(id(r))));
    }

    private static int id(Request r) {
        try {
            return Integer.parseInt(r.param(0));
        } catch (NumberFormatException e) {
            // Confluent's path parameter is an int; anything else cannot name a schema.
            throw new RegistryError(404, ErrorCodes.SCHEMA_NOT_FOUND, "Schema " + r.param(0) + " not found");
        }
    }
}
