package dev.imagepipe.importer.image;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runtime configuration of the container from the config blob (Avro {@code ContainerConfig}). Absent strings are
 * {@code null}, absent lists and maps empty.
 *
 * @param exposedPorts e.g. {@code 8080/tcp}
 * @param labels image labels, in the config's order
 */
public record ContainerConfig(
        List<String> env,
        List<String> cmd,
        List<String> entrypoint,
        String workingDir,
        String user,
        Map<String, String> labels,
        List<String> exposedPorts,
        List<String> volumes,
        String stopSignal) {

    public ContainerConfig {
        env = List.copyOf(env);
        cmd = List.copyOf(cmd);
        entrypoint = List.copyOf(entrypoint);
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        exposedPorts = List.copyOf(exposedPorts);
        volumes = List.copyOf(volumes);
    }
}
