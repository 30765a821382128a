package dev.imagepipe.auditor.review;

import static dev.imagepipe.auditor.review.AvroRecords.digest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imagepipe.importer.policy.AllowedRegistry;
import dev.imagepipe.importer.policy.MirrorSet;
import dev.imagepipe.importer.policy.RegistryPolicy;
import dev.imagepipe.tagger.signature.ConditionStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReviewDeciderTest {

    private static final String POLICY = "cluster";
    private static final String NS = "team-a";
    private static final String QUAY = "quay.io/team/app";
    private static final String APP = digest('a');
    private static final String OTHER = digest('b');

    private final ImagePolicyView view = new ImagePolicyView(POLICY);
    private final ReviewDecider decider = new ReviewDecider(view);

    @BeforeEach
    void importApp() {
        view.putImage(new ImportedImage(APP, QUAY + "@" + APP));
        view.putTag(new TagPointer(NS, "app", "1.0", APP));
    }

    @Test
    void allowsAnImageWrittenByTheDigestOfAnImportedImage() {
        ReviewDecision decision = decide(QUAY + "@" + APP);

        assertThat(decision).isEqualTo(new ReviewDecision(true, "", Map.of()));
    }

    @Test
    void allowsADigestWhateverRepositoryIsWrittenBecauseTheDigestIdentifiesTheContent() {
        assertThat(decide("mirror.example.com/copy@" + APP).allowed()).isTrue();
    }

    @Test
    void allowsAStreamTagOfThePodsNamespace() {
        assertThat(decide("app:1.0").allowed()).isTrue();
    }

    @Test
    void resolvesAStreamNameWithoutTagAsLatest() {
        view.putTag(new TagPointer(NS, "app", "latest", APP));

        assertThat(decide("app").allowed()).isTrue();
    }

    @Test
    void deniesAStreamTagOfAnotherNamespace() {
        ReviewDecision decision = decider.decide(new ReviewRequest("team-b", List.of("app:1.0"), Map.of()));

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reason())
                .isEqualTo("image \"app:1.0\" denied (UnresolvedTag): it is neither written by digest nor a tag of an"
                        + " image stream in namespace team-b");
    }

    @Test
    void deniesARegistryTagEvenWhenItsRepositoryWasImported() {
        ReviewDecision decision = decide(QUAY + ":1.0");

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reason()).startsWith("image \"quay.io/team/app:1.0\" denied (UnresolvedTag)");
    }

    @Test
    void deniesADigestThatWasNeverImported() {
        ReviewDecision decision = decide(QUAY + "@" + OTHER);

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reason())
                .isEqualTo("image \"quay.io/team/app@" + OTHER + "\" denied (NotImported): digest " + OTHER
                        + " is not an image imported into imagepipe");
    }

    @Test
    void deniesAStreamTagWhoseImageIsNotInTheView() {
        view.putTag(new TagPointer(NS, "app", "2.0", OTHER));

        ReviewDecision decision = decide("app:2.0");

        assertThat(decision.reason())
                .isEqualTo("image \"app:2.0\" denied (NotImported): image stream tag team-a/app:2.0 points at " + OTHER
                        + ", which is not an image imported into imagepipe");
    }

    @Test
    void deniesAnInvalidReference() {
        ReviewDecision decision = decide("Not A Reference");

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reason()).startsWith("image \"Not A Reference\" denied (InvalidReference): ");
    }

    @Test
    void deniesAnImageImportedFromARegistryOutsideTheAllowList() {
        policy(registries(List.of("registry.example.com"), List.of(), List.of()), Map.of());

        ReviewDecision decision = decide("app:1.0");

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reason())
                .isEqualTo("image \"app:1.0\" denied (NotAllowed): imported from quay.io/team/app@" + APP
                        + ": registry \"quay.io\" not allowed by whitelist: \"registry.example.com:443\"");
    }

    @Test
    void allowsAnImageFromAnInsecureAllowListEntryAsOpenShiftValidatesStatusReferences() {
        policy(
                new RegistryPolicy(
                        List.of(new AllowedRegistry("quay.io", true)),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(),
                        Optional.empty(),
                        Optional.empty()),
                Map.of());

        assertThat(decide("app:1.0").allowed()).isTrue();
    }

    @Test
    void deniesAnImageImportedFromABlockedRegistry() {
        policy(registries(List.of(), List.of("quay.io/team"), List.of()), Map.of());

        ReviewDecision decision = decide(QUAY + "@" + APP);

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reason())
                .isEqualTo("image \"quay.io/team/app@" + APP + "\" denied (Blocked): imported from quay.io/team/app@"
                        + APP + ": registry quay.io is blocked");
    }

    @Test
    void allowsABlockedSourceThatAnUnblockedMirrorServesAsTheImporterDoes() {
        policy(
                registries(
                        List.of(),
                        List.of("quay.io"),
                        List.of(new MirrorSet("quay.io/team", List.of("mirror.example.com/team"), false))),
                Map.of());

        assertThat(decide(QUAY + "@" + APP).allowed()).isTrue();
    }

    @Test
    void deniesAnUnsignedImageWhereItsScopeRequiresATrustedSignature() {
        policy(RegistryPolicy.allowAll(), Map.of("quay.io/team", true));

        ReviewDecision decision = decide("app:1.0");

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reason())
                .isEqualTo("image \"app:1.0\" denied (SignatureRequired): imported from quay.io/team/app@" + APP
                        + ": signatureRequirements scope \"quay.io/team\" requires a Trusted signature and the image"
                        + " has none");
    }

    @Test
    void deniesAnImageWhoseSignaturesAreUnverifiedOrUntrusted() {
        policy(RegistryPolicy.allowAll(), Map.of("quay.io", true));
        view.putSignature(APP + "@sig-1", ConditionStatus.UNKNOWN);
        view.putSignature(APP + "@sig-2", ConditionStatus.FALSE);

        assertThat(decide("app:1.0").allowed()).isFalse();
    }

    @Test
    void allowsARequiredSignatureWhenOneSignatureIsTrusted() {
        policy(RegistryPolicy.allowAll(), Map.of("quay.io", true));
        view.putSignature(APP + "@sig-1", ConditionStatus.FALSE);
        view.putSignature(APP + "@sig-2", ConditionStatus.TRUE);

        assertThat(decide("app:1.0").allowed()).isTrue();
    }

    @Test
    void letsAMoreSpecificScopeOptOutOfARegistryWideRequirement() {
        policy(RegistryPolicy.allowAll(), Map.of("quay.io", true, "quay.io/team/app", false));

        assertThat(decide("app:1.0").allowed()).isTrue();
    }

    @Test
    void requiresNothingOfImagesOutsideEveryScope() {
        policy(RegistryPolicy.allowAll(), Map.of("registry.example.com", true));

        assertThat(decide("app:1.0").allowed()).isTrue();
    }

    @Test
    void deniesEveryImageWhileThePolicyCannotBeApplied() {
        policy(registries(List.of(), List.of("*.bad*"), List.of()), Map.of());

        ReviewDecision decision = decide("app:1.0");

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reason())
                .isEqualTo("image \"app:1.0\" denied (InvalidPolicy): policy \"cluster\" cannot be applied: invalid"
                        + " registry scope \"*.bad*\"");
    }

    @Test
    void appliesTheImporterDefaultAgainWhenThePolicyIsRemoved() {
        policy(registries(List.of("registry.example.com"), List.of(), List.of()), Map.of());
        view.removePolicy();

        assertThat(decide("app:1.0").allowed()).isTrue();
    }

    @Test
    void namesEveryOffendingImageAndOnlyThoseInTheReason() {
        ReviewDecision decision = decider.decide(new ReviewRequest(
                NS, List.of("app:1.0", "missing:1", QUAY + "@" + OTHER, "app:1.0", "missing:1"), Map.of()));

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reason().split("; "))
                .containsExactly(
                        "image \"missing:1\" denied (UnresolvedTag): it is neither written by digest nor a tag of an"
                                + " image stream in namespace team-a",
                        "image \"quay.io/team/app@" + OTHER + "\" denied (NotImported): digest " + OTHER
                                + " is not an image imported into imagepipe");
    }

    @Test
    void countsTheViolationsBeyondTheListedOnes() {
        List<String> images = IntStream.range(0, ReviewDecider.MAX_LISTED_VIOLATIONS + 2)
                .mapToObj(i -> "missing-" + i + ":1")
                .toList();

        ReviewDecision decision = decider.decide(new ReviewRequest(NS, images, Map.of()));

        assertThat(decision.reason().split("; "))
                .hasSize(ReviewDecider.MAX_LISTED_VIOLATIONS + 1)
                .endsWith("and 2 more");
    }

    @Test
    void allowsAPodWithoutImages() {
        assertThat(decider.decide(new ReviewRequest(NS, List.of(), Map.of())).allowed())
                .isTrue();
    }

    @Test
    void breakGlassAdmitsADeniedPodAndRecordsWhatItOverrode() {
        ReviewDecision decision = decider.decide(
                new ReviewRequest(NS, List.of("missing:1"), Map.of("alpha.image-policy.k8s.io/break-glass", "true")));

        assertThat(decision.allowed()).isTrue();
        assertThat(decision.reason()).isEmpty();
        assertThat(decision.auditAnnotations())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        ReviewDecider.AUDIT_BREAK_GLASS,
                        "alpha.image-policy.k8s.io/break-glass",
                        ReviewDecider.AUDIT_OVERRIDDEN,
                        "image \"missing:1\" denied (UnresolvedTag): it is neither written by digest nor a tag of an"
                                + " image stream in namespace team-a"));
    }

    @Test
    void breakGlassOnAPodThePolicyAllowsIsStillAudited() {
        ReviewDecision decision = decider.decide(
                new ReviewRequest(NS, List.of("app:1.0"), Map.of("mycluster.image-policy.k8s.io/break-glass", "TRUE")));

        assertThat(decision.allowed()).isTrue();
        assertThat(decision.auditAnnotations())
                .isEqualTo(Map.of(ReviewDecider.AUDIT_BREAK_GLASS, "mycluster.image-policy.k8s.io/break-glass"));
    }

    @Test
    void breakGlassSetToAnythingButTrueLeavesThePolicyInForce() {
        ReviewDecision decision = decider.decide(new ReviewRequest(
                NS,
                List.of("missing:1"),
                Map.of(
                        "alpha.image-policy.k8s.io/break-glass", "false",
                        "alpha.image-policy.k8s.io/ticket-1234", "true")));

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.auditAnnotations()).isEmpty();
    }

    private ReviewDecision decide(String image) {
        return decider.decide(new ReviewRequest(NS, List.of(image), Map.of()));
    }

    private void policy(RegistryPolicy registry, Map<String, Boolean> signatureScopes) {
        view.putPolicy(ReviewPolicy.of(POLICY, registry, signatureScopes));
    }

    private static RegistryPolicy registries(List<String> allowed, List<String> blocked, List<MirrorSet> mirrors) {
        return new RegistryPolicy(
                allowed.stream()
                        .map(domain -> new AllowedRegistry(domain, false))
                        .toList(),
                blocked,
                List.of(),
                List.of(),
                mirrors,
                Optional.empty(),
                Optional.empty());
    }
}
