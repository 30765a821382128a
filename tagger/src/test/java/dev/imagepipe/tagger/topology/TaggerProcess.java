package dev.imagepipe.tagger.topology;

import dev.imagepipe.schemas.topic.Topics;
import dev.imagepipe.schemas.topic.ValueSerdes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The tagger in a child JVM, so a test can kill it the way a crash does: {@code SIGKILL}, no shutdown hook, no close,
 * no last commit. {@link #main} runs the topology ({@link TaggerStreams}) until killed; {@link #launch} starts it with
 * the test's class path and {@link #kill} ends it. Its output goes to a log file the test can show on failure.
 */
final class TaggerProcess {

    /** How long to wait for a killed JVM to be gone; SIGKILL takes effect at once, the reaping may lag. */
    private static final long EXIT_WAIT_SECONDS = 30;

    /** System properties the child must share with the test JVM: Avro's trusted packages and the log levels. */
    private static final List<String> INHERITED_PROPERTY_PREFIXES =
            List.of("org.apache.avro.SERIALIZABLE_PACKAGES", "org.slf4j.simpleLogger.");

    /** Where the child runs and how it commits. */
    record Launch(
            String bootstrapServers,
            String schemaRegistryUrl,
            String topicPrefix,
            int partitions,
            String applicationId,
            Path stateDir,
            Duration commitInterval,
            Duration transactionTimeout) {

        List<String> arguments() {
            return List.of(
                    bootstrapServers,
                    schemaRegistryUrl,
                    topicPrefix,
                    Integer.toString(partitions),
                    applicationId,
                    stateDir.toString(),
                    Long.toString(commitInterval.toMillis()),
                    Long.toString(transactionTimeout.toMillis()));
        }

        static Launch parse(String[] args) {
            return new Launch(
                    args[0],
                    args[1],
                    args[2],
                    Integer.parseInt(args[3]),
                    args[4],
                    Path.of(args[5]),
                    Duration.ofMillis(Long.parseLong(args[6])),
                    Duration.ofMillis(Long.parseLong(args[7])));
        }
    }

    private final Process process;
    private final Path log;

    private TaggerProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Runs the tagger as {@code args} ({@link Launch#arguments()}) say, until the JVM is killed. */
    public static void main(String[] args) {
        Launch launch = Launch.parse(args);
        ValueSerdes serdes = TaggerStreams.serdes(launch.schemaRegistryUrl());
        Topics topics = Topics.create(launch.topicPrefix(), launch.partitions(), serdes);
        KafkaStreams streams = TaggerStreams.create(
                topics,
                serdes,
                TaggerStreams.properties(
                        launch.bootstrapServers(),
                        launch.schemaRegistryUrl(),
                        launch.applicationId(),
                        launch.stateDir(),
                        topics,
                        launch.commitInterval(),
                        launch.transactionTimeout()));
        streams.setStateListener((now, before) -> System.err.println("tagger: " + before + " -> " + now));
        streams.start(); // stream threads are not daemons: the JVM lives until killed
    }

    /** Starts the tagger in a new JVM on this JVM's class path; its output goes to {@code log}. */
    static TaggerProcess launch(Launch launch, Path log) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        System.getProperties().stringPropertyNames().stream()
                .filter(name -> INHERITED_PROPERTY_PREFIXES.stream().anyMatch(name::startsWith))
                .sorted()
                .forEach(name -> command.add("-D" + name + "=" + System.getProperty(name)));
        command.add(TaggerProcess.class.getName());
        command.addAll(launch.arguments());
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            return new TaggerProcess(process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the tagger JVM", e);
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL, as a crash or the OOM killer would: nothing in the JVM runs after it. */
    void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(EXIT_WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the tagger JVM outlived SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The child's output so far, for failure messages. */
    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }
}
