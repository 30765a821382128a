package dev.imagepipe.auditor.command;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Parses the instants the audit commands take. */
public final class Times {

    private Times() {}

    /**
     * An instant from {@code 2024-03-01T12:00:00Z}, {@code 2024-03-01T12:00:00+02:00} or {@code 2024-03-01} (the start of
     * that day in UTC).
     *
     * @throws IllegalArgumentException for anything else
     */
    public static Instant parse(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notDateTime) {
            try {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notDate) {
                throw new IllegalArgumentException(
                        "\"" + text + "\" is not a time: use 2024-03-01T12:00:00Z, an offset, or a date", notDate);
            }
        }
    }
}
