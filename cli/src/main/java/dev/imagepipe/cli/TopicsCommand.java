package dev.imagepipe.cli;

import dev.imagepipe.schemas.topic.TopicDeclaration;
import dev.imagepipe.schemas.topic.Topics;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code imagepipe topics}: the catalog's topics as the broker has them. */
@Command(
        name = "topics",
        mixinStandardHelpOptions = true,
        description = "List the pipeline's topics with their partitions, cleanup policy and retention.")
final class TopicsCommand implements Callable<Integer> {

    /** How long the broker may take to answer before the command gives up. */
    private static final long ADMIN_TIMEOUT_SECONDS = 30;

    private static final String ROW = "%-32s %10s  %-14s %s%n";

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<TopicDeclaration> catalog = Topics.declarations(connection.topicPrefix, Topics.DEFAULT_PARTITIONS);
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                connection.bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                (int) TimeUnit.SECONDS.toMillis(ADMIN_TIMEOUT_SECONDS)))) {
            var existing = admin.listTopics().names().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<String> present = catalog.stream()
                    .map(TopicDeclaration::name)
                    .filter(existing::contains)
                    .toList();
            Map<String, TopicDescription> descriptions =
                    admin.describeTopics(present).allTopicNames().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<ConfigResource, Config> configs = admin.describeConfigs(present.stream()
                            .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name))
                            .toList())
                    .all()
                    .get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            out.printf(ROW, "TOPIC", "PARTITIONS", "CLEANUP", "RETENTION.MS");
            int missing = 0;
            for (TopicDeclaration topic : catalog) {
                if (!present.contains(topic.name())) {
                    out.printf(ROW, topic.name(), "-", "(missing)", "-");
                    missing++;
                    continue;
                }
                Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()));
                out.printf(
                        ROW,
                        topic.name(),
                        descriptions.get(topic.name()).partitions().size(),
                        config.get("cleanup.policy").value(),
                        config.get("retention.ms").value());
            }
            out.flush();
            return missing == 0 ? 0 : 1;
        }
    }
}
