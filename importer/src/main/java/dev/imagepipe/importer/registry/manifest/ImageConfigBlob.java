package dev.imagepipe.importer.registry.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The image config blob (OCI {@code application/vnd.oci.image.config.v1+json}, Docker
 * {@code application/vnd.docker.container.image.v1+json}), or a schema 1 {@code v1Compatibility} entry, which has the
 * same shape plus {@code id} and {@code Size}. Absent strings are {@code null}, absent lists and maps empty.
 *
 * @param created when the image was created, or {@code null}
 * @param author the author, or {@code null}
 * @param architecture e.g. {@code amd64}
 * @param os e.g. {@code linux}
 * @param variant e.g. {@code v8}, or {@code null}
 * @param config the runtime config ({@code config}); empty when absent
 * @param dockerVersion {@code docker_version}, or {@code null}
 * @param container {@code container}, or {@code null}
 * @param parent {@code parent}, or {@code null}
 * @param comment {@code comment}, or {@code null}
 * @param rootFs {@code rootfs}: its type and layer diff ids
 * @param history {@code history} entries, oldest first
 * @param id {@code id}: only in schema 1 {@code v1Compatibility}, else {@code null}
 * @param size {@code Size}: only in schema 1 {@code v1Compatibility}, else 0
 */
public record ImageConfigBlob(
        Instant created,
        String author,
        String architecture,
        String os,
        String variant,
        RuntimeConfig config,
        String dockerVersion,
        String container,
        String parent,
        String comment,
        RootFs rootFs,
        List<History> history,
        String id,
        long size) {

    public ImageConfigBlob {
        history = List.copyOf(history);
    }

    /**
     * The runtime config ({@code config} member, Docker capitalisation).
     *
     * @param exposedPorts the keys of {@code ExposedPorts}, e.g. {@code 8080/tcp}
     * @param volumes the keys of {@code Volumes}
     */
    public record RuntimeConfig(
            String user,
            List<String> env,
            List<String> cmd,
            List<String> entrypoint,
            String workingDir,
            Map<String, String> labels,
            List<String> exposedPorts,
            List<String> volumes,
            String stopSignal,
            List<String> onBuild) {

        public RuntimeConfig {
            env = List.copyOf(env);
            cmd = List.copyOf(cmd);
            entrypoint = List.copyOf(entrypoint);
            labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
            exposedPorts = List.copyOf(exposedPorts);
            volumes = List.copyOf(volumes);
            onBuild = List.copyOf(onBuild);
        }

        static RuntimeConfig parse(JsonNode node) {
            JsonNode json = node == null ? MissingNode.getInstance() : node;
            return new RuntimeConfig(
                    Json.text(json, "User"),
                    Json.strings(json.get("Env")),
                    Json.strings(json.get("Cmd")),
                    Json.strings(json.get("Entrypoint")),
                    Json.text(json, "WorkingDir"),
                    Json.stringMap(json.get("Labels")),
                    Json.keys(json.get("ExposedPorts")),
                    Json.keys(json.get("Volumes")),
                    Json.text(json, "StopSignal"),
                    Json.strings(json.get("OnBuild")));
        }
    }

    /** {@code rootfs}: {@code type} (normally {@code layers}) and the uncompressed layer digests. */
    public record RootFs(String type, List<String> diffIds) {
        public RootFs {
            diffIds = List.copyOf(diffIds);
        }
    }

    /** One {@code history} entry. */
    public record History(Instant created, String createdBy, String author, String comment, boolean emptyLayer) {}

    /** Parses a config blob; malformed JSON or timestamps are a malformed-body failure. */
    public static ImageConfigBlob parse(byte[] blob) {
        return parse(Json.read(blob, "image config"));
    }

    /** Parses one schema 1 {@code v1Compatibility} string. */
    public static ImageConfigBlob parseV1Compatibility(String v1Compatibility) {
        return parse(Json.read(v1Compatibility.getBytes(StandardCharsets.UTF_8), "v1Compatibility"));
    }

    private static ImageConfigBlob parse(JsonNode json) {
        JsonNode rootFs = json.path("rootfs");
        List<History> history = new ArrayList<>();
        json.path("history")
                .forEach(entry -> history.add(new History(
                        instant(Json.text(entry, "created")),
                        Json.text(entry, "created_by"),
                        Json.text(entry, "author"),
                        Json.text(entry, "comment"),
                        entry.path("empty_layer").asBoolean(false))));
        JsonNode config = json.get("config");
        return new ImageConfigBlob(
                instant(Json.text(json, "created")),
                Json.text(json, "author"),
                Json.text(json, "architecture"),
                Json.text(json, "os"),
                Json.text(json, "variant"),
                RuntimeConfig.parse(config == null || config.isNull() ? null : config),
                Json.text(json, "docker_version"),
                Json.text(json, "container"),
                Json.text(json, "parent"),
                Json.text(json, "comment"),
                new RootFs(Json.text(rootFs, "type"), Json.strings(rootFs.get("diff_ids"))),
                history,
                Json.text(json, "id"),
                json.path("Size").asLong(0));
    }

    /** RFC 3339 with any offset and fraction, as Go writes {@code time.Time}. */
    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw Json.malformed("image config", "invalid time " + text);
        }
    }
}
