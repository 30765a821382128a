package dev.imagepipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imagepipe.cli.policy.PolicyDocument;
import dev.imagepipe.cli.testing.PolicyFixtures;
import dev.imagepipe.cli.testing.TopicRecords;
import dev.imagepipe.schemas.avro.ImportPolicy;
import dev.imagepipe.schemas.topic.Topics;
import dev.imagepipe.schemas.topic.ValueSerdes;
import dev.imagepipe.testing.kafka.KafkaCluster;
import dev.imagepipe.testing.kafka.KafkaEnvironment;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code imagepipe policy apply} and {@code get} against a real broker and schema registry. */
@KafkaCluster
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class PolicyCommandIT {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void createTopics(KafkaEnvironment kafka) {
        kafka.createTopics("policy");
    }

    private int run(KafkaEnvironment kafka, String... args) {
        String[] withConnection = new String[args.length + 6];
        System.arraycopy(args, 0, withConnection, 0, args.length);
        System.arraycopy(
                new String[] {
                    "-b", kafka.bootstrapServers(),
                    "--schema-registry", kafka.schemaRegistryUrl(),
                    "--topic-prefix", kafka.topicPrefix()
                },
                0,
                withConnection,
                args.length,
                6);
        return Imagepipe.commandLine()
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err))
                .execute(withConnection);
    }

    @Test
    void appliesAPolicyThatTheServicesReadBackWithTheAvroSerde(KafkaEnvironment kafka, @TempDir Path directory)
            throws IOException {
        Path file = Files.writeString(directory.resolve("policy.yaml"), PolicyFixtures.EVERY_FIELD);
        Topics topics = Topics.create(kafka.topicPrefix(), 1, ValueSerdes.schemaRegistry(kafka.serdeConfig()));

        try (TopicRecords<ImportPolicy> policies = TopicRecords.fromEnd(kafka.bootstrapServers(), topics.policy())) {
            int exit = run(kafka, "policy", "apply", "-f", file.toString(), "--name", "team-a");

            assertThat(exit).as(err.toString()).isZero();
            assertThat(out.toString()).startsWith("policy \"team-a\" applied (" + kafka.topic("policy"));
            ConsumerRecord<String, ImportPolicy> record = policies.next(1).getFirst();
            assertThat(record.key()).isEqualTo("team-a");
            assertThat(record.value()).isEqualTo(PolicyDocument.read(file, "team-a"));
        }
    }

    @Test
    void getPrintsTheCurrentPolicyAsADocumentThatAppliesBack(KafkaEnvironment kafka, @TempDir Path directory)
            throws IOException {
        Path first = Files.writeString(directory.resolve("first.yaml"), "maxImagesBulkImportedPerRepository: 1\n");
        Path second = Files.writeString(directory.resolve("second.yaml"), PolicyFixtures.EVERY_FIELD);
        assertThat(run(kafka, "policy", "apply", "-f", first.toString(), "--name", "team-b"))
                .isZero();
        assertThat(run(kafka, "policy", "apply", "-f", second.toString(), "--name", "team-b"))
                .isZero();
        out.getBuffer().setLength(0);

        int exit = run(kafka, "policy", "get", "team-b", "-o", "yaml");

        assertThat(exit).as(err.toString()).isZero();
        Path printed = Files.writeString(directory.resolve("printed.yaml"), out.toString());
        assertThat(PolicyDocument.read(printed, "team-b"))
                .as("the latest policy, round-tripped")
                .isEqualTo(PolicyDocument.read(second, "team-b"));
    }

    @Test
    void getOfAPolicyThatDoesNotExistExitsOne(KafkaEnvironment kafka) {
        int exit = run(kafka, "policy", "get", "nobody");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("no policy \"nobody\" in " + kafka.topic("policy"));
    }
}
