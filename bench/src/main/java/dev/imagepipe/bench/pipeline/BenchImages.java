package dev.imagepipe.bench.pipeline;

import dev.imagepipe.testing.fixture.ImageFixtures;
import dev.imagepipe.testing.fixture.ImageFormat;
import dev.imagepipe.testing.fixture.RegistryPusher;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * Pushes the benchmark's tag sets into one repository of the loopback registry. Every tag is its own OCI image whose
 * config carries the tag name, so no two tags in the whole run share a digest: the pipeline's digest store can never
 * turn a measured import into a HEAD-only hit.
 */
final class BenchImages implements AutoCloseable {

    /** Repository of every benchmark tag. */
    static final String REPOSITORY = "bench/pipeline";

    /** Parallel pushes: the registry writes blobs to disk, so a few at once fill the time it spends waiting on fsync. */
    static final int PUSH_THREADS = 8;

    private final RegistryPusher pusher;
    private final ExecutorService pool = Executors.newFixedThreadPool(PUSH_THREADS);

    BenchImages(RegistryPusher pusher) {
        this.pusher = pusher;
    }

    /** Pushes {@code count} tags named {@code <set>-00000}, … and returns their names in order. */
    List<String> push(String set, int count) throws InterruptedException, ExecutionException {
        List<String> tags = IntStream.range(0, count)
                .mapToObj(i -> "%s-%05d".formatted(set, i))
                .toList();
        List<Future<?>> pushes = new ArrayList<>(count);
        for (String tag : tags) {
            pushes.add(
                    pool.submit(() -> pusher.push(REPOSITORY, tag, ImageFixtures.taggedImage(ImageFormat.OCI, tag))));
        }
        for (Future<?> push : pushes) {
            push.get();
        }
        return tags;
    }

    /** {@code registry/bench/pipeline:tag} for each tag: the references a request names. */
    static List<String> references(String registryHostPort, List<String> tags) {
        return tags.stream()
                .map(tag -> registryHostPort + "/" + REPOSITORY + ":" + tag)
                .toList();
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
