package dev.imagepipe.cli;

import dev.imagepipe.cli.document.DocumentException;
import dev.imagepipe.cli.imports.ImportDocument;
import dev.imagepipe.cli.imports.ImportOptions;
import dev.imagepipe.cli.imports.ImportRequests;
import dev.imagepipe.cli.imports.ImportTarget;
import dev.imagepipe.cli.imports.ResultVerdict;
import dev.imagepipe.cli.imports.Submission;
import dev.imagepipe.cli.kafka.ImportClient;
import dev.imagepipe.cli.output.OpenShiftDocuments;
import dev.imagepipe.cli.output.OutputFormat;
import dev.imagepipe.cli.output.Progress;
import dev.imagepipe.cli.output.ResultTable;
import dev.imagepipe.schemas.avro.ImageStreamImport;
import dev.imagepipe.schemas.avro.ImageStreamImportRequest;
import dev.imagepipe.schemas.avro.ImageStreamImportSpec;
import dev.imagepipe.schemas.avro.ImportMode;
import dev.imagepipe.schemas.avro.ReferencePolicyType;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code imagepipe import}: submits an ImageStreamImport request built from flags or read from a document, and with
 * {@code --wait} prints its result. Exit status: 0 submitted (with {@code --wait}: every image imported), 1 some image
 * failed, 2 bad input or no result within {@code --timeout}.
 */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = {
            "Import an image (or with --all a whole repository) into an image stream, or submit an ImageStreamImport"
                    + " document with -f.",
            "Exit status: 0 ok, 1 an image failed to import, 2 bad input or timed out."
        })
final class ImportCommand implements Callable<Integer> {

    /** As long as the API's synchronous import waits: long enough for a slow registry, short enough for a terminal. */
    static final String DEFAULT_TIMEOUT = "2m";

