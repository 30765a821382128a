package dev.imagepipe.importer.task;

import dev.imagepipe.importer.reference.ImageReference;
import dev.imagepipe.importer.registry.auth.Credential;
import dev.imagepipe.importer.registry.auth.DockerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Credentials from docker {@code config.json} files the importer is given (A2.6): a namespace's own file
 * ({@code <directory>/<namespace>/config.json}) is consulted before the global files, so namespace credentials win, as
 * namespace pull secrets do over node credentials. Files are read once per namespace; nothing here is ever logged.
 */
public final class DockerConfigCredentials implements CredentialSource {

    /** The file name inside a namespace's directory, as {@code docker login} writes it. */
    public static final String NAMESPACE_FILE = "config.json";

    private final DockerConfig global;
    private final Optional<Path> directory;
    private final Map<String, DockerConfig> namespaces = new ConcurrentHashMap<>();

    private DockerConfigCredentials(DockerConfig global, Optional<Path> directory) {
        this.global = global;
        this.directory = directory;
    }

    /**
     * @throws UncheckedIOException when a global file cannot be read (the importer should not start without the
     *     credentials it was given)
     */
    public static DockerConfigCredentials load(List<Path> globalFiles, Optional<Path> namespaceDirectory) {
        try {
            return new DockerConfigCredentials(DockerConfig.load(globalFiles), namespaceDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the docker config files " + globalFiles, e);
        }
    }

    @Override
    public List<Credential> forImage(String namespace, ImageReference reference) {
        String registry = reference.registryHost();
        String repository = reference.repositoryPath();
        List<Credential> candidates = new ArrayList<>(namespace(namespace).matching(registry, repository));
        global.matching(registry, repository).stream()
                .filter(credential -> !candidates.contains(credential))
                .forEach(candidates::add);
        return List.copyOf(candidates);
    }

    private DockerConfig namespace(String namespace) {
        if (directory.isEmpty() || namespace.isEmpty() || namespace.contains("/") || namespace.startsWith(".")) {
            return DockerConfig.empty();
        }
        return namespaces.computeIfAbsent(namespace, ns -> {
            Path file = directory.get().resolve(ns).resolve(NAMESPACE_FILE);
            if (!Files.isRegularFile(file)) {
                return DockerConfig.empty();
            }
            try {
                return DockerConfig.load(List.of(file));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the docker config of namespace " + ns, e);
            }
        });
    }
}
