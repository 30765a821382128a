package dev.imagepipe.cli.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The packaged {@code imagepipe.jar} running as a separate process, the way a user or a supervisor runs it. Its output
 * (stdout and stderr together) is read on a thread of its own for the process's whole life: a child whose pipe is not
 * drained blocks on its next log line once the pipe buffer fills.
 */
public final class JarProcess implements AutoCloseable {

    /** Built in the package phase, before failsafe runs the ITs. */
    public static final Path JAR = Path.of("target", "imagepipe.jar");

    /** Time a process gets to exit after SIGTERM: the importer's close waits up to 30 s for its stream threads. */
    static final Duration STOP_WITHIN = Duration.ofSeconds(60);

    private static final Logger log = LoggerFactory.getLogger(JarProcess.class);

    private final Process process;
    private final String name;
    private final List<String> lines = new ArrayList<>();
    private boolean ended;

    private JarProcess(Process process, String name) {
        this.process = process;
        this.name = name;
        Thread reader = new Thread(this::drain, "output-of-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code java -jar imagepipe.jar args...} with the test's JVM. */
    public static JarProcess start(List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(JAR.toString());
        command.addAll(args);
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.PIPE)
                    .start();
            return new JarProcess(process, "imagepipe " + args.getFirst() + " (pid " + process.pid() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void drain() {
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                // Into the test's log too, so a failure report shows what the process was doing.
                log.info("{}: {}", name, line);
                synchronized (this) {
                    lines.add(line);
                    notifyAll();
                }
            }
        } catch (IOException closedByKill) {
            // The process is gone; what it printed is kept.
        } finally {
            synchronized (this) {
                ended = true;
                notifyAll();
            }
        }
    }

    /**
     * The output up to and including the first line that matches; fails when the process ends first or none comes
     * within {@code within}.
     */
    public synchronized List<String> awaitLine(Predicate<String> matches, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        int seen = 0;
        while (true) {
            for (; seen < lines.size(); seen++) {
                if (matches.test(lines.get(seen))) {
                    return List.copyOf(lines.subList(0, seen + 1));
                }
            }
            long left = deadline - System.nanoTime();
            if (ended || left <= 0) {
                throw new AssertionError((ended ? "process ended" : "no matching line within " + within) + "; output:\n"
                        + String.join("\n", lines));
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /** Everything printed so far. */
    public synchronized List<String> output() {
        return List.copyOf(lines);
    }

    /** Sends SIGTERM, as Ctrl-C's shutdown path does, and returns the exit status. */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_WITHIN.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("process did not stop within " + STOP_WITHIN + " of SIGTERM; output:\n"
                    + String.join("\n", output()));
        }
        return process.exitValue();
    }

    /** SIGKILL: no shutdown hook, no commit, no goodbye to the group; returns once the process is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
        log.info("{}: killed", name);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Kills the process if a test left it running. */
    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                kill();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
