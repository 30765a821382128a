package dev.imagepipe.cli;

import dev.imagepipe.cli.document.DocumentException;
import dev.imagepipe.cli.kafka.KafkaConnection;
import dev.imagepipe.cli.kafka.PolicyClient;
import dev.imagepipe.cli.policy.PolicyDocument;
import dev.imagepipe.cli.service.Foreground;
import dev.imagepipe.cli.service.ImporterFlags;
import dev.imagepipe.importer.ImporterApplication;
import dev.imagepipe.importer.config.ConfigException;
import dev.imagepipe.importer.config.ConfigKey;
import dev.imagepipe.importer.config.ImporterConfig;
import dev.imagepipe.importer.config.ImporterConfigLoader;
import dev.imagepipe.local.LocalRuntime;
import dev.imagepipe.local.LocalRuntimeConfig;
import dev.imagepipe.local.kafka.EmbeddedKafkaConfig;
import dev.imagepipe.local.registry.SchemaRegistryConfig;
import dev.imagepipe.schemas.avro.ImportPolicy;
import dev.imagepipe.schemas.topic.Topics;
import dev.imagepipe.tagger.TaggerApplication;
import dev.imagepipe.tagger.config.TaggerConfig;
import dev.imagepipe.tagger.config.TaggerConfigLoader;
import dev.imagepipe.tagger.config.TaggerKey;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code imagepipe up}: the whole pipeline in this JVM, until Ctrl-C: the embedded broker and schema registry, the
 * policy of {@code --policy} if given, then the importer. Stopping closes the importer first, so it commits and leaves
 * its group while the broker is still there.
 */
@Command(
        name = "up",
        mixinStandardHelpOptions = true,
        description = "Run the pipeline locally: embedded Kafka (KRaft), the schema registry and every service, data"
                + " kept between runs.")
final class UpCommand implements Callable<Integer> {

    /** The importer's state under the data directory, next to the broker's, so one directory holds a pipeline. */
    static final String IMPORTER_STATE = "importer";

    /** The tagger's state, beside the importer's. */
    static final String TAGGER_STATE = "tagger";

    /** One embedded broker holds one replica of each internal topic. */
    static final String SINGLE_REPLICA = "1";

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

    @Option(
            names = "--policy",
            paramLabel = "FILE",
            description = "A policy document (as for 'policy apply') to make the importer's policy at start.")
    Path policyFile;

    @Option(
            names = "--set",
            paramLabel = "KEY=VALUE",
            description = "An importer setting, e.g. --set importer.allowed-private-hosts=127.0.0.1 to import from a"
                    + " registry on loopback; repeatable. The README lists every key.")
    Map<String, String> importerSettings = new LinkedHashMap<>();

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<ImportPolicy> policy;
        try {
            // Read before anything starts: a typo in the document should not cost a broker start.
            policy = Optional.ofNullable(policyFile).map(PolicyDocument::read);
        } catch (DocumentException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE_OR_TIMEOUT;
        }
        LocalRuntimeConfig config =
                new LocalRuntimeConfig(dataDirectory, kafkaPort, controllerPort, registryPort, topicPrefix, partitions);
        out.println("imagepipe: starting (data in " + dataDirectory.toAbsolutePath() + ")");
        out.flush();
        LocalRuntime runtime = LocalRuntime.start(config);
        Started started;
        try {
            started = startServices(runtime, policy);
        } catch (ConfigException e) {
            runtime.close();
            err.println("error: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE_OR_TIMEOUT;
        } catch (RuntimeException e) {
            runtime.close();
            throw e;
        }
        Foreground foreground =
                Foreground.closingOnShutdown(List.of(started.importer(), started.tagger(), runtime), err);
        printBanner(out, runtime, started);
        return switch (foreground.await(() -> started.importer().state().hasStartedOrFinishedShuttingDown()
                || started.tagger().state().hasStartedOrFinishedShuttingDown())) {
            case STOPPED -> ExitCodes.OK;
            case FAILED -> {
                err.println("error: a service stopped (importer "
                        + started.importer().state() + ", tagger "
                        + started.tagger().state() + "); see the log above");
                err.flush();
                yield ExitCodes.FAILED;
            }
        };
    }

    /** What {@link #startServices} started, for the banner. */
    private record Started(
            ImporterConfig importerConfig,
            ImporterApplication importer,
            TaggerConfig taggerConfig,
            TaggerApplication tagger,
            Optional<String> policy) {}

