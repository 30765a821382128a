package dev.imagepipe.cli;

import dev.imagepipe.cli.service.Foreground;
import dev.imagepipe.cli.service.ImporterFlags;
import dev.imagepipe.importer.ImporterApplication;
import dev.imagepipe.importer.config.ConfigException;
import dev.imagepipe.importer.config.ConfigKey;
import dev.imagepipe.importer.config.ImporterConfig;
import dev.imagepipe.importer.config.ImporterConfigLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code imagepipe importer}: the importer alone against any Kafka and schema registry, until SIGTERM or Ctrl-C.
 *
 * <p>Settings come from flags, then {@code IMAGEPIPE_*} and {@code KAFKA_*} variables, then the properties file (see
 * {@link ImporterConfigLoader}). The connection flags therefore have no built-in default, unlike the client commands':
 * a default would outrank the environment and the file. A service that guessed {@code 127.0.0.1:9092} would also
 * join whatever listens there, so a missing {@code bootstrap.servers} is an error.
 */
@Command(
        name = "importer",
        mixinStandardHelpOptions = true,
        description = "Run the importer against a Kafka cluster and schema registry until stopped (SIGTERM, Ctrl-C)."
                + " Settings: flags, then IMAGEPIPE_* / KAFKA_* variables, then the --config file.")
final class ImporterCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "A properties file of settings (keys as for --set); env IMAGEPIPE_CONFIG_FILE.")
    Path configFile;

    @Option(
            names = "--set",
            paramLabel = "KEY=VALUE",
            description = "A setting, e.g. --set importer.fetch.concurrency=16 or --set kafka.max.poll.records=50;"
                    + " repeatable. The README lists every key.")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(
            names = {"-b", "--bootstrap-server"},
            paramLabel = "HOST:PORT[,...]",
            description = "Kafka bootstrap servers (bootstrap.servers); env IMAGEPIPE_BOOTSTRAP_SERVERS.")
    String bootstrapServers;

    @Option(
            names = "--schema-registry",
            paramLabel = "URL",
            description = "Schema registry URL (schema.registry.url); env IMAGEPIPE_SCHEMA_REGISTRY_URL.")
    String schemaRegistryUrl;

    @Option(
            names = "--topic-prefix",
            paramLabel = "PREFIX",
            description = "Prefix of every topic (topic.prefix); env IMAGEPIPE_TOPIC_PREFIX.")
    String topicPrefix;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ImporterConfig config;
        try {
            config = ImporterConfigLoader.load(flags(), System.getenv());
        } catch (ConfigException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE_OR_TIMEOUT;
        }
        ImporterApplication importer;
        try {
            importer = ImporterApplication.start(config);
        } catch (KafkaException | IllegalArgumentException | java.io.UncheckedIOException e) {
            err.println("error: the importer did not start: " + e.getMessage());
            err.flush();
            return ExitCodes.FAILED;
        }
        Foreground foreground = Foreground.closingOnShutdown(List.of(importer), err);
        printBanner(out, config, importer);
        return switch (foreground.await(() -> importer.state().hasStartedOrFinishedShuttingDown())) {
            case STOPPED -> ExitCodes.OK;
            case FAILED -> {
                err.println("error: the importer stopped (" + importer.state() + "); see the log above");
                err.flush();
                yield ExitCodes.FAILED;
            }
        };
    }

    /** The command line as the loader's highest-precedence source: connection flags only where given. */
    Map<String, String> flags() {
        ImporterFlags flags = ImporterFlags.of(settings);
        if (bootstrapServers != null) {
            flags.fixed(ConfigKey.BOOTSTRAP_SERVERS, bootstrapServers, "--bootstrap-server");
        }
        if (schemaRegistryUrl != null) {
            flags.fixed(ConfigKey.SCHEMA_REGISTRY_URL, schemaRegistryUrl, "--schema-registry");
        }
        if (topicPrefix != null) {
            flags.fixed(ConfigKey.TOPIC_PREFIX, topicPrefix, "--topic-prefix");
        }
        if (configFile != null) {
            flags.configFile(configFile);
        }
        return flags.toMap();
    }

    private static void printBanner(PrintWriter out, ImporterConfig config, ImporterApplication importer) {
        out.println("imagepipe importer: started");
        out.println("  application id     " + config.applicationId());
        out.println("  bootstrap servers  " + config.bootstrapServers());
        out.println("  topic prefix       " + config.topicPrefix());
        out.println("  state              " + config.stateDir().toAbsolutePath());
        importer.metricsPort().ifPresent(port -> out.println("  metrics            " + metricsUrl(port)));
        out.println("Press Ctrl-C to stop.");
        out.flush();
    }

    /** Where Prometheus scrapes; the server listens on every interface, so loopback is one address that works. */
    static String metricsUrl(int port) {
        return "http://127.0.0.1:" + port + "/metrics (also /healthz, /readyz; every interface)";
    }
}
