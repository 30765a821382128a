package dev.imagepipe.cli;

import dev.imagepipe.cli.kafka.PolicyClient;
import dev.imagepipe.cli.output.OpenShiftDocuments;
import dev.imagepipe.cli.output.OutputFormat;
import dev.imagepipe.cli.policy.PolicyDocument;
import dev.imagepipe.schemas.avro.ImportPolicy;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code imagepipe policy get [NAME]}: the current policy, as a document {@code policy apply} takes back. */
@Command(
        name = "get",
        mixinStandardHelpOptions = true,
        description = "Print the current policy as YAML or JSON; the output can be edited and applied again.")
final class PolicyGetCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "NAME",
            description = "Name of the policy (default: ${DEFAULT-VALUE}).",
            defaultValue = PolicyDocument.DEFAULT_NAME)
    String name;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "yaml|json",
            description = "Output format (default: ${DEFAULT-VALUE}).",
            defaultValue = "yaml")
    OutputFormat output;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (output == OutputFormat.table) {
            err.println("error: a policy prints as yaml or json");
            err.flush();
            return ExitCodes.USAGE_OR_TIMEOUT;
        }
        PolicyClient client = new PolicyClient(connection.connection());
        Map<String, ImportPolicy> policies;
        try {
            policies = client.current();
        } catch (KafkaException e) {
            err.println("error: could not read " + client.topicName() + ": " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE_OR_TIMEOUT;
        }
        ImportPolicy policy = policies.get(name);
        if (policy == null) {
            err.println("error: no policy \"" + name + "\" in " + client.topicName()
                    + (policies.isEmpty() ? "" : " (there are: " + String.join(", ", policies.keySet()) + ")"));
            err.flush();
            return ExitCodes.FAILED;
        }
        out.print(output.render(OpenShiftDocuments.policy(policy)));
        out.flush();
        return ExitCodes.OK;
    }
}
