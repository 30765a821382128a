package dev.imagepipe.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.imagepipe.cli.kafka.KafkaConnection;
import dev.imagepipe.cli.kafka.TopicTable;
import dev.imagepipe.cli.output.CatalogTables;
import dev.imagepipe.cli.output.OpenShiftDocuments;
import dev.imagepipe.cli.output.OutputFormat;
import dev.imagepipe.schemas.topic.Topic;
import java.io.PrintWriter;
import java.util.Collection;
import java.util.List;
import java.util.SortedMap;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code imagepipe get streams|tags|images|signatures [NAME] [-o table|json|yaml]}: the current content of a compacted
 * topic the tagger and importer keep, read to its end (read_committed, latest value per key, deleted keys left out).
 */
@Command(
        name = "get",
        mixinStandardHelpOptions = true,
        description = "Show image streams, tags, images or signatures as the pipeline currently holds them.",
        footer = {
            "",
            "NAME selects by key, or everything under it:",
            "  streams     ns/stream, or ns for a namespace's streams",
            "  tags        ns/stream:tag, ns/stream for a stream's tags, or ns",
            "  images      the image digest",
            "  signatures  digest@signature, or the digest for an image's signatures"
        })
final class GetCommand implements Callable<Integer> {

    /** What {@code get} can show, each with the separators after which a key is "under" a name. */
    enum Resource {
        streams("/"),
        tags(":", "/"),
        images(),
        signatures("@");

        private final List<String> childSeparators;

        Resource(String... childSeparators) {
            this.childSeparators = List.of(childSeparators);
        }

        /** Keys equal to {@code name} or under it; every key when there is no name. */
        Predicate<String> select(String name) {
            if (name == null) {
                return key -> true;
            }
            return key -> key.equals(name) || childSeparators.stream().anyMatch(sep -> key.startsWith(name + sep));
        }
    }

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Parameters(index = "0", paramLabel = "streams|tags|images|signatures", description = "What to show.")
    Resource resource;

    @Parameters(
            index = "1",
            arity = "0..1",
            paramLabel = "NAME",
            description = "Show only this one, or those under it.")
    String name;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "table|json|yaml",
            description = "Output format (default: ${DEFAULT-VALUE}); json and yaml print OpenShift's documents.",
            defaultValue = "table")
    OutputFormat output;

    @Override
    public Integer call() {
        KafkaConnection kafka = connection.connection();
        return switch (resource) {
            case streams ->
                show(kafka, kafka.topics().streams(), OpenShiftDocuments::imageStream, CatalogTables::streams);
            case tags -> show(kafka, kafka.topics().tags(), OpenShiftDocuments::imageStreamTag, CatalogTables::tags);
            case images -> show(kafka, kafka.topics().images(), OpenShiftDocuments::image, CatalogTables::images);
            case signatures ->
                show(kafka, kafka.topics().signatures(), OpenShiftDocuments::imageSignature, CatalogTables::signatures);
        };
    }

    private <V> int show(
            KafkaConnection kafka,
            Topic<String, V> topic,
            Function<V, ObjectNode> document,
            Function<Collection<V>, String> table) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SortedMap<String, V> current;
        try {
            current = TopicTable.read(kafka, topic, resource.select(name));
        } catch (KafkaException e) {
            err.println("error: could not read " + topic.name() + ": " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE_OR_TIMEOUT;
        }
        if (current.isEmpty() && name != null) {
            err.println("error: no " + resource + " named \"" + name + "\" in " + topic.name());
            err.flush();
            return ExitCodes.FAILED;
        }
        if (output == OutputFormat.table) {
            if (current.isEmpty()) {
                err.println("No " + resource + " found in " + topic.name() + ".");
            } else {
                out.print(table.apply(current.values()));
            }
        } else if (current.size() == 1 && current.containsKey(name)) {
            out.print(output.render(document.apply(current.get(name))));
        } else {
            out.print(output.render(OpenShiftDocuments.list(
                    current.values().stream().map(document).toList())));
        }
        out.flush();
        err.flush();
        return ExitCodes.OK;
    }
}
