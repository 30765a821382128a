package dev.imagepipe.importer.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imagepipe.importer.reference.ImageReference;
import dev.imagepipe.importer.registry.FailureReason;
import dev.imagepipe.importer.registry.RegistryException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImportPolicyGateTest {

    private static final String DIGEST = "sha256:3c87c572822935df60f0f5d3665bd376841a7fcfeb806b5f212de6a00e9a7b25";

    private static RegistryPolicy policy(
            List<AllowedRegistry> allowed, List<String> blocked, List<String> insecure, List<MirrorSet> mirrors) {
        return new RegistryPolicy(allowed, blocked, insecure, List.of(), mirrors, Optional.empty(), Optional.empty());
    }

    private static GateDecision evaluate(RegistryPolicy policy, String reference, boolean insecure) {
        return new ImportPolicyGate(policy).evaluate(ImageReference.parse(reference), insecure);
    }

    @Test
    void admitsAnyRegistryUnderAnEmptyPolicy() {
        assertThat(evaluate(RegistryPolicy.allowAll(), "busybox:1", false))
                .isEqualTo(new GateDecision.Admitted(
                        List.of(new PullSource(ImageReference.parse("busybox:1"), false, false))));
    }

    @Test
    void rejectsRegistryMissingFromTheAllowList() {
        RegistryPolicy policy = policy(List.of(new AllowedRegistry("quay.io", false)), List.of(), List.of(), List.of());

        assertThat(evaluate(policy, "busybox", false))
                .isEqualTo(new GateDecision.Rejected(
                        FailureReason.NOT_ALLOWED,
                        "importing images from registry \"docker.io:443\" is forbidden: registry \"docker.io:443\" not "
                                + "allowed by whitelist: \"quay.io:443\""));
    }

    @Test
    void insecureRequestIsMatchedAgainstPort80() {
        RegistryPolicy policy = policy(
                List.of(new AllowedRegistry("secure.example", false), new AllowedRegistry("plain.example", true)),
                List.of(),
                List.of(),
                List.of());

        assertThat(evaluate(policy, "plain.example/app", true)).isInstanceOf(GateDecision.Admitted.class);
        assertThat(evaluate(policy, "secure.example/app", false)).isInstanceOf(GateDecision.Admitted.class);
        assertThat(evaluate(policy, "secure.example/app", true))
                .isInstanceOfSatisfying(GateDecision.Rejected.class, r -> assertThat(r.message())
                        .startsWith("importing images from registry \"secure.example:80\" is forbidden"));
    }

    @Test
    void alwaysAdmitsTheInternalRegistry() {
        RegistryPolicy policy = new RegistryPolicy(
                List.of(new AllowedRegistry("quay.io", false)),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                Optional.of("image-registry.openshift-image-registry.svc:5000"),
                Optional.empty());

        assertThat(evaluate(policy, "image-registry.openshift-image-registry.svc:5000/ns/app:1", false))
                .isInstanceOf(GateDecision.Admitted.class);
    }

    @Test
    void rejectsBlockedRegistryWithOpenShiftsMessage() {
        RegistryPolicy policy = policy(List.of(), List.of("quay.io/bad"), List.of(), List.of());

        GateDecision decision = evaluate(policy, "quay.io/bad/app:1", false);

        assertThat(decision)
                .isEqualTo(new GateDecision.Rejected(FailureReason.BLOCKED, "forbidden: registry quay.io blocked"));
        RegistryException failure = ((GateDecision.Rejected) decision).toException();
        assertThat(failure.reason()).isEqualTo(FailureReason.BLOCKED);
        assertThat(failure.getMessage()).isEqualTo("forbidden: registry quay.io blocked");
        assertThat(failure.isTransient()).isFalse();
    }

    @Test
    void blockedDockerHubNamesTheDefaultedRegistry() {
        RegistryPolicy policy = policy(List.of(), List.of("docker.io"), List.of(), List.of());

        assertThat(evaluate(policy, "busybox", false))
                .isEqualTo(new GateDecision.Rejected(FailureReason.BLOCKED, "forbidden: registry docker.io blocked"));
    }

    @Test
    void notAllowedIsReportedBeforeBlocked() {
        RegistryPolicy policy =
                policy(List.of(new AllowedRegistry("quay.io", false)), List.of("docker.io"), List.of(), List.of());

        assertThat(evaluate(policy, "busybox", false))
                .isInstanceOfSatisfying(
                        GateDecision.Rejected.class, r -> assertThat(r.reason()).isEqualTo(FailureReason.NOT_ALLOWED));
    }

    @Test
    void admitsBlockedSourceThroughItsMirror() {
        RegistryPolicy policy = policy(
                List.of(),
                List.of("quay.io"),
                List.of(),
                List.of(new MirrorSet("quay.io", List.of("mirror.example.com"), false)));

        assertThat(evaluate(policy, "quay.io/openshift/test@" + DIGEST, false))
                .isEqualTo(new GateDecision.Admitted(List.of(new PullSource(
                        ImageReference.parse("mirror.example.com/openshift/test@" + DIGEST), true, false))));
    }

    @Test
    void blockedSourceWithDigestOnlyMirrorRejectsTagReferences() {
        RegistryPolicy policy = policy(
                List.of(),
                List.of("quay.io"),
                List.of(),
                List.of(new MirrorSet("quay.io", List.of("mirror.example.com"), false)));

        assertThat(evaluate(policy, "quay.io/openshift/test:1", false))
                .isInstanceOfSatisfying(
                        GateDecision.Rejected.class, r -> assertThat(r.reason()).isEqualTo(FailureReason.BLOCKED));
    }

    @Test
    void insecureScopeMakesTheSourceInsecure() {
        RegistryPolicy policy = policy(List.of(), List.of(), List.of("*.lab"), List.of());

        assertThat(evaluate(policy, "registry.lab/app:1", false))
                .isEqualTo(new GateDecision.Admitted(
                        List.of(new PullSource(ImageReference.parse("registry.lab/app:1"), false, true))));
    }

    @Test
    void rejectsRegistryOnlyReferenceAsInvalid() {
        assertThat(evaluate(RegistryPolicy.allowAll(), "quay.io", false))
                .isInstanceOfSatisfying(GateDecision.Rejected.class, r -> assertThat(r.reason())
                        .isEqualTo(FailureReason.INVALID_REFERENCE));
    }
}