    /** Flags that describe the request; with {@code -f} the document describes it instead. */
    private static final List<String> REQUEST_FLAGS =
            List.of("--to", "--all", "--mode", "--insecure", "--scheduled", "--include-manifest", "--reference-policy");

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "REF",
            description = "Image pull spec, e.g. quay.io/org/app:1.0 (a repository without tag for --all).")
    String from;

    @Option(names = "--to", paramLabel = "NS/STREAM[:TAG]", description = "The image stream, and tag, to import into.")
    String to;

    @Option(
            names = {"-f", "--filename"},
            paramLabel = "FILE",
            description = "An ImageStreamImport document (YAML or JSON) as it would be POSTed to OpenShift.")
    Path file;

    @Option(
            names = {"-n", "--namespace"},
            paramLabel = "NS",
            description = "Namespace for a -f document without metadata.namespace.")
    String namespace;

    @Option(names = "--all", description = "Import the repository's tags (spec.repository) instead of one image.")
    boolean all;

    @Option(names = "--mode", paramLabel = "Legacy|PreserveOriginal", description = "How manifest lists are imported.")
    ImportMode mode;

    @Option(names = "--insecure", description = "Allow plain HTTP or unverified TLS for this import.")
    boolean insecure;

    @Option(names = "--scheduled", description = "Re-import periodically to keep the tag up to date.")
    boolean scheduled;

    @Option(names = "--include-manifest", description = "Return raw manifests and configs in the result.")
    boolean includeManifest;

    @Option(
            names = "--reference-policy",
            paramLabel = "Source|Local",
            description = "How pull specs of the imported tag resolve (default: ${DEFAULT-VALUE}).",
            defaultValue = "Source")
    ReferencePolicyType referencePolicy;

    @Option(names = "--dry-run", description = "Fetch and report, but change no image stream (spec.import false).")
    boolean dryRun;

    @Option(names = "--wait", description = "Wait for the result and print it.")
    boolean await;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            description = "How long --wait waits, e.g. 90s, 2m (default: ${DEFAULT-VALUE}).",
            defaultValue = DEFAULT_TIMEOUT,
            converter = DurationConverter.class)
    Duration timeout;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "table|json|yaml",
            description = "Format of the result with --wait (default: ${DEFAULT-VALUE}).",
            defaultValue = "table")
    OutputFormat output;

    /** The clock that stamps requests; a field so tests can fix it. */
    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        ImageStreamImportRequest request;
        try {
            request = request(Submission.now(clock));
        } catch (DocumentException | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE_OR_TIMEOUT;
        }
        if (!ImportRequests.tagsSomething(request)) {
            // A2.2: a digest or tag-less reference with no target tag imports an image no tag points to.
            err.println("note: nothing names a tag to import into (the reference has no tag and --to none), so the"
                    + " image is imported but not tagged into " + ImportRequests.key(request));
            err.flush();
        }
        String key = ImportRequests.key(request);
        try (ImportClient client = new ImportClient(connection.connection())) {
            return await ? submitAndWait(client, key, request) : submit(client, key, request);
        } catch (KafkaException e) {
            err.println("error: could not submit the import of " + key + ": " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE_OR_TIMEOUT;
        }
    }

    private ImageStreamImportRequest request(Submission submission) {
        if (file != null) {
            List<String> conflicting = REQUEST_FLAGS.stream()
                    .filter(flag -> spec.commandLine().getParseResult().hasMatchedOption(flag))
                    .toList();
            if (from != null || !conflicting.isEmpty()) {
                throw new ParameterException(
                        spec.commandLine(),
                        "-f takes the whole request from the file; drop " + (from != null ? "REF " : "")
                                + String.join(" ", conflicting));
            }
            ImageStreamImportRequest request = ImportDocument.read(file, Optional.ofNullable(namespace), submission);
            return dryRun
                    ? ImageStreamImportRequest.newBuilder(request)
                            .setSpec(ImageStreamImportSpec.newBuilder(request.getSpec())
                                    .setImport$(false)
                                    .build())
                            .build()
                    : request;
        }
        if (from == null || to == null) {
            throw new ParameterException(spec.commandLine(), "give REF and --to NS/STREAM[:TAG], or -f FILE");
        }
        if (namespace != null) {
            throw new ParameterException(spec.commandLine(), "--namespace goes with -f; --to names the namespace");
        }
        ImportOptions options = new ImportOptions(
                from,
                ImportTarget.parse(to),
                all,
                Optional.ofNullable(mode),
                insecure,
                scheduled,
                includeManifest,
                referencePolicy,
                dryRun);
        return ImportRequests.fromOptions(options, submission);
    }

    private Integer submit(ImportClient client, String key, ImageStreamImportRequest request)
            throws InterruptedException {
        var written = client.submit(key, request);
        PrintWriter out = spec.commandLine().getOut();
        out.println(
                "import of " + key + " submitted (uid " + request.getMetadata().getUid() + ", " + written.topic()
                        + " partition " + written.partition() + " offset " + written.offset() + ")");
        out.flush();
        return ExitCodes.OK;
    }

    private Integer submitAndWait(ImportClient client, String key, ImageStreamImportRequest request)
            throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Progress progress = new Progress(err, Progress.stderrIsTerminal(), "waiting for the import of " + key);
        Optional<ImageStreamImport> result;
        try {
            result = client.submitAndWait(key, request, timeout, progress::tick);
        } finally {
            progress.clear();
        }
        if (result.isEmpty()) {
            err.println("error: timed out after " + timeout.toSeconds() + "s waiting for the result of " + key
                    + " (uid " + request.getMetadata().getUid()
                    + "); the request was submitted and may still complete");
            err.flush();
            return ExitCodes.USAGE_OR_TIMEOUT;
        }
        ImageStreamImport answer = result.get();
        out.print(
                output == OutputFormat.table
                        ? ResultTable.render(answer)
                        : output.render(OpenShiftDocuments.imageStreamImport(answer)));
        out.flush();
        return ResultVerdict.succeeded(answer) ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
