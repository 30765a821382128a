package dev.imagepipe.cli;

import dev.imagepipe.importer.config.ConfigException;
import dev.imagepipe.importer.config.SettingsReader;
import dev.imagepipe.schemas.topic.TopicVerificationException;
import dev.imagepipe.tagger.TaggerApplication;
import dev.imagepipe.tagger.config.TaggerConfig;
import dev.imagepipe.tagger.config.TaggerConfigLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.streams.KafkaStreams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code imagepipe tagger}: the tagger alone in this JVM until SIGTERM or Ctrl-C, configured like every imagepipe
 * service (flags, then {@code IMAGEPIPE_*}/{@code KAFKA_*} variables, then a properties file, then defaults).
 */
@Command(
        name = "tagger",
        mixinStandardHelpOptions = true,
        description = "Run the tagger: tag history, image streams, signature verdicts and scheduled imports.",
        footer = {
            "",
            "Any setting can be given with --set KEY=VALUE (tagger.history.keep-newest=10, kafka.security.protocol=SSL),"
                    + " as IMAGEPIPE_<KEY> in the environment, or in the --config-file; see the README."
        })
final class TaggerCommand implements Callable<Integer> {

    /** How often the command checks that the stream threads still run while it waits for a signal. */
    static final Duration STATE_CHECK = Duration.ofSeconds(1);

    /** States from which the tagger does not recover by itself: the command then exits non-zero. */
    static final Set<KafkaStreams.State> STOPPED = EnumSet.of(KafkaStreams.State.ERROR, KafkaStreams.State.NOT_RUNNING);

    @Spec
    CommandSpec spec;

    @Option(
            names = {"-b", "--bootstrap-server"},
            paramLabel = "HOST:PORT[,...]",
            description = "Kafka bootstrap servers (setting bootstrap.servers).")
    String bootstrapServers;

    @Option(
            names = "--schema-registry",
            paramLabel = "URL",
            description = "Schema registry URL (setting schema.registry.url).")
    String schemaRegistryUrl;

    @Option(names = "--topic-prefix", paramLabel = "PREFIX", description = "Prefix of every topic (topic.prefix).")
    String topicPrefix;

    @Option(
            names = "--metrics-port",
            paramLabel = "PORT",
            description = "Serve /metrics, /healthz and /readyz on this port; 0 picks a free one (metrics.port).")
    Integer metricsPort;

    @Option(
            names = "--config-file",
            paramLabel = "FILE",
            description = "Properties file read after flags and environment (env IMAGEPIPE_CONFIG_FILE).")
    Path configFile;

    @Option(
            names = {"-s", "--set"},
            paramLabel = "KEY=VALUE",
            description = "Any setting by its key; kafka.<property> passes a Kafka property through.")
    Map<String, String> settings = new LinkedHashMap<>();

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TaggerConfig config;
        try {
            config = TaggerConfigLoader.load(flags(), System.getenv());
        } catch (ConfigException e) {
            e.problems().forEach(problem -> err.println("error: " + problem));
            err.flush();
            return ExitCodes.USAGE_OR_TIMEOUT;
        }
        TaggerApplication tagger;
        try {
            tagger = TaggerApplication.start(config);
        } catch (KafkaException | TopicVerificationException | IllegalStateException | java.io.UncheckedIOException e) {
            err.println("error: the tagger did not start: " + e.getMessage());
            err.flush();
            return ExitCodes.FAILED;
        }
        out.println("tagger: running as " + config.applicationId() + " on " + config.bootstrapServers()
                + " (topics " + config.topicPrefix() + "*)"
                + tagger.metricsPort().map(port -> ", metrics on port " + port).orElse(""));
        out.println("Press Ctrl-C to stop.");
        out.flush();
        return runUntilStopped(tagger, err);
    }

    /** The settings given on the command line, keyed as the loader reads them; {@code --set} first, flags win. */
    Map<String, String> flags() {
        Map<String, String> flags = new LinkedHashMap<>(settings);
        putIfGiven(flags, "bootstrap.servers", bootstrapServers);
        putIfGiven(flags, "schema.registry.url", schemaRegistryUrl);
        putIfGiven(flags, "topic.prefix", topicPrefix);
        putIfGiven(flags, "metrics.port", metricsPort == null ? null : metricsPort.toString());
        putIfGiven(flags, SettingsReader.CONFIG_FILE_KEY, configFile == null ? null : configFile.toString());
        return flags;
    }

    private static void putIfGiven(Map<String, String> flags, String key, String value) {
        if (value != null) {
            flags.put(key, value);
        }
    }

    /** Waits for a signal, closing the tagger then; or for the stream threads to stop on their own, a failure. */
    private static int runUntilStopped(TaggerApplication tagger, PrintWriter err) throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        AtomicBoolean signalled = new AtomicBoolean();
        Thread hook = new Thread(
                () -> {
                    signalled.set(true);
                    tagger.close();
                    closed.countDown();
                },
                "imagepipe-tagger-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        while (!closed.await(STATE_CHECK.toMillis(), TimeUnit.MILLISECONDS)) {
            if (!signalled.get() && STOPPED.contains(tagger.state())) {
                err.println("error: the tagger's stream threads stopped (" + tagger.state() + "); see the log");
                err.flush();
                Runtime.getRuntime().removeShutdownHook(hook);
                tagger.close();
                return ExitCodes.FAILED;
            }
        }
        return ExitCodes.OK;
    }
}
