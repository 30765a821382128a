package dev.imagepipe.schemas.topic;

import dev.imagepipe.schemas.topic.TopicProblem.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates missing catalog topics and verifies existing ones. Idempotent: every app calls it at start, and concurrent
 * calls from several instances converge. A topic whose settings would silently lose data (a table topic that is not
 * compacted, an unlimited log with a retention) stops the app with a {@link TopicVerificationException}.
 */
public final class TopicAdmin {

    private static final Logger log = LoggerFactory.getLogger(TopicAdmin.class);

    /** How long one admin round trip may take before start-up fails: generous for a cluster under load. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    /** Between retries of a request for a topic the broker does not know yet. */
    private static final Duration UNKNOWN_TOPIC_RETRY = Duration.ofMillis(100);

    private final Admin admin;
    private final Duration timeout;

    public TopicAdmin(Admin admin, Duration timeout) {
        this.admin = Objects.requireNonNull(admin, "admin");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    public TopicAdmin(Admin admin) {
        this(admin, DEFAULT_TIMEOUT);
    }

    /**
     * Creates the missing topics and verifies all of them.
     *
     * @param topics the declarations to enforce
     * @param replicationFactor replication factor for new topics; empty uses the broker's default
     * @throws TopicVerificationException when an existing topic would lose data
     */
    public TopicReport ensure(Collection<TopicDeclaration> topics, Optional<Short> replicationFactor) {
        Set<String> existing = await("list topics", admin.listTopics().names());
        List<String> created =
                create(topics.stream().filter(t -> !existing.contains(t.name())).toList(), replicationFactor);
        List<TopicProblem> problems = verify(topics);
        List<TopicProblem> errors =
                problems.stream().filter(p -> p.severity() == Severity.ERROR).toList();
        if (!errors.isEmpty()) {
            throw new TopicVerificationException(errors);
        }
        List<TopicProblem> warnings =
                problems.stream().filter(p -> p.severity() == Severity.WARNING).toList();
        warnings.forEach(w -> log.warn("{}", w.message()));
        List<String> verified = topics.stream()
                .map(TopicDeclaration::name)
                .filter(name -> !created.contains(name))
                .toList();
        return new TopicReport(created, verified, warnings);
    }

    private List<String> create(List<TopicDeclaration> missing, Optional<Short> replicationFactor) {
        if (missing.isEmpty()) {
            return List.of();
        }
        List<NewTopic> newTopics = missing.stream()
                .map(t -> new NewTopic(t.name(), Optional.of(t.partitions()), replicationFactor).configs(t.configs()))
                .toList();
        CreateTopicsResult result = admin.createTopics(newTopics);
        List<String> created = new ArrayList<>();
        for (var entry : result.values().entrySet()) {
            try {
                await("create topic " + entry.getKey(), entry.getValue());
                created.add(entry.getKey());
                log.info("created topic {}", entry.getKey());
            } catch (KafkaException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
                log.info("topic {} was created concurrently; verifying it", entry.getKey());
            }
        }
        return created;
    }

    private List<TopicProblem> verify(Collection<TopicDeclaration> topics) {
        List<String> names = topics.stream().map(TopicDeclaration::name).toList();
        List<ConfigResource> resources = names.stream()
                .map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n))
                .toList();
        Map<String, TopicDescription> descriptions =
                untilKnown("describe topics", () -> admin.describeTopics(names).allTopicNames());
        Map<ConfigResource, Config> configs = untilKnown(
                "describe topic configs", () -> admin.describeConfigs(resources).all());
        List<TopicProblem> problems = new ArrayList<>();
        for (TopicDeclaration topic : topics) {
            Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()));
            Map<String, String> settings = config.entries().stream()
                    .filter(e -> e.value() != null)
                    .collect(Collectors.toMap(ConfigEntry::name, ConfigEntry::value, (a, b) -> a));
            int partitions = descriptions.get(topic.name()).partitions().size();
            problems.addAll(TopicVerifier.problems(topic, partitions, settings));
        }
        return problems;
    }

    /**
     * A topic just created may not be known to the broker answering the next request yet (metadata propagates
     * asynchronously, slowly on a loaded broker): such a request is retried, with a short pause, until the timeout.
     */
    private <T> T untilKnown(String what, java.util.function.Supplier<KafkaFuture<T>> request) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return await(what, request.get());
            } catch (KafkaException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(UNKNOWN_TOPIC_RETRY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while waiting for new topics to be known", e);
        }
    }

    private <T> T await(String what, KafkaFuture<T> future) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while waiting to " + what, e);
        } catch (ExecutionException e) {
            throw new KafkaException("failed to " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaException("timed out after " + timeout + " waiting to " + what, e);
        }
    }
}
