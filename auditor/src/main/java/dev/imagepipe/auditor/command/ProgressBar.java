package dev.imagepipe.auditor.command;

import dev.imagepipe.auditor.replay.ReplayProgress;
import java.io.Console;
import java.io.PrintWriter;

/**
 * A progress bar on standard error, redrawn in place, for replays read at a terminal. Disabled it draws nothing, so
 * output redirected to a file or read by a test carries no control characters.
 */
public final class ProgressBar implements ReplayProgress {

    /** Width of the bar in characters: fits an 80-column terminal with the counts beside it. */
    static final int WIDTH = 30;

    /** ANSI "erase to end of line", after a carriage return to overwrite the line. */
    private static final String CLEAR_LINE = "\r\033[K";

    private final PrintWriter err;
    private final boolean enabled;
    private int drawnPermille = -1;

    public ProgressBar(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    /** Whether standard error is a terminal, as far as this JVM can tell. */
    public static boolean stderrIsTerminal() {
        var console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // Console.isTerminal() (JDK 22+) tells an interactive console from a redirected one; on JDK 21 a console
            // exists only when interactive.
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    @Override
    public void update(long read, long total) {
        if (!enabled || total <= 0) {
            return;
        }
        int permille = (int) Math.min(1000, read * 1000 / total);
        if (permille == drawnPermille) {
            return; // redraw only when the bar can change: a replay reports after every batch
        }
        drawnPermille = permille;
        int filled = permille * WIDTH / 1000;
        err.print(CLEAR_LINE + "replaying [" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + read + "/"
                + total + " records");
        err.flush();
    }

    /** Removes the bar, so what follows starts clean. */
    public void clear() {
        if (drawnPermille >= 0) {
            err.print(CLEAR_LINE);
            err.flush();
            drawnPermille = -1;
        }
    }
}
