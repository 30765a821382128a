package dev.imagepipe.cli;

import dev.imagepipe.cli.imports.ImportTarget;
import dev.imagepipe.cli.imports.TagDeletions;
import dev.imagepipe.cli.kafka.ImportClient;
import dev.imagepipe.schemas.avro.ImageStreamImportRequest;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code imagepipe tag delete ns/stream:tag...}: asks for tags to be deleted, one request per stream on {@code
 * import.requests}; the tagger tombstones each tag on {@code tags} and writes a Deleted event to {@code tag.events}.
 */
@Command(
        name = "delete",
        mixinStandardHelpOptions = true,
        description = "Delete image stream tags: their history ends with a Deleted event and their view is removed.")
final class TagDeleteCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Parameters(arity = "1..*", paramLabel = "NS/STREAM:TAG", description = "The tags to delete.")
    List<String> tags;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<String, Set<String>> byStream;
        try {
            List<ImportTarget> targets = new ArrayList<>();
            for (String tag : tags) {
                targets.add(ImportTarget.parse(tag));
            }
            byStream = TagDeletions.byStream(targets);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE_OR_TIMEOUT;
        }
        try (ImportClient client = new ImportClient(connection.connection())) {
            for (var stream : byStream.entrySet()) {
                ImageStreamImportRequest request = TagDeletions.request(
                        stream.getKey(), stream.getValue(), UUID.randomUUID().toString(), Instant.now());
                client.submit(stream.getKey(), request);
                out.println("deletion of " + stream.getKey() + ":" + String.join(",", stream.getValue())
                        + " requested (request " + request.getMetadata().getUid() + ")");
            }
        } catch (KafkaException e) {
            err.println("error: could not submit the deletion: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE_OR_TIMEOUT;
        } finally {
            out.flush();
        }
        return ExitCodes.OK;
    }
}
