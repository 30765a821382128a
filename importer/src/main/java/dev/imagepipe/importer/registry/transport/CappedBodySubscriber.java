package dev.imagepipe.importer.registry.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a body up to a cap, failing with {@link BodyTooLargeException} as soon as byte {@code cap + 1} arrives so
 * an oversized body is never held whole. Records when bytes last arrived, for the read (idle) timeout.
 */
final class CappedBodySubscriber implements HttpResponse.BodySubscriber<byte[]> {

    private final long cap;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private volatile long lastProgressNanos = System.nanoTime();
    private volatile Flow.Subscription subscription;

    CappedBodySubscriber(long cap) {
        this.cap = cap;
    }

    long lastProgressNanos() {
        return lastProgressNanos;
    }

    /** Stops reading; the client closes the connection. */
    void cancel() {
        Flow.Subscription current = subscription;
        if (current != null) {
            current.cancel();
        }
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        lastProgressNanos = System.nanoTime();
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        lastProgressNanos = System.nanoTime();
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer item : items) {
            if (buffer.size() + (long) item.remaining() > cap) {
                result.completeExceptionally(new BodyTooLargeException(cap));
                subscription.cancel();
                return;
            }
            byte[] chunk = new byte[item.remaining()];
            item.get(chunk);
            buffer.writeBytes(chunk);
        }
    }

    @Override
    public void onError(Throwable throwable) {
        result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        result.complete(buffer.toByteArray());
    }

    /** The body passed its cap. */
    static final class BodyTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;
        final long cap;

        BodyTooLargeException(long cap) {
            super("body exceeds the " + BodyLimits.describe(cap) + " cap");
            this.cap = cap;
        }
    }
}
