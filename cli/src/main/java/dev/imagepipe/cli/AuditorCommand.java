package dev.imagepipe.cli;

import dev.imagepipe.auditor.review.ReviewConfig;
import dev.imagepipe.auditor.review.ReviewService;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code imagepipe auditor}: the ImageReview admission webhook, until SIGTERM or Ctrl-C. */
@Command(
        name = "auditor",
        mixinStandardHelpOptions = true,
        description = "Serve the ImageReview admission webhook (imagepolicy.k8s.io/v1alpha1) from the pipeline's"
                + " topics: POST /apis/imagepolicy.k8s.io/v1alpha1/imagereviews, /healthz, /readyz, /metrics."
                + " Reviews are answered 503 until the view has read the topics.")
final class AuditorCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Option(
            names = "--port",
            paramLabel = "PORT",
            description = "HTTP port on every address; 0 picks a free one; env IMAGEPIPE_AUDITOR_PORT"
                    + " (default: ${DEFAULT-VALUE}).",
            defaultValue = "${env:IMAGEPIPE_AUDITOR_PORT:-" + ReviewConfig.DEFAULT_PORT + "}")
    int port;

    @Option(
            names = "--policy",
            paramLabel = "NAME",
            description = "Name of the import policy to judge images by; env IMAGEPIPE_POLICY_NAME"
                    + " (default: ${DEFAULT-VALUE}).",
            defaultValue = "${env:IMAGEPIPE_POLICY_NAME:-" + ReviewConfig.DEFAULT_POLICY_NAME + "}")
    String policyName;

    ReviewConfig config() {
        return new ReviewConfig(
                connection.bootstrapServers, connection.schemaRegistryUrl, connection.topicPrefix, port, policyName);
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ReviewConfig config;
        ReviewService service;
        try {
            config = config();
            service = ReviewService.start(config);
        } catch (IllegalArgumentException | UncheckedIOException | KafkaException e) {
            err.println("imagepipe auditor: " + e.getMessage());
            return ExitCodes.USAGE_OR_TIMEOUT;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            service.close();
                            stopped.countDown();
                        },
                        "imagepipe-auditor-shutdown"));
        out.println("imagepipe auditor: serving ImageReviews on port " + service.port() + " under policy "
                + config.policyName() + " (topics " + config.topicPrefix() + "*); /readyz turns 200 once the view"
                + " has caught up");
        out.flush();
        stopped.await();
        return ExitCodes.OK;
    }
}
