package dev.imagepipe.importer.registry.remote;

import dev.imagepipe.testing.registry.LocalRegistryConfig;
import dev.imagepipe.testing.registry.LocalRegistryProcess;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Starts extra registry processes for auth tests. Several processes may share one storage directory: fixtures are
 * pushed through an open instance and read through a protected one, since the fixture pusher does not authenticate.
 */
final class LocalRegistries {

    private LocalRegistries() {}

    static LocalRegistryProcess start(Path storage, String... extraSections) throws IOException {
        var config =
                new LocalRegistryConfig(LocalRegistryConfig.DEBIAN_BINARY, storage, freePort(), java.util.List.of());
        for (String section : extraSections) {
            config = config.withExtraSection(section);
        }
        return LocalRegistryProcess.start(config, Files.createTempDirectory("imagepipe-auth-registry-"));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LocalRegistryConfig.LOOPBACK))) {
            return socket.getLocalPort();
        }
    }

    static void deleteRecursively(Path root) throws IOException {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }
}
