package dev.imagepipe.testing.kafka;

import dev.imagepipe.local.kafka.EmbeddedKafka;
import dev.imagepipe.local.kafka.EmbeddedKafkaConfig;
import dev.imagepipe.testing.Docker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/** The one broker of a test run: a container where Docker runs, otherwise in-process with a temporary data directory. */
sealed interface SharedKafka extends AutoCloseable {

    /** Apache's own single-node KRaft image; the Testcontainers module configures its listeners. */
    DockerImageName IMAGE = DockerImageName.parse("apache/kafka:4.3.1");

    String bootstrapServers();

    @Override
    void close();

    static SharedKafka start() {
        return Docker.available() ? Container.start() : Embedded.start();
    }

    record Container(KafkaContainer container) implements SharedKafka {

        @SuppressWarnings("resource") // closed by close()
        static Container start() {
            KafkaContainer container = new KafkaContainer(IMAGE);
            container.start();
            return new Container(container);
        }

        @Override
        public String bootstrapServers() {
            return container.getBootstrapServers();
        }

        @Override
        public void close() {
            container.stop();
        }
    }

    record Embedded(EmbeddedKafka kafka, Path dataDirectory) implements SharedKafka {

        static Embedded start() {
            try {
                Path data = Files.createTempDirectory("imagepipe-kafka-");
                return new Embedded(EmbeddedKafka.start(EmbeddedKafkaConfig.freePorts(data)), data);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String bootstrapServers() {
            return kafka.bootstrapServers();
        }

        @Override
        public void close() {
            kafka.close();
            try (Stream<Path> paths = Files.walk(dataDirectory)) {
                paths.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
