package dev.imagepipe.auditor.report;

import java.util.Locale;

/** The formats {@code audit replay --format} offers. */
public enum ReportFormat {
    TEXT,
    JSON,
    HTML;

    /** The report in this format. */
    public String render(AuditReport report) {
        return switch (this) {
            case TEXT -> TextReport.render(report);
            case JSON -> JsonReport.render(report);
            case HTML -> HtmlReport.render(report);
        };
    }

    /**
     * Parses {@code text}, {@code json} or {@code html}, in any case.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static ReportFormat parse(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown format \"" + name + "\": use text, json or html", e);
        }
    }
}
