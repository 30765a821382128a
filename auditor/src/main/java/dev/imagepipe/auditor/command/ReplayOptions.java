package dev.imagepipe.auditor.command;

import dev.imagepipe.auditor.log.Window;
import dev.imagepipe.auditor.report.ReportFormat;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The options of {@code imagepipe audit replay}.
 *
 * @param window {@code --since} and {@code --until}
 * @param format {@code --format}
 * @param outputFile {@code --out}: where the report goes instead of standard output
 * @param progress whether to draw a progress bar on standard error (when it is a terminal)
 */
public record ReplayOptions(Window window, ReportFormat format, Optional<Path> outputFile, boolean progress) {

    public ReplayOptions {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(outputFile, "outputFile");
    }
}
