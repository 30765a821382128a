package dev.imagepipe.tagger.signature;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Condition bookkeeping: turns a verdict reached at a probe time into the signature's new conditions, given its previous
 * ones. {@code Trusted} and {@code ForImage} are always written together (A14.6 requires both or neither); every
 * written condition gets {@code lastProbeTime = probeTime}, while {@code lastTransitionTime} moves only when the
 * condition's status changes (a new reason or message alone is not a transition), so re-verifying an unchanged
 * signature does not look like news. Conditions of other types are kept as they were.
 */
public final class SignatureConditions {

    private SignatureConditions() {}

    /**
     * The conditions after {@code verdict} was reached at {@code probeTime}: {@code Trusted}, then {@code ForImage},
     * then the other previous conditions in their order.
     */
    public static List<SignatureCondition> apply(
            List<SignatureCondition> previous, SignatureVerdict verdict, Instant probeTime) {
        Map<ConditionType, ConditionStatus> observed =
                Map.of(ConditionType.TRUSTED, verdict.trusted(), ConditionType.FOR_IMAGE, verdict.forImage());
        List<SignatureCondition> next = new ArrayList<>();
        for (ConditionType type : List.of(ConditionType.TRUSTED, ConditionType.FOR_IMAGE)) {
            ConditionStatus status = observed.get(type);
            Instant transition = find(previous, type)
                    .filter(old -> old.status() == status)
                    .map(SignatureCondition::lastTransitionTime)
                    .orElse(probeTime);
            next.add(new SignatureCondition(
                    type, status, probeTime, transition, verdict.reason().wireName(), verdict.message()));
        }
        previous.stream().filter(c -> !observed.containsKey(c.type())).forEach(next::add);
        return List.copyOf(next);
    }

    private static Optional<SignatureCondition> find(List<SignatureCondition> conditions, ConditionType type) {
        return conditions.stream().filter(c -> c.type() == type).findFirst();
    }
}
