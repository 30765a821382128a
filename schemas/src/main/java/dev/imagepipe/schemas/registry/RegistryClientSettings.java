package dev.imagepipe.schemas.registry;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;

/**
 * Where the registry is and how to authenticate to it, parsed from a client configuration map with Confluent's key
 * names, so an existing Confluent serde configuration works unchanged.
 *
 * <p>Keys: {@value #URL} (comma-separated or a list; tried in turn), {@value #CREDENTIALS_SOURCE} ({@code URL}, the
 * default, takes user info from each URL; {@code USER_INFO} takes {@value #USER_INFO}), {@value
 * #TRUSTSTORE_LOCATION}, {@value #TRUSTSTORE_PASSWORD}, {@value #TRUSTSTORE_TYPE}. Error messages name keys, never
 * values, because values may hold credentials.
 *
 * @param endpoints the base URLs in the order they are tried, each with its credentials
 * @param trustStore the trust store for TLS, or empty to use the JDK's default trust
 */
public record RegistryClientSettings(List<RegistryEndpoint> endpoints, Optional<TrustStore> trustStore) {

    public static final String URL = "schema.registry.url";
    public static final String CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    public static final String USER_INFO = "basic.auth.user.info";
    public static final String TRUSTSTORE_LOCATION = "schema.registry.ssl.truststore.location";
    public static final String TRUSTSTORE_PASSWORD = "schema.registry.ssl.truststore.password";
    public static final String TRUSTSTORE_TYPE = "schema.registry.ssl.truststore.type";

    /** Confluent's default for {@value #CREDENTIALS_SOURCE}. */
    public static final String DEFAULT_CREDENTIALS_SOURCE = "URL";

    /** Confluent's default for {@value #TRUSTSTORE_TYPE}; the JDK's JKS loader also reads PKCS12 files. */
    public static final String DEFAULT_TRUSTSTORE_TYPE = "JKS";

    public RegistryClientSettings {
        endpoints = List.copyOf(endpoints);
        Objects.requireNonNull(trustStore, "trustStore");
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("at least one registry endpoint is required");
        }
    }

    /** Settings for one URL without credentials or custom trust; user info in the URL is used as credentials. */
    public static RegistryClientSettings of(String url) {
        return fromConfig(Map.of(URL, url));
    }

    /**
     * Parses the registry keys of a client configuration; other keys are ignored.
     *
     * @throws ConfigException naming the key that is missing or invalid
     */
    public static RegistryClientSettings fromConfig(Map<String, ?> config) {
        List<URI> urls = urls(config);
        String source = string(config, CREDENTIALS_SOURCE).orElse(DEFAULT_CREDENTIALS_SOURCE);
        List<RegistryEndpoint> endpoints = new ArrayList<>();
        switch (source.toUpperCase(Locale.ROOT)) {
            case "URL" -> urls.forEach(u -> endpoints.add(new RegistryEndpoint(Urls.redact(u), urlCredentials(u))));
            case "USER_INFO" -> {
                BasicCredentials credentials = userInfoCredentials(config);
                urls.forEach(u -> endpoints.add(new RegistryEndpoint(Urls.redact(u), Optional.of(credentials))));
            }
            default ->
                throw new ConfigException(
                        CREDENTIALS_SOURCE + " must be URL or USER_INFO; " + source + " is not supported by imagepipe");
        }
        return new RegistryClientSettings(endpoints, trustStore(config));
    }

    /** The base URLs, without credentials; safe to print. */
    public List<URI> urls() {
        return endpoints.stream().map(RegistryEndpoint::baseUrl).toList();
    }

    private static List<URI> urls(Map<String, ?> config) {
        Object raw = config.get(URL);
        List<String> values = new ArrayList<>();
        if (raw instanceof Collection<?> list) {
            list.forEach(v -> values.add(String.valueOf(v)));
        } else if (raw != null) {
            values.addAll(List.of(raw.toString().split(",")));
        }
        List<URI> urls = new ArrayList<>();
        for (String value : values) {
            if (!value.isBlank()) {
                urls.add(parseUrl(value.strip(), urls.size()));
            }
        }
        if (urls.isEmpty()) {
            throw new ConfigException("Missing required configuration \"" + URL + "\": the schema registry URL(s)");
        }
        return urls;
    }

    private static URI parseUrl(String value, int index) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below without the value, which may contain a password
        }
        throw new ConfigException(
                URL + " entry " + (index + 1) + " is not an absolute http:// or https:// URL with a host");
    }

    private static Optional<BasicCredentials> urlCredentials(URI url) {
        String userInfo = url.getUserInfo();
        if (userInfo == null || userInfo.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(BasicCredentials.parse(userInfo));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("User info in " + URL + " " + Urls.redact(url) + " must be <user>:<password>");
        }
    }

    private static BasicCredentials userInfoCredentials(Map<String, ?> config) {
        String userInfo = string(config, USER_INFO)
                .orElseThrow(() -> new ConfigException(
                        CREDENTIALS_SOURCE + "=USER_INFO requires \"" + USER_INFO + "\" (<user>:<password>)"));
        try {
            return BasicCredentials.parse(userInfo);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(USER_INFO + " must have the form <user>:<password>");
        }
    }

    private static Optional<TrustStore> trustStore(Map<String, ?> config) {
        return string(config, TRUSTSTORE_LOCATION)
                .map(location -> new TrustStore(
                        Path.of(location),
                        string(config, TRUSTSTORE_PASSWORD),
                        string(config, TRUSTSTORE_TYPE).orElse(DEFAULT_TRUSTSTORE_TYPE)));
    }

    /** A non-blank string value; Kafka's {@code Password} type prints as [hidden], so use its value. */
    private static Optional<String> string(Map<String, ?> config, String key) {
        Object value = config.get(key);
        if (value instanceof org.apache.kafka.common.config.types.Password password) {
            value = password.value();
        }
        return Optional.ofNullable(value).map(Object::toString).filter(s -> !s.isBlank());
    }
}
