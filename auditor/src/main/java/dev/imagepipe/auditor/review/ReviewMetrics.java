package dev.imagepipe.auditor.review;

import dev.imagepipe.importer.metrics.Counter;
import dev.imagepipe.importer.metrics.Histogram;
import dev.imagepipe.importer.metrics.MetricsRegistry;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * The webhook's metrics, registered in a {@link MetricsRegistry}: reviews by decision, refused requests by reason,
 * review latency, and the view's size, readiness and feed. Every known label value starts at zero so {@code rate()}
 * has a series from the first scrape. Thread-safe.
 */
public final class ReviewMetrics {

    public static final String REVIEWS = "imagepipe_auditor_reviews_total";
    public static final String REFUSED = "imagepipe_auditor_review_refusals_total";
    public static final String REVIEW_SECONDS = "imagepipe_auditor_review_seconds";
    public static final String VIEW_RECORDS = "imagepipe_auditor_view_records_total";
    public static final String VIEW_SKIPPED = "imagepipe_auditor_view_skipped_total";
    public static final String VIEW_IMAGES = "imagepipe_auditor_view_images";
    public static final String VIEW_SIGNED_IMAGES = "imagepipe_auditor_view_signed_images";
    public static final String VIEW_TAGS = "imagepipe_auditor_view_tags";
    public static final String VIEW_READY = "imagepipe_auditor_view_ready";

    /**
     * Review latency in seconds: a decision is a few hash lookups (microseconds), so the buckets start at 100 µs; the
     * top ones show requests that waited on a slow body or hit the handler timeout.
     */
    static final double[] REVIEW_SECONDS_BUCKETS = {.0001, .0005, .001, .005, .01, .05, .1, .5, 1, 2.5};

    /** Decisions: allowed by policy, denied, or allowed only by break-glass. */
    enum Decision {
        ALLOWED("allowed"),
        DENIED("denied"),
        BREAK_GLASS("break_glass");

        final String label;

        Decision(String label) {
            this.label = label;
        }
    }

    /** Why a request got no decision. */
    enum Refusal {
        NOT_READY("not_ready"),
        BAD_REQUEST("bad_request"),
        TOO_LARGE("too_large"),
        TIMEOUT("timeout"),
        FAILED("failed");

        final String label;

        Refusal(String label) {
            this.label = label;
        }
    }

    private final Counter reviews;
    private final Counter refusals;
    private final Histogram reviewSeconds;
    private final Counter viewRecords;
    private final Counter viewSkipped;

    /**
     * @param view the view whose sizes are reported
     * @param ready whether the view has caught up
     * @param topics the topics the view is fed from, the label values of {@link #VIEW_RECORDS}
     */
    public ReviewMetrics(MetricsRegistry registry, ImagePolicyView view, BooleanSupplier ready, String... topics) {
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(ready, "ready");
        reviews = registry.counter(REVIEWS, "ImageReviews decided, by decision.", "decision");
        refusals = registry.counter(REFUSED, "ImageReview requests answered with an error, by reason.", "reason");
        reviewSeconds = registry.histogram(
                REVIEW_SECONDS, "Time to answer one ImageReview request, in seconds.", REVIEW_SECONDS_BUCKETS);
        viewRecords = registry.counter(VIEW_RECORDS, "Records applied to the view, by topic.", "topic");
        viewSkipped = registry.counter(VIEW_SKIPPED, "Records the view could not read or apply, and skipped.");
        registry.gauge(VIEW_IMAGES, "Imported images in the view.", view::imageCount);
        registry.gauge(VIEW_SIGNED_IMAGES, "Images with at least one signature in the view.", view::signedImageCount);
        registry.gauge(VIEW_TAGS, "Image stream tags in the view.", view::tagCount);
        registry.gauge(
                VIEW_READY,
                "1 once the view has caught up with the topics, else 0.",
                () -> ready.getAsBoolean() ? 1 : 0);
        for (Decision decision : Decision.values()) {
            reviews.labels(decision.label);
        }
        for (Refusal refusal : Refusal.values()) {
            refusals.labels(refusal.label);
        }
        for (String topic : topics) {
            viewRecords.labels(topic);
        }
    }

    void reviewed(ReviewDecision decision, Duration took) {
        Decision outcome = !decision.allowed()
                ? Decision.DENIED
                : decision.auditAnnotations().containsKey(ReviewDecider.AUDIT_BREAK_GLASS)
                        ? Decision.BREAK_GLASS
                        : Decision.ALLOWED;
        reviews.labels(outcome.label).inc();
        reviewSeconds.observe(took);
    }

    void refused(Refusal refusal, Duration took) {
        refusals.labels(refusal.label).inc();
        reviewSeconds.observe(took);
    }

    void applied(String topic) {
        viewRecords.labels(topic).inc();
    }

    void skipped() {
        viewSkipped.inc();
    }
}
