package dev.imagepipe.testing.registry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Configuration of a {@link LocalRegistryProcess}: where the binary is, where it stores blobs, which loopback port it
 * listens on, whether it serves TLS, and extra top-level YAML sections (e.g. an {@code auth: htpasswd:} block) added
 * verbatim to the file.
 *
 * @param binary the distribution registry executable ({@code docker-registry serve <config>})
 * @param storageDirectory filesystem storage root
 * @param port loopback port to listen on
 * @param extraSections top-level YAML sections, each a complete block starting at column 0
 * @param tls certificate and key to serve HTTPS with ({@code http.tls}); empty for plain HTTP
 */
public record LocalRegistryConfig(
        Path binary, Path storageDirectory, int port, List<String> extraSections, Optional<Tls> tls) {

    /** Debian's package puts the CNCF distribution registry here. */
    public static final Path DEBIAN_BINARY = Path.of("/usr/bin/docker-registry");

    public static final String LOOPBACK = "127.0.0.1";

    /**
     * PEM files for {@code http.tls}.
     *
     * @param certificate the server certificate (its subjectAltName must name {@link #LOOPBACK})
     * @param key its private key
     */
    public record Tls(Path certificate, Path key) {}

    public LocalRegistryConfig {
        extraSections = List.copyOf(extraSections);
    }

    /** A plain-HTTP registry. */
    public LocalRegistryConfig(Path binary, Path storageDirectory, int port, List<String> extraSections) {
        this(binary, storageDirectory, port, extraSections, Optional.empty());
    }

    public LocalRegistryConfig withExtraSection(String yaml) {
        var sections = new ArrayList<>(extraSections);
        sections.add(yaml);
        return new LocalRegistryConfig(binary, storageDirectory, port, sections, tls);
    }

    /** Serves HTTPS only, with this certificate and key; a separate top-level section could not nest under http. */
    public LocalRegistryConfig withTls(Path certificate, Path key) {
        return new LocalRegistryConfig(
                binary, storageDirectory, port, extraSections, Optional.of(new Tls(certificate, key)));
    }

    /** {@code https} when TLS is configured, else {@code http}. */
    public String scheme() {
        return tls.isPresent() ? "https" : "http";
    }

    /** The registry's {@code config.yml}. */
    public String yaml() {
        StringBuilder yaml = new StringBuilder()
                .append("version: 0.1\n")
                .append("log:\n  level: info\n")
                .append("storage:\n")
                .append("  filesystem:\n    rootdirectory: ")
                .append(storageDirectory)
                .append('\n')
                // Tests delete manifests to exercise not-found paths.
                .append("  delete:\n    enabled: true\n")
                .append("http:\n  addr: ")
                .append(LOOPBACK)
                .append(':')
                .append(port)
                .append('\n');
        tls.ifPresent(files -> yaml.append("  tls:\n    certificate: ")
                .append(files.certificate())
                .append("\n    key: ")
                .append(files.key())
                .append('\n'));
        extraSections.forEach(section -> yaml.append(section.endsWith("\n") ? section : section + "\n"));
        return yaml.toString();
    }
}
