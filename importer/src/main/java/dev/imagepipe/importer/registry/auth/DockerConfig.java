package dev.imagepipe.importer.registry.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Credentials from docker {@code config.json} files: the {@code auths} map, keyed by a registry ({@code quay.io},
 * {@code https://index.docker.io/v1/}) or a registry with a namespace path ({@code quay.io/team}). Entries hold a
 * base64 {@code auth} ({@code user:password}), or {@code username}/{@code password}, and optionally an {@code
 * identitytoken}, which docker uses as an OAuth2 refresh token in place of the password.
 *
 * <p>{@link #matching} orders the entries matching a repository most specific first, as containers/image does, so the
 * importer tries every one before failing Unauthorized. Parse errors name the file and key, never the value.
 */
public final class DockerConfig {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Docker Hub's historical keys all mean {@code docker.io}. */
    private static final Set<String> DOCKER_HUB_ALIASES =
            Set.of("docker.io", "index.docker.io", "registry-1.docker.io");

    private record Entry(String key, Credential credential) {}

    private final List<Entry> entries;

    private DockerConfig(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static DockerConfig empty() {
        return new DockerConfig(List.of());
    }

    /** Reads and merges {@code files}, in order. */
    public static DockerConfig load(List<Path> files) throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (Path file : files) {
            entries.addAll(parseEntries(Files.readString(file), file.toString()));
        }
        return new DockerConfig(entries);
    }

    /** Parses one file's contents; {@code source} names it in errors. */
    public static DockerConfig parse(String json, String source) {
        return new DockerConfig(parseEntries(json, source));
    }

    /** The credentials whose key covers {@code registry/repository}, most specific (longest key) first, no repeats. */
    public List<Credential> matching(String registry, String repository) {
        String path = normalizeRegistry(registry) + "/" + repository;
        Set<Credential> result = new LinkedHashSet<>();
        entries.stream()
                .filter(entry -> path.equals(entry.key()) || path.startsWith(entry.key() + "/"))
                .sorted(Comparator.comparingInt((Entry entry) -> entry.key().length())
                        .reversed())
                .forEach(entry -> result.add(entry.credential()));
        return List.copyOf(result);
    }

    private static List<Entry> parseEntries(String json, String source) {
        JsonNode auths;
        try {
            auths = JSON.readTree(json).path("auths");
        } catch (IOException e) {
            throw new IllegalArgumentException("docker config " + source + " is not JSON");
        }
        List<Entry> entries = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = auths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            credentialOf(field.getValue(), source, field.getKey())
                    .forEach(credential -> entries.add(new Entry(normalizeKey(field.getKey()), credential)));
        }
        return entries;
    }

    private static List<Credential> credentialOf(JsonNode node, String source, String key) {
        String username = node.path("username").asText("");
        String password = node.path("password").asText("");
        String auth = node.path("auth").asText("");
        if (!auth.isEmpty()) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(auth.trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("docker config " + source + ": auth of " + key + " is not base64");
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException(
                        "docker config " + source + ": auth of " + key + " is not user:password");
            }
            username = decoded.substring(0, colon);
            password = decoded.substring(colon + 1);
        }
        String identityToken = node.path("identitytoken").asText("");
        if (!identityToken.isEmpty()) {
            return List.of(Credential.identityToken(username, identityToken));
        }
        if (username.isEmpty() && password.isEmpty()) {
            return List.of();
        }
        return List.of(Credential.basic(username, password));
    }

    /** {@code https://Quay.io/v1/} → {@code quay.io}; {@code quay.io/team/} → {@code quay.io/team}. */
    static String normalizeKey(String key) {
        String k = key.trim();
        int scheme = k.indexOf("://");
        if (scheme >= 0) {
            k = k.substring(scheme + 3);
        }
        while (k.endsWith("/")) {
            k = k.substring(0, k.length() - 1);
        }
        int slash = k.indexOf('/');
        String host = slash < 0 ? k : k.substring(0, slash);
        String path = slash < 0 ? "" : k.substring(slash);
        if (path.equals("/v1") || path.equals("/v2")) {
            path = ""; // docker login's API-version suffixes, not a namespace
        }
        return normalizeRegistry(host) + path;
    }

    private static String normalizeRegistry(String registry) {
        String host = registry.toLowerCase(Locale.ROOT);
        return DOCKER_HUB_ALIASES.contains(host) ? "docker.io" : host;
    }
}
