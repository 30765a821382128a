package dev.imagepipe.cli.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ForegroundTest {

    private final List<String> closed = Collections.synchronizedList(new ArrayList<>());
    private final StringWriter err = new StringWriter();

    private AutoCloseable resource(String name) {
        return () -> closed.add(name);
    }

    @Test
    void stopClosesInTheGivenOrderAndEndsTheWait() throws Exception {
        Foreground foreground =
                new Foreground(List.of(resource("importer"), resource("runtime")), new PrintWriter(err));
        CompletableFuture<Foreground.Ending> ending = CompletableFuture.supplyAsync(() -> awaitQuietly(foreground));

        foreground.stop();

        assertThat(ending.get()).isEqualTo(Foreground.Ending.STOPPED);
        assertThat(closed).containsExactly("importer", "runtime");
    }

    @Test
    void closesEachResourceOnceHoweverOftenStopIsCalled() {
        Foreground foreground = new Foreground(List.of(resource("importer")), new PrintWriter(err));

        foreground.stop();
        foreground.stop();

        assertThat(closed).containsExactly("importer");
    }

    @Test
    void aFailureToCloseIsReportedAndTheRestAreStillClosed() {
        AutoCloseable failing = () -> {
            throw new IllegalStateException("boom");
        };
        Foreground foreground = new Foreground(List.of(failing, resource("runtime")), new PrintWriter(err));

        foreground.stop();

        assertThat(closed).containsExactly("runtime");
        assertThat(err.toString()).contains("could not close").contains("boom");
    }

    @Test
    void aServiceThatDiesEndsTheWaitAsFailedWithoutClosingAnything() throws Exception {
        Foreground foreground = new Foreground(List.of(resource("importer")), new PrintWriter(err));

        assertThat(foreground.await(() -> true)).isEqualTo(Foreground.Ending.FAILED);
        assertThat(closed).isEmpty();
    }

    @Test
    void aServiceLookingDeadBecauseItIsBeingClosedCountsAsStopped() throws Exception {
        AtomicBoolean closing = new AtomicBoolean();
        Foreground foreground = new Foreground(List.of(() -> closing.set(true)), new PrintWriter(err));
        foreground.stop();

        assertThat(foreground.await(closing::get)).isEqualTo(Foreground.Ending.STOPPED);
    }

    private static Foreground.Ending awaitQuietly(Foreground foreground) {
        try {
            return foreground.await(() -> false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
