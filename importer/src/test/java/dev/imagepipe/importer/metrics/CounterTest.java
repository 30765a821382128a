package dev.imagepipe.importer.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CounterTest {

    private final MetricsRegistry registry = new MetricsRegistry();

    @Test
    void keepsOneSeriesPerCombinationOfLabelValues() {
        Counter counter = registry.counter("c_total", "c", "outcome");

        counter.labels("success").inc();
        counter.labels("success").inc();
        counter.labels("failure").inc(3);

        assertThat(counter.value("success")).isEqualTo(2);
        assertThat(counter.value("failure")).isEqualTo(3);
        assertThat(counter.value("unseen")).isZero();
    }

    @Test
    void refusesTheWrongNumberOfLabelValues() {
        Counter counter = registry.counter("c_total", "c", "a", "b");

        assertThatThrownBy(() -> counter.labels("only-one"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[a, b]");
        assertThatThrownBy(counter::inc).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesToGoDown() {
        Counter counter = registry.counter("c_total", "c");

        assertThatThrownBy(() -> counter.inc(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> counter.inc(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThat(counter.value()).isZero();
    }

    @Test
    void losesNoIncrementUnderConcurrentUse() throws Exception {
        Counter counter = registry.counter("c_total", "c", "worker");
        int threads = 8;
        int perThread = 10_000;
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> done = IntStream.range(0, threads)
                    .<Future<?>>mapToObj(t -> pool.submit(() -> {
                        for (int i = 0; i < perThread; i++) {
                            counter.labels(i % 2 == 0 ? "even" : "odd").inc();
                        }
                    }))
                    .toList();
            for (Future<?> future : done) {
                future.get();
            }
        }

        assertThat(counter.value("even") + counter.value("odd")).isEqualTo(threads * perThread);
    }
}
