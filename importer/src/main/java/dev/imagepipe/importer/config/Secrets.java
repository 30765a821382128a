package dev.imagepipe.importer.config;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Prints a config record for logs without the secrets it may hold: passwords in Kafka properties and user info in
 * URLs. Every app's config {@code toString()} goes through {@link #describe}.
 */
public final class Secrets {

    /** Shown in place of a secret value. */
    public static final String HIDDEN = "[hidden]";

    /**
     * Parts of a Kafka property name that mark its value as secret: passwords, SASL JAAS configs (which embed
     * passwords), the schema registry's {@code basic.auth.user.info}, OAuth secrets and tokens, and {@code
     * ssl.keystore.key} (a PEM private key).
     */
    static final List<String> SECRET_KEY_MARKERS =
            List.of("password", "secret", "jaas", "user.info", "token", "keystore.key");

    private Secrets() {}

    /**
     * Every component as a record prints it, except that a {@code schemaRegistryUrl} has its user info hidden and a
     * {@code kafkaProperties} map its secret values: {@code TaggerConfig[bootstrapServers=..., ...]}.
     */
    public static String describe(Record config) {
        return Arrays.stream(config.getClass().getRecordComponents())
                .map(component -> component.getName() + "=" + printable(config, component))
                .collect(Collectors.joining(", ", config.getClass().getSimpleName() + "[", "]"));
    }

    private static Object printable(Record config, RecordComponent component) {
        Object value;
        try {
            value = component.getAccessor().invoke(config);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return switch (component.getName()) {
            case "schemaRegistryUrl" -> maskUserInfo((String) value);
            case "kafkaProperties" -> maskSecrets(stringMap(value));
            default -> value;
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> stringMap(Object value) {
        return (Map<String, String>) value;
    }

    /** {@code scheme://user:password@host} becomes {@code scheme://[hidden]@host}, for each URL of a list. */
    public static String maskUserInfo(String urls) {
        return urls.replaceAll("(?<=://)[^/@,\\s]+@", HIDDEN + "@");
    }

    /** The properties sorted by name, secret values replaced, and user info hidden in any URL among the rest. */
    public static Map<String, String> maskSecrets(Map<String, String> properties) {
        Map<String, String> masked = new TreeMap<>();
        properties.forEach((key, value) -> masked.put(key, isSecret(key) ? HIDDEN : maskUserInfo(value)));
        return masked;
    }

    /** Whether the Kafka property {@code key} holds a secret, by {@link #SECRET_KEY_MARKERS}. */
    public static boolean isSecret(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return SECRET_KEY_MARKERS.stream().anyMatch(lower::contains);
    }
}
