package dev.imagepipe.local.kafka;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka (KRaft, combined broker and controller) in this JVM, bound to loopback, with its data kept in a
 * directory between runs. Settings are those right for one node: every internal topic has one replica and the
 * transaction log accepts one in-sync replica, so {@code exactly_once_v2} works.
 *
 * <p>Start with {@link #start}; {@link #close} stops it and keeps the data.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);

    /** The one node's id; fixed so a restart finds the same formatted storage. */
    static final int NODE_ID = 1;

    /** Sub-directory of the data directory holding the logs (metadata log included). */
    static final String LOG_DIRECTORY = "kafka-logs";

    /** How long start-up may take before it is reported as failed: KRaft elects itself in a few seconds. */
    static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaRaftServer server;
    private final String bootstrapServers;

    private EmbeddedKafka(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    /** Formats the data directory on first use, starts the node and waits until it serves clients. */
    public static EmbeddedKafka start(EmbeddedKafkaConfig config) {
        int brokerPort = config.brokerPort() == 0 ? freePort(config.host()) : config.brokerPort();
        int controllerPort = config.controllerPort() == 0 ? freePort(config.host()) : config.controllerPort();
        Path logDirectory = config.dataDirectory().resolve(LOG_DIRECTORY);
        formatOnFirstUse(logDirectory);
        Map<String, Object> properties = serverProperties(config.host(), brokerPort, controllerPort, logDirectory);
        KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(properties, false), Time.SYSTEM);
        server.startup();
        String bootstrap = config.host() + ":" + brokerPort;
        EmbeddedKafka kafka = new EmbeddedKafka(server, bootstrap);
        try {
            kafka.awaitReady();
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
        log.info("embedded Kafka ready at {} (data in {})", bootstrap, config.dataDirectory());
        return kafka;
    }

    /** The {@code bootstrap.servers} value for clients. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    static Map<String, Object> serverProperties(String host, int brokerPort, int controllerPort, Path logDirectory) {
        Map<String, Object> p = new HashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@" + host + ":" + controllerPort);
        p.put("listeners", "PLAINTEXT://" + host + ":" + brokerPort + ",CONTROLLER://" + host + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + host + ":" + brokerPort);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDirectory.toString());
        // One node: every internal topic gets one replica, and transactions need only one in-sync replica.
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        // Nobody else joins the group: do not wait for them.
        p.put("group.initial.rebalance.delay.ms", "0");
        // imagepipe creates and verifies its topics itself; a typo must not create a topic silently.
        p.put("auto.create.topics.enable", "false");
        return p;
    }

    private static void formatOnFirstUse(Path logDirectory) {
        if (Files.exists(logDirectory.resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(logDirectory);
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(java.util.List.of(logDirectory.toString()))
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(logDirectory.toString())
                    .setIgnoreFormatted(true)
                    .run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the Kafka data directory " + logDirectory, e);
        } catch (Exception e) {
            throw new KafkaException(
                    "cannot format the Kafka data directory " + logDirectory + ": " + e.getMessage(), e);
        }
    }

    private void awaitReady() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.describeCluster().nodes().get(STARTUP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while waiting for the embedded broker", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaException(
                    "embedded broker at " + bootstrapServers + " did not become ready within " + STARTUP_TIMEOUT, e);
        }
    }

    private static int freePort(String host) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + host, e);
        }
    }
}