    /** Applies the policy once the topics exist, then starts the importer, so its first import sees the policy. */
    private Started startServices(LocalRuntime runtime, Optional<ImportPolicy> policy) throws InterruptedException {
        ImporterConfig importerConfig = ImporterConfigLoader.load(importerFlags(runtime), System.getenv());
        Optional<String> applied = Optional.empty();
        if (policy.isPresent()) {
            // The importer reads the policy of its configured name; the document's name follows it.
            ImportPolicy named = ImportPolicy.newBuilder(policy.get())
                    .setName(importerConfig.policyName())
                    .build();
            new PolicyClient(new KafkaConnection(runtime.bootstrapServers(), runtime.schemaRegistryUrl(), topicPrefix))
                    .apply(named);
            applied = Optional.of(named.getName());
        }
        TaggerConfig taggerConfig = TaggerConfigLoader.load(taggerFlags(runtime, importerConfig), System.getenv());
        ImporterApplication importer = ImporterApplication.start(importerConfig);
        TaggerApplication tagger;
        try {
            tagger = TaggerApplication.start(taggerConfig);
        } catch (RuntimeException e) {
            importer.close();
            throw e;
        }
        return new Started(importerConfig, importer, taggerConfig, tagger, applied);
    }

    /**
     * The tagger joins the same embedded runtime and follows the importer's policy name; its state sits beside the
     * importer's. Its own settings come from the environment ({@code IMAGEPIPE_HISTORY_KEEP_NEWEST}, ...).
     */
    static Map<String, String> taggerFlags(LocalRuntime runtime, ImporterConfig importer) {
        Path state = importer.stateDir().resolveSibling(TAGGER_STATE);
        return Map.of(
                ConfigKey.BOOTSTRAP_SERVERS.key(), runtime.bootstrapServers(),
                ConfigKey.SCHEMA_REGISTRY_URL.key(), runtime.schemaRegistryUrl(),
                ConfigKey.TOPIC_PREFIX.key(), importer.topicPrefix(),
                ConfigKey.REPLICATION_FACTOR.key(), SINGLE_REPLICA,
                ConfigKey.STATE_DIR.key(), state.toString(),
                ConfigKey.APPLICATION_ID.key(), TaggerConfig.DEFAULT_APPLICATION_ID,
                TaggerKey.POLICY_NAME.key(), importer.policyName());
    }

    /**
     * The embedded runtime fixes where the importer connects; its state defaults to the data directory so a restart
     * finds it, and its internal topics get one replica, all one broker can hold. Registries on loopback stay refused
     * unless {@code --set importer.allowed-private-hosts} names them.
     */
    Map<String, String> importerFlags(LocalRuntime runtime) {
        return ImporterFlags.of(importerSettings)
                .fixed(ConfigKey.BOOTSTRAP_SERVERS, runtime.bootstrapServers(), "the embedded broker")
                .fixed(ConfigKey.SCHEMA_REGISTRY_URL, runtime.schemaRegistryUrl(), "the embedded schema registry")
                .fixed(ConfigKey.TOPIC_PREFIX, topicPrefix, "--topic-prefix")
                .fixed(ConfigKey.REPLICATION_FACTOR, SINGLE_REPLICA, "the single embedded broker")
                .defaulted(
                        ConfigKey.STATE_DIR,
                        dataDirectory.resolve(IMPORTER_STATE).toString())
                .toMap();
    }

    private void printBanner(PrintWriter out, LocalRuntime runtime, Started started) {
        out.println("imagepipe: ready");
        out.println("  kafka bootstrap servers  " + runtime.bootstrapServers());
        out.println("  schema registry          " + runtime.schemaRegistryUrl());
        out.println("  topics                   " + runtime.topics().created().size() + " created, "
                + runtime.topics().verified().size() + " verified (prefix " + topicPrefix + ")");
        runtime.topics().warnings().forEach(w -> out.println("  warning: " + w.message()));
        started.policy()
                .ifPresent(
                        name -> out.println("  policy                   \"" + name + "\" applied from " + policyFile));
        out.println("  importer                 started (application id "
                + started.importerConfig().applicationId() + ", state in "
                + started.importerConfig().stateDir() + ")");
        started.importer()
                .metricsPort()
                .ifPresent(port -> out.println("  importer metrics         " + ImporterCommand.metricsUrl(port)));
        out.println("  tagger                   started (application id "
                + started.taggerConfig().applicationId() + ", state in "
                + started.taggerConfig().stateDir() + ")");
        out.println("Press Ctrl-C to stop.");
        out.flush();
    }
}
