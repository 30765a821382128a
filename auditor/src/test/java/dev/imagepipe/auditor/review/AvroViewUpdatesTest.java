package dev.imagepipe.auditor.review;

import static dev.imagepipe.auditor.review.AvroRecords.digest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imagepipe.importer.reference.ImageReference;
import dev.imagepipe.schemas.avro.ConditionStatus;
import dev.imagepipe.schemas.avro.ImportPolicy;
import dev.imagepipe.schemas.avro.RegistryLocation;
import dev.imagepipe.tagger.signature.DockerReference;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AvroViewUpdatesTest {

    private static final String POLICY = "cluster";
    private static final String APP = digest('a');
    private static final String OLD = digest('0');

    private final ImagePolicyView view = new ImagePolicyView(POLICY);
    private final AvroViewUpdates updates = new AvroViewUpdates(view);

    @Test
    void recordsAnImageByDigestWithTheRegistryItWasImportedFrom() {
        updates.image(APP, AvroRecords.image(APP, "quay.io/team/app"));

        assertThat(view.image(APP)).contains(new ImportedImage(APP, "quay.io/team/app@" + APP));
    }

    @Test
    void forgetsAnImageOnItsTombstone() {
        updates.image(APP, AvroRecords.image(APP, "quay.io/team/app"));

        updates.image(APP, null);

        assertThat(view.image(APP)).isEmpty();
    }

    @Test
    void trustsAnImageOnlyThroughASignatureWhoseTrustedConditionIsTrue() {
        updates.signature(AvroRecords.signatureKey(APP, "unverified"), AvroRecords.signature(APP, "unverified", null));
        updates.signature(
                AvroRecords.signatureKey(APP, "unknown"),
                AvroRecords.signature(APP, "unknown", ConditionStatus.Unknown));
        updates.signature(
                AvroRecords.signatureKey(APP, "forged"), AvroRecords.signature(APP, "forged", ConditionStatus.False));
        assertThat(view.hasTrustedSignature(APP)).isFalse();

        updates.signature(
                AvroRecords.signatureKey(APP, "good"), AvroRecords.signature(APP, "good", ConditionStatus.True));

        assertThat(view.hasTrustedSignature(APP)).isTrue();
    }

    @Test
    void stopsTrustingWhenTheTrustedSignatureIsVerifiedAgainAsFalseOrRemoved() {
        String key = AvroRecords.signatureKey(APP, "good");
        updates.signature(key, AvroRecords.signature(APP, "good", ConditionStatus.True));

        updates.signature(key, AvroRecords.signature(APP, "good", ConditionStatus.False));
        assertThat(view.hasTrustedSignature(APP)).isFalse();

        updates.signature(key, AvroRecords.signature(APP, "good", ConditionStatus.True));
        updates.signature(key, null);
        assertThat(view.hasTrustedSignature(APP)).isFalse();
        assertThat(view.signedImageCount()).isZero();
    }

    @Test
    void pointsATagAtTheImageOfItsNewestHistoryItem() {
        updates.tag("ns/app:1.0", AvroRecords.tag("ns", "app", "1.0", "quay.io/team/app", APP, OLD));

        assertThat(view.tag("ns", "app", "1.0")).contains(new TagPointer("ns", "app", "1.0", APP));
    }

    @Test
    void forgetsATagOnItsTombstoneOrWhenItsHistoryIsEmpty() {
        updates.tag("ns/app:1.0", AvroRecords.tag("ns", "app", "1.0", "quay.io/team/app", APP));
        updates.tag("ns/app:2.0", AvroRecords.tag("ns", "app", "2.0", "quay.io/team/app", APP));

        updates.tag("ns/app:1.0", null);
        updates.tag("ns/app:2.0", AvroRecords.tag("ns", "app", "2.0", "quay.io/team/app"));

        assertThat(view.tagCount()).isZero();
    }

    @Test
    void followsOnlyThePolicyOfItsName() {
        updates.policy("other", AvroRecords.policy("other", List.of("registry.example.com"), List.of(), Map.of()));

        assertThat(view.policy()).isInstanceOfSatisfying(ReviewPolicy.Rules.class, rules -> assertThat(
                        rules.allowList().patterns())
                .containsExactly("*:*"));
    }

    @Test
    void mapsAllowListBlockedRegistriesAndSignatureRequirements() {
        updates.policy(
                POLICY,
                AvroRecords.policy(
                        POLICY,
                        List.of("registry.example.com"),
                        List.of("blocked.example.com"),
                        Map.of("registry.example.com/team", true)));

        assertThat(view.policy()).isInstanceOfSatisfying(ReviewPolicy.Rules.class, rules -> {
            assertThat(rules.allowList().patterns()).containsExactly("registry.example.com:443");
            assertThat(rules.blocked(ImageReference.parse("blocked.example.com/x@" + APP)))
                    .isTrue();
            assertThat(rules.signatureRequiredBy(DockerReference.parse("registry.example.com/team/x"))
                            .map(Object::toString))
                    .contains("registry.example.com/team");
        });
    }

    @Test
    void turnsAPolicyWithAnInvalidEntryIntoOneThatDeniesWithItsProblem() {
        var policy = ImportPolicy.newBuilder(AvroRecords.policy(POLICY, List.of(), List.of(), Map.of()))
                .setAllowedRegistriesForImport(List.of(
                        RegistryLocation.newBuilder().setDomainName("a:b:c").build()))
                .build();

        updates.policy(POLICY, policy);

        assertThat(view.policy())
                .isEqualTo(new ReviewPolicy.Invalid(
                        POLICY, "failed to parse allowed registry \"a:b:c\": too many colons"));
    }

    @Test
    void fallsBackToTheImporterDefaultOnThePolicyTombstone() {
        updates.policy(POLICY, AvroRecords.policy(POLICY, List.of("registry.example.com"), List.of(), Map.of()));

        updates.policy(POLICY, null);

        assertThat(view.policy()).isInstanceOfSatisfying(ReviewPolicy.Rules.class, rules -> assertThat(
                        rules.allowList().patterns())
                .containsExactly("*:*"));
    }
}
