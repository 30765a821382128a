package dev.imagepipe.testing.kafka;

import dev.imagepipe.local.kafka.EmbeddedKafka;
import dev.imagepipe.local.kafka.EmbeddedKafkaConfig;
import dev.imagepipe.local.registry.SchemaRegistryConfig;
import dev.imagepipe.local.registry.SchemaRegistryServer;
import dev.imagepipe.testing.Docker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The one broker and schema registry of a test run: Apache Kafka and Confluent Schema Registry containers where Docker
 * runs, otherwise the in-process broker and the project's schema registry server, with a temporary data directory.
 */
sealed interface SharedKafka extends AutoCloseable {

    /** Apache's own single-node KRaft image; the Testcontainers module configures its listeners. */
    DockerImageName IMAGE = DockerImageName.parse("apache/kafka:4.3.1");

    /** Confluent's registry, the one deployments use (docker-compose.yml). */
    DockerImageName SCHEMA_REGISTRY_IMAGE = DockerImageName.parse("confluentinc/cp-schema-registry:8.1.0");

    /** The registry's HTTP port inside its container. */
    int SCHEMA_REGISTRY_PORT = 8081;

    String bootstrapServers();

    String schemaRegistryUrl();

    @Override
    void close();

    static SharedKafka start() {
        return Docker.available() ? Containers.start() : Embedded.start();
    }

    record Containers(Network network, KafkaContainer kafka, GenericContainer<?> registry) implements SharedKafka {

        /** How the registry container reaches the broker on their shared network. */
        private static final String INTERNAL_LISTENER = "kafka:19092";

        @SuppressWarnings("resource") // closed by close()
        static Containers start() {
            Network network = Network.newNetwork();
            KafkaContainer kafka =
                    new KafkaContainer(IMAGE).withNetwork(network).withListener(INTERNAL_LISTENER);
            kafka.start();
            GenericContainer<?> registry = new GenericContainer<>(SCHEMA_REGISTRY_IMAGE)
                    .withNetwork(network)
                    .withExposedPorts(SCHEMA_REGISTRY_PORT)
                    .withEnv("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
                    .withEnv("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:" + SCHEMA_REGISTRY_PORT)
                    .withEnv("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://" + INTERNAL_LISTENER)
                    .waitingFor(Wait.forHttp("/subjects").forStatusCode(200));
            registry.start();
            return new Containers(network, kafka, registry);
        }

        @Override
        public String bootstrapServers() {
            return kafka.getBootstrapServers();
        }

        @Override
        public String schemaRegistryUrl() {
            return "http://" + registry.getHost() + ":" + registry.getMappedPort(SCHEMA_REGISTRY_PORT);
        }

        @Override
        public void close() {
            registry.stop();
            kafka.stop();
            network.close();
        }
    }

    record Embedded(EmbeddedKafka kafka, SchemaRegistryServer registry, Path dataDirectory) implements SharedKafka {

        static Embedded start() {
            try {
                Path data = Files.createTempDirectory("imagepipe-kafka-");
                EmbeddedKafka kafka = EmbeddedKafka.start(EmbeddedKafkaConfig.freePorts(data));
                SchemaRegistryServer registry =
                        SchemaRegistryServer.start(SchemaRegistryConfig.kafka(0, kafka.bootstrapServers()));
                return new Embedded(kafka, registry, data);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String bootstrapServers() {
            return kafka.bootstrapServers();
        }

        @Override
        public String schemaRegistryUrl() {
            return registry.url();
        }

        @Override
        public void close() {
            registry.close();
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
