package dev.imagepipe.importer.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the durations of configuration: ISO-8601 ({@code PT30S}) or a whole number and a unit ({@code 30s}). */
public final class Durations {

    /** A whole number and one of ms, s, m, h, d; the unit is required, so that 30 never means 30 ms by accident. */
    private static final Pattern SIMPLE = Pattern.compile("(\\d{1,18})(ms|s|m|h|d)");

    /** Examples of what is accepted, for error messages. */
    static final String EXAMPLES = "100ms, 30s, 5m, 1h or PT30S";

    private Durations() {}

    /**
     * The duration {@code text} spells: {@code 100ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 2d}, or ISO-8601
     * such as {@code PT1M30S} (case-insensitive).
     *
     * @throws IllegalArgumentException when {@code text} is neither form
     */
    public static Duration parse(String text) {
        String trimmed = text.strip().toLowerCase(Locale.ROOT);
        Matcher simple = SIMPLE.matcher(trimmed);
        if (simple.matches()) {
            try {
                return ofUnit(Long.parseLong(simple.group(1)), simple.group(2));
            } catch (ArithmeticException tooLong) {
                throw new IllegalArgumentException("duration '" + text + "' is too long");
            }
        }
        if (trimmed.startsWith("p") || trimmed.startsWith("-p")) {
            try {
                return Duration.parse(trimmed.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        throw new IllegalArgumentException("expected a duration such as " + EXAMPLES + ", got '" + text + "'");
    }

    private static Duration ofUnit(long amount, String unit) {
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }
}
