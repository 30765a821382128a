package dev.imagepipe.testing.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

/**
 * Counts requests a {@link LocalRegistryProcess} served, from the access log the distribution registry writes to its
 * output ({@code 127.0.0.1 - - [date] "HEAD /v2/repo/manifests/tag HTTP/1.1" 200 ...}): what the registry saw, not
 * what the client meant to send.
 */
public final class AccessLog {

    private final LocalRegistryProcess registry;

    public AccessLog(LocalRegistryProcess registry) {
        this.registry = registry;
    }

    /** Requests with {@code method} whose path starts with {@code pathPrefix} (e.g. {@code /v2/team/app/}). */
    public long count(String method, String pathPrefix) {
        String marker = "\"" + method + " " + pathPrefix;
        return lines().stream().filter(line -> line.contains(marker)).count();
    }

    /** Requests of any method whose path starts with {@code pathPrefix}. */
    public long countAny(String pathPrefix) {
        return lines().stream()
                .filter(line -> line.matches(".*\"[A-Z]+ " + java.util.regex.Pattern.quote(pathPrefix) + ".*"))
                .count();
    }

    private List<String> lines() {
        try {
            return Files.readAllLines(registry.logFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
