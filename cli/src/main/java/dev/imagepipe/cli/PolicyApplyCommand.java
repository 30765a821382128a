package dev.imagepipe.cli;

import dev.imagepipe.cli.document.DocumentException;
import dev.imagepipe.cli.kafka.PolicyClient;
import dev.imagepipe.cli.policy.PolicyDocument;
import dev.imagepipe.schemas.avro.ImportPolicy;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code imagepipe policy apply -f policy.yaml}: validates a policy document and writes it to the policy topic. */
@Command(
        name = "apply",
        mixinStandardHelpOptions = true,
        description = "Validate a policy document (YAML or JSON) and make it the named policy.")
final class PolicyApplyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Option(
            names = {"-f", "--filename"},
            required = true,
            paramLabel = "FILE",
            description = "The policy document.")
    Path file;

    @Option(
            names = "--name",
            paramLabel = "NAME",
            description = "Name of the policy (default: ${DEFAULT-VALUE}).",
            defaultValue = PolicyDocument.DEFAULT_NAME)
    String name;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ImportPolicy policy;
        try {
            policy = PolicyDocument.read(file, name);
        } catch (DocumentException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE_OR_TIMEOUT;
        }
        PolicyClient client = new PolicyClient(connection.connection());
        try {
            var written = client.apply(policy);
            out.println("policy \"" + name + "\" applied (" + written.topic() + " partition " + written.partition()
                    + " offset " + written.offset() + ")");
            out.flush();
            return ExitCodes.OK;
        } catch (KafkaException e) {
            err.println(
                    "error: could not write policy \"" + name + "\" to " + client.topicName() + ": " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE_OR_TIMEOUT;
        }
    }
}
