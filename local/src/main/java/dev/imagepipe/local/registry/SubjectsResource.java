package dev.imagepipe.local.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code /subjects}: list subjects and versions, register, look up, fetch a version, soft-delete.
 *
 * <p>Bodies as Confluent's: a version is {@code {"subject","version","id","schema"}} ({@code schemaType} omitted,
 * as Confluent omits it for AVRO); a registration answers {@code {"id"}}.
 */
final class SubjectsResource {

    private final SchemaRegistry registry;

    SubjectsResource(SchemaRegistry registry) {
        this.registry = registry;
    }

    void addTo(Router router) {
        router.route("GET", "/subjects", r -> Response.ok(registry.subjects()))
                .route("POST", "/subjects/{}", this::lookup)
                .route("DELETE", "/subjects/{}", r -> Response.ok(registry.deleteSubject(r.param(0))))
                .route("GET", "/subjects/{}/versions", r -> Response.ok(registry.versions(r.param(0))))
                .route("POST", "/subjects/{}/versions", this::register)
                .route("GET", "/subjects/{}/versions/{}", this::version)
                .route("GET", "/subjects/{}/versions/{}/schema", this::rawSchema)
                .route("DELETE", "/subjects/{}/versions/{}", this::deleteVersion);
    }

    private Response register(Request r) {
        int id = registry.register(r.param(0), r.schema());
        return Response.ok(Response.object().put("id", id));
    }

    private Response lookup(Request r) {
        return Response.ok(versionBody(registry.lookup(r.param(0), r.schema())));
    }

    private Response version(Request r) {
        return Response.ok(versionBody(registry.version(r.param(0), r.param(1))));
    }

    private Response rawSchema(Request r) {
        return Response.okRaw(registry.version(r.param(0), r.param(1)).schema());
    }

    private Response deleteVersion(Request r) {
        return Response.ok(registry.deleteVersion(r.param(0), r.param(1)));
    }

    static ObjectNode versionBody(StoredVersion v) {
        return Response.object()
                .put("subject", v.subject())
                .put("version", v.version())
                .put("id", v.id())
                .put("schema", v.schema());
    }
}
