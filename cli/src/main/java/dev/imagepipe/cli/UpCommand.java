package dev.imagepipe.cli;

import dev.imagepipe.local.LocalRuntime;
import dev.imagepipe.local.LocalRuntimeConfig;
import dev.imagepipe.local.kafka.EmbeddedKafkaConfig;
import dev.imagepipe.local.registry.SchemaRegistryConfig;
import dev.imagepipe.schemas.topic.Topics;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code imagepipe up}: the whole pipeline in this JVM, until Ctrl-C. */
@Command(
        name = "up",
        mixinStandardHelpOptions = true,
        description = "Run the pipeline locally: embedded Kafka (KRaft), the schema registry and every service, data"
                + " kept between runs.")
final class UpCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--data-dir",
            description = "Where the broker keeps its data (default: ${DEFAULT-VALUE}).",
            defaultValue = "data")
    Path dataDirectory;

    @Option(
            names = "--kafka-port",
            description = "Kafka client port on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE}).",
            defaultValue = "" + EmbeddedKafkaConfig.DEFAULT_BROKER_PORT)
    int kafkaPort;

    @Option(
            names = "--controller-port",
            description = "KRaft controller port on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE}).",
            defaultValue = "" + EmbeddedKafkaConfig.DEFAULT_CONTROLLER_PORT)
    int controllerPort;

    @Option(
            names = "--registry-port",
            description = "Schema registry HTTP port on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE}).",
            defaultValue = "" + SchemaRegistryConfig.DEFAULT_PORT)
    int registryPort;

    @Option(
            names = "--topic-prefix",
            description = "Prefix of every topic (default: ${DEFAULT-VALUE}).",
            defaultValue = Topics.DEFAULT_PREFIX)
    String topicPrefix;

    @Option(
            names = "--partitions",
            description = "Partitions of the keyed topics when they are created (default: ${DEFAULT-VALUE}).",
            defaultValue = "" + Topics.DEFAULT_PARTITIONS)
    int partitions;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        LocalRuntimeConfig config =
                new LocalRuntimeConfig(dataDirectory, kafkaPort, controllerPort, registryPort, topicPrefix, partitions);
        out.println("imagepipe: starting (data in " + dataDirectory.toAbsolutePath() + ")");
        out.flush();
        LocalRuntime runtime = LocalRuntime.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            runtime.close();
                            stopped.countDown();
                        },
                        "imagepipe-shutdown"));
        out.println("imagepipe: ready");
        out.println("  kafka bootstrap servers  " + runtime.bootstrapServers());
        out.println("  schema registry          " + runtime.schemaRegistryUrl());
        out.println("  topics                   " + runtime.topics().created().size() + " created, "
                + runtime.topics().verified().size() + " verified (prefix " + topicPrefix + ")");
        runtime.topics().warnings().forEach(w -> out.println("  warning: " + w.message()));
        out.println("Press Ctrl-C to stop.");
        out.flush();
        stopped.await();
        return 0;
    }
}
