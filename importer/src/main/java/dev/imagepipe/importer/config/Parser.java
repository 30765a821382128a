package dev.imagepipe.importer.config;

import dev.imagepipe.importer.fetch.ImportMode;
import dev.imagepipe.importer.image.Platform;
import dev.imagepipe.schemas.registry.RegistryClientSettings;
import dev.imagepipe.schemas.topic.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.streams.StreamsConfig;

/**
 * How one kind of setting is read from its text. The common kinds (numbers, durations, ports, Kafka's and the schema
 * registry's settings) are public for every app's loader; the importer's own kinds stay in this package.
 *
 * @param expected what is accepted, for the message {@code <origin>: expected <expected>, got '<value>'}
 * @param parse reads a stripped value; throws {@link IllegalArgumentException} when it is not acceptable
 * @param echoValue whether messages may quote the value; false for values that may hold credentials
 */
public record Parser<T>(String expected, Function<String, T> parse, boolean echoValue) {

    private static final Pattern HOST_PORT = Pattern.compile("[^\\s,]+:\\d{1,5}");
    private static final Pattern PLATFORM = Pattern.compile("[a-z0-9_]+/[a-z0-9_]+(/[a-z0-9_]+)?");
    private static final int MAX_PORT = 65_535;

    public static final Set<String> PROCESSING_GUARANTEES =
            Set.of(StreamsConfig.EXACTLY_ONCE_V2, StreamsConfig.AT_LEAST_ONCE);

    public static final Parser<String> TEXT = of("a value", text -> require(text, !text.isEmpty()));

    public static final Parser<Integer> POSITIVE_INT = of("a positive integer", text -> {
        int value = Integer.parseInt(text);
        return require(value, value > 0);
    });

    public static final Parser<Double> POSITIVE_NUMBER = of("a positive number", text -> {
        double value = Double.parseDouble(text);
        return require(value, value > 0 && Double.isFinite(value));
    });

    public static final Parser<Short> REPLICATION_FACTOR = of("a positive integer up to " + Short.MAX_VALUE, text -> {
        short value = Short.parseShort(text);
        return require(value, value > 0);
    });

    public static final Parser<Integer> PORT = of("a port from 0 (any free port) to " + MAX_PORT, text -> {
        int port = Integer.parseInt(text);
        return require(port, port >= 0 && port <= MAX_PORT);
    });

    static final Parser<Integer> BULK_LIMIT =
            of("a positive integer, or " + ImporterConfig.UNLIMITED + " for no limit", text -> {
                int limit = Integer.parseInt(text);
                return require(limit, limit > 0 || limit == ImporterConfig.UNLIMITED);
            });

    public static final Parser<Duration> DURATION = of("a positive duration such as " + Durations.EXAMPLES, text -> {
        Duration value = Durations.parse(text);
        return require(value, value.isPositive());
    });

    public static final Parser<Long> LONG = of("an integer", Long::parseLong);

    public static final Parser<Boolean> BOOLEAN = of("true or false", text -> switch (text.toLowerCase(Locale.ROOT)) {
        case "true" -> true;
        case "false" -> false;
        default -> throw new IllegalArgumentException();
    });

    public static final Parser<Path> PATH = of("a file path", text -> Path.of(require(text, !text.isEmpty())));

    public static final Parser<List<Path>> PATHS = of(
            "file paths, comma-separated",
            text -> items(text).stream().map(Path::of).toList());

    public static final Parser<Set<String>> HOSTS = of(
            "host names, comma-separated",
            text -> items(text).stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toSet()));

    public static final Parser<String> BOOTSTRAP_SERVERS = of("host:port[,host:port...]", text -> {
        List<String> servers = items(text);
        return require(text, !servers.isEmpty() && servers.stream().allMatch(HOST_PORT.asMatchPredicate()));
    });

    /** Checked by the schema registry client's own parser; never quoted, as the URL may carry a password. */
    public static final Parser<String> SCHEMA_REGISTRY_URLS = new Parser<>(
            "absolute http:// or https:// URLs with a host, comma-separated",
            text -> {
                try {
                    RegistryClientSettings.of(text);
                    return text;
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(e);
                }
            },
            false);

    /** Checked by the topic catalog, which knows Kafka's rules for topic names. */
    public static final Parser<String> TOPIC_PREFIX =
            of("a topic-name prefix of letters, digits, '.', '_' and '-'", text -> {
                Topics.declarations(text, Topics.DEFAULT_PARTITIONS);
                return text;
            });

    public static final Parser<String> PROCESSING_GUARANTEE = of(
            String.join(" or ", PROCESSING_GUARANTEES.stream().sorted().toList()),
            text -> require(text, PROCESSING_GUARANTEES.contains(text)));

    static final Parser<Platform> PLATFORM_SPEC = of("os/architecture[/variant], e.g. linux/amd64", text -> {
        require(text, PLATFORM.matcher(text).matches());
        String[] parts = text.split("/");
        return new Platform(parts[0], parts[1], parts.length > 2 ? parts[2] : null);
    });

    /** OpenShift's spelling ({@code Legacy}, {@code PreserveOriginal}); case, '-' and '_' are ignored. */
    static final Parser<ImportMode> IMPORT_MODE = of("Legacy or PreserveOriginal", text -> {
        String normalized = text.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
        return Arrays.stream(ImportMode.values())
                .filter(mode ->
                        mode.name().replace("_", "").toLowerCase(Locale.ROOT).equals(normalized))
                .findFirst()
                .orElseThrow(IllegalArgumentException::new);
    });

    /** A parser whose values may be quoted in messages. */
    public static <T> Parser<T> of(String expected, Function<String, T> parse) {
        return new Parser<>(expected, parse, true);
    }

    private static <T> T require(T value, boolean acceptable) {
        if (!acceptable) {
            throw new IllegalArgumentException();
        }
        return value;
    }

    /** Comma-separated items, stripped, empty ones dropped. */
    private static List<String> items(String text) {
        return Arrays.stream(text.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
