package dev.imagepipe.cli;

import dev.imagepipe.cli.imports.ImportTarget;
import dev.imagepipe.cli.kafka.TagEventFollower;
import dev.imagepipe.cli.output.TagEventLines;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code imagepipe watch tags [ns/stream[:tag]]}: follows {@code tag.events} from now on, one line per event, until
 * Ctrl-C (or {@code --count} events).
 */
@Command(
        name = "watch",
        mixinStandardHelpOptions = true,
        description = "Follow tag changes live, one line per event: time, kind, tag, image, previous image, request.")
final class WatchCommand implements Callable<Integer> {

    /** What {@code watch} follows; only tags so far, named so that more can come. */
    enum Subject {
        tags
    }

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Parameters(index = "0", paramLabel = "tags", description = "What to follow.")
    Subject subject;

    @Parameters(
            index = "1",
            arity = "0..1",
            paramLabel = "NS/STREAM[:TAG]",
            description = "Follow only this stream's tags, or this one tag.")
    String name;

    @Option(names = "--count", paramLabel = "N", description = "Stop after N events (default: follow until Ctrl-C).")
    Long count;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Predicate<String> keys;
        try {
            keys = select(name);
            if (count != null && count < 1) {
                throw new IllegalArgumentException("--count must be at least 1");
            }
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE_OR_TIMEOUT;
        }
        try (TagEventFollower follower = new TagEventFollower(connection.connection())) {
            CountDownLatch done = new CountDownLatch(1);
            Thread stop = new Thread(
                    () -> {
                        follower.wakeup();
                        awaitQuietly(done);
                    },
                    "imagepipe-watch-stop");
            Runtime.getRuntime().addShutdownHook(stop);
            try {
                err.println("watching " + follower.topicName() + " from now on; Ctrl-C to stop");
                err.flush();
                out.println(TagEventLines.HEADER);
                out.flush();
                follower.follow(
                        keys,
                        event -> {
                            out.println(TagEventLines.line(event));
                            out.flush();
                        },
                        count == null ? Long.MAX_VALUE : count);
            } finally {
                done.countDown();
                removeHook(stop);
            }
        } catch (KafkaException e) {
            err.println("error: could not follow tag events: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE_OR_TIMEOUT;
        }
        return ExitCodes.OK;
    }

    /** Every tag; the tags of {@code ns/stream}; or the one tag {@code ns/stream:tag}. */
    static Predicate<String> select(String name) {
        if (name == null) {
            return key -> true;
        }
        ImportTarget target = ImportTarget.parse(name);
        return target.tag().isPresent()
                ? key -> key.equals(target.key() + ":" + target.tag().get())
                : key -> key.startsWith(target.key() + ":");
    }

    /** Let the follower close before the JVM exits, so the broker sees the consumer go. */
    private static void awaitQuietly(CountDownLatch done) {
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it is what ended the watch
        }
    }
}
