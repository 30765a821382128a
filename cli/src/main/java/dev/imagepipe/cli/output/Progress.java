package dev.imagepipe.cli.output;

import java.io.Console;
import java.io.PrintWriter;
import java.time.Duration;

/**
 * A one-line spinner with the elapsed time, redrawn in place on a terminal. Disabled it prints nothing, so output
 * piped to a file or read by a test carries no control characters.
 */
public final class Progress {

    private static final String FRAMES = "|/-\\";

    /** ANSI "erase to end of line", after a carriage return to overwrite the line. */
    private static final String CLEAR_LINE = "\r\033[K";

    private final PrintWriter err;
    private final boolean enabled;
    private final String label;
    private int frame;
    private boolean drawn;

    public Progress(PrintWriter err, boolean enabled, String label) {
        this.err = err;
        this.enabled = enabled;
        this.label = label;
    }

    /** Whether standard error is a terminal, as far as this JVM can tell. */
    public static boolean stderrIsTerminal() {
        var console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // Console.isTerminal() (JDK 22+) tells an interactive console from a redirected one; JDK 21 returns a
            // console only when interactive.
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    public void tick(Duration elapsed) {
        if (!enabled) {
            return;
        }
        frame = (frame + 1) % FRAMES.length();
        err.print(CLEAR_LINE + FRAMES.charAt(frame) + " " + label + " " + elapsed.toSeconds() + "s");
        err.flush();
        drawn = true;
    }

    /** Removes the line, so what follows starts clean. */
    public void clear() {
        if (drawn) {
            err.print(CLEAR_LINE);
            err.flush();
            drawn = false;
        }
    }
}
