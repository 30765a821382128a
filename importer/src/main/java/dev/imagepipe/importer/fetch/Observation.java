package dev.imagepipe.importer.fetch;

import dev.imagepipe.importer.policy.PullSource;
import dev.imagepipe.importer.registry.FailureReason;
import java.util.Objects;

/**
 * What happened at one pull source of a fetch, in the order they were tried; the importer turns these into registry
 * observations ("served via which mirror", "which mirror failed and why").
 *
 * @param candidate the reference fetched at this source, e.g. {@code mirror.local/team/app@sha256:...}
 * @param mirror whether the source is a mirror rather than the requested registry
 * @param outcome the digest served, or the failure
 */
public record Observation(String candidate, boolean mirror, Outcome outcome) {

    public Observation {
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(outcome, "outcome");
    }

    static Observation of(PullSource source, Outcome outcome) {
        return new Observation(source.candidate().exact(), source.mirror(), outcome);
    }

    /** The result at one source. */
    public sealed interface Outcome {}

    /** The source served the manifest with this digest (the list digest for a list). */
    public record Served(String digest) implements Outcome {
        public Served {
            Objects.requireNonNull(digest, "digest");
        }
    }

    /** The source failed; {@code message} is the registry client's, naming the candidate. */
    public record Failure(FailureReason reason, String message) implements Outcome {
        public Failure {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }
    }

    /** Whether this source served the image. */
    public boolean served() {
        return outcome instanceof Served;
    }
}
