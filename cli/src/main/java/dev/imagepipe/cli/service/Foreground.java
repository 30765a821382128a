package dev.imagepipe.cli.service;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Keeps a long-running command ({@code imagepipe up}, {@code imagepipe importer}) in the foreground until it is asked
 * to stop, then closes what it started in the order given: services before the infrastructure they use.
 *
 * <p>In: the resources to close, and a check that says whether the service has died on its own. Out: how the wait
 * ended. {@link #closingOnShutdown} ties {@link #stop()} to the JVM's shutdown (SIGTERM, Ctrl-C); the wait then returns
 * once everything is closed, so the process exits only after the importer has committed and left its group.
 */
public final class Foreground {

    /**
     * How often the wait asks whether the service died on its own. A state read costs nothing; a second is soon enough
     * for a person or a supervisor to see the process exit, and the service has no listener to call us back.
     */
    static final Duration HEALTH_CHECK_INTERVAL = Duration.ofSeconds(1);

    /** How a {@link #await} ended. */
    public enum Ending {
        /** Asked to stop; everything was closed. */
        STOPPED,
        /** The service died on its own; the caller exits non-zero, which closes everything through the JVM's shutdown. */
        FAILED
    }

    private final List<? extends AutoCloseable> inOrder;
    private final PrintWriter err;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);

    /**
     * @param inOrder closed first to last
     * @param err where a failure to close is reported; closing goes on with the rest
     */
    public Foreground(List<? extends AutoCloseable> inOrder, PrintWriter err) {
        this.inOrder = List.copyOf(inOrder);
        this.err = err;
    }

    /** A foreground whose {@link #stop()} runs when the JVM shuts down. */
    public static Foreground closingOnShutdown(List<? extends AutoCloseable> inOrder, PrintWriter err) {
        Foreground foreground = new Foreground(inOrder, err);
        Runtime.getRuntime().addShutdownHook(new Thread(foreground::stop, "imagepipe-shutdown"));
        return foreground;
    }

    /** Closes everything, once, in order, and releases {@link #await}. */
    public void stop() {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        stopRequested.countDown();
        for (AutoCloseable resource : inOrder) {
            try {
                resource.close();
            } catch (Exception e) {
                err.println("warning: could not close " + resource + ": " + e);
                err.flush();
            }
        }
        closed.countDown();
    }

    /**
     * Waits until {@link #stop()} has closed everything, or until {@code died} holds while no stop was asked for.
     *
     * @param died whether the service has stopped working on its own, e.g. its stream threads failed
     */
    public Ending await(BooleanSupplier died) throws InterruptedException {
        do {
            // Closing makes a service look dead; read the stop flag after the check so a stop never counts as dying.
            if (died.getAsBoolean() && !stopping.get()) {
                return Ending.FAILED;
            }
        } while (!stopRequested.await(HEALTH_CHECK_INTERVAL.toMillis(), TimeUnit.MILLISECONDS));
        closed.await();
        return Ending.STOPPED;
    }
}
