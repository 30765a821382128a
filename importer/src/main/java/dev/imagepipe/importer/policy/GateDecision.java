package dev.imagepipe.importer.policy;

import dev.imagepipe.importer.registry.FailureReason;
import dev.imagepipe.importer.registry.RegistryException;
import java.util.List;
import java.util.Objects;

/** What {@link ImportPolicyGate} decided for one reference: where to fetch it from, or why it may not be imported. */
public sealed interface GateDecision {

    /**
     * The reference may be imported; try {@code sources} in order. Record the image under the requested reference,
     * whichever source served it.
     */
    record Admitted(List<PullSource> sources) implements GateDecision {
        public Admitted {
            sources = List.copyOf(sources);
            if (sources.isEmpty()) {
                throw new IllegalArgumentException("an admitted reference needs at least one pull source");
            }
        }
    }

    /**
     * The reference may not be imported: {@link FailureReason#NOT_ALLOWED}, {@link FailureReason#BLOCKED} or
     * {@link FailureReason#INVALID_REFERENCE}, with the message users see in status.
     */
    record Rejected(FailureReason reason, String message) implements GateDecision {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }

        /** The rejection as the registry client's typed, permanent failure. */
        public RegistryException toException() {
            return new RegistryException(reason, message);
        }
    }
}
