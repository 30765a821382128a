package dev.imagepipe.cli.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imagepipe.cli.document.DocumentException;
import dev.imagepipe.cli.document.Documents;
import dev.imagepipe.cli.testing.PolicyFixtures;
import dev.imagepipe.schemas.avro.ImportMode;
import dev.imagepipe.schemas.avro.ImportPolicy;
import dev.imagepipe.schemas.avro.RegistryLocation;
import dev.imagepipe.schemas.avro.SignedIdentityType;
import dev.imagepipe.schemas.avro.TrustedKeyType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyDocumentTest {

    static final String CA = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
    static final String GPG = "-----BEGIN PGP PUBLIC KEY BLOCK-----\nmQEN\n-----END PGP PUBLIC KEY BLOCK-----\n";

    private static ImportPolicy parse(String yaml) {
        return PolicyDocument.parse(Documents.parse("policy.yaml", yaml), PolicyDocument.DEFAULT_NAME);
    }

    private static String errorOf(String yaml) {
        try {
            parse(yaml);
        } catch (DocumentException e) {
            return e.getMessage();
        }
        throw new AssertionError("accepted:\n" + yaml);
    }

    @Test
    void readsEveryFieldOfAPolicy() {
        ImportPolicy policy = parse(PolicyFixtures.EVERY_FIELD);

        assertThat(policy.getName()).isEqualTo("cluster");
        assertThat(policy.getAllowedRegistriesForImport())
                .containsExactly(
                        new RegistryLocation("quay.io", false), new RegistryLocation("*.example.com:5000", true));
        assertThat(policy.getRegistrySources().getAllowedRegistries()).isEmpty();
        assertThat(policy.getRegistrySources().getBlockedRegistries()).containsExactly("evil.io", "bad.io/ns");
        assertThat(policy.getRegistrySources().getInsecureRegistries()).containsExactly("localhost:5000");
        assertThat(policy.getRegistrySources().getContainerRuntimeSearchRegistries())
                .containsExactly("registry.access.redhat.com");
        assertThat(policy.getRepositoryDigestMirrors()).singleElement().satisfies(mirror -> {
            assertThat(mirror.getSource()).isEqualTo("docker.io/library");
            assertThat(mirror.getMirrors()).containsExactly("mirror.local/library", "backup.local/library");
            assertThat(mirror.getAllowMirrorByTags()).isTrue();
        });
        assertThat(policy.getAdditionalTrustedCA()).isEqualTo(CA);
        assertThat(policy.getTrustedKeys()).hasSize(2);
        var release = policy.getTrustedKeys().get(0);
        assertThat(release.getName()).isEqualTo("release");
        assertThat(release.getKeyType()).isEqualTo(TrustedKeyType.SimpleSigningGPG);
        assertThat(release.getPublicKey()).isEqualTo(GPG);
        assertThat(release.getScopes()).containsExactly("quay.io/org");
        assertThat(release.getIdentity().getType()).isEqualTo(SignedIdentityType.RemapIdentity);
        assertThat(release.getIdentity().getPrefix()).isEqualTo("mirror.local/org");
        assertThat(release.getIdentity().getSignedPrefix()).isEqualTo("quay.io/org");
        assertThat(release.getValidFrom()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
        assertThat(release.getValidUntil()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        var cosign = policy.getTrustedKeys().get(1);
        assertThat(cosign.getKeyType()).isEqualTo(TrustedKeyType.CosignECDSA);
        assertThat(cosign.getIdentity().getType()).isEqualTo(SignedIdentityType.MatchRepoDigestOrExact);
        assertThat(cosign.getValidFrom()).isNull();
        assertThat(policy.getSignatureRequirements()).singleElement().satisfies(requirement -> {
            assertThat(requirement.getScope()).isEqualTo("quay.io/org");
            assertThat(requirement.getRequireTrustedSignature()).isTrue();
        });
        assertThat(policy.getSignatureStores()).singleElement().satisfies(store -> {
            assertThat(store.getScope()).isEqualTo("quay.io");
            assertThat(store.getLookasideUrl()).isEqualTo("https://sigstore.example.com/signatures");
        });
        assertThat(policy.getDefaultImportMode()).isEqualTo(ImportMode.PreserveOriginal);
        assertThat(policy.getMaxImagesBulkImportedPerRepository()).isEqualTo(10);
        assertThat(policy.getScheduling().getMinimumIntervalSeconds()).isEqualTo(600);
        assertThat(policy.getScheduling().getPerMinuteBudget()).isEqualTo(-1);
        assertThat(policy.getInternalRegistryHostname()).isEqualTo("image-registry.svc:5000");
        assertThat(policy.getExternalRegistryHostnames()).containsExactly("registry.example.com");
    }

    @Test
    void leavesOutFieldsAtTheSchemaDefaults() {
        ImportPolicy policy = parse("{}");

        assertThat(policy.getAllowedRegistriesForImport()).isEmpty();
        assertThat(policy.getRegistrySources()).isNull();
        assertThat(policy.getDefaultImportMode()).isEqualTo(ImportMode.Legacy);
        assertThat(policy.getMaxImagesBulkImportedPerRepository()).isEqualTo(50);
        assertThat(policy.getScheduling().getMinimumIntervalSeconds()).isEqualTo(900);
        assertThat(policy.getScheduling().getPerMinuteBudget()).isEqualTo(60);
    }

    @Test
    void keepsOneSchedulingLimitAtItsDefaultWhenOnlyTheOtherIsSet() {
        ImportPolicy policy = parse("scheduling: {perMinuteBudget: 5}");

        assertThat(policy.getScheduling().getMinimumIntervalSeconds()).isEqualTo(900);
        assertThat(policy.getScheduling().getPerMinuteBudget()).isEqualTo(5);
    }

    @Test
    void namesTheListIndexOfAValueOfTheWrongType() {
        assertThat(errorOf("registrySources:\n  blockedRegistries: [a.io, b.io, 5]\n"))
                .isEqualTo("policy.yaml: registrySources.blockedRegistries[2]: expected a string");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            registrySource: {}                                    | policy.yaml: registrySource: unknown field; expected one of additionalTrustedCA, allowedRegistriesForImport
            registrySources: {blocked: [a]}                       | policy.yaml: registrySources.blocked: unknown field; expected one of allowedRegistries, blockedRegistries
            allowedRegistriesForImport: [{domain: quay.io}]       | policy.yaml: allowedRegistriesForImport[0].domain: unknown field
            allowedRegistriesForImport: [{insecure: true}]        | policy.yaml: allowedRegistriesForImport[0].domainName: required
            allowedRegistriesForImport: [{domainName: 'a:1:2'}]   | policy.yaml: allowedRegistriesForImport[0].domainName: failed to parse allowed registry "a:1:2": too many colons
            allowedRegistriesForImport: [{domainName: q, insecure: 'yes'}] | policy.yaml: allowedRegistriesForImport[0].insecure: expected true or false
            allowedRegistriesForImport: quay.io                   | policy.yaml: allowedRegistriesForImport: expected a list
            registrySources: {allowedRegistries: [a], blockedRegistries: [b]} | policy.yaml: registrySources: only one of allowedRegistries and blockedRegistries may be set
            repositoryDigestMirrors: [{mirrors: [m]}]             | policy.yaml: repositoryDigestMirrors[0].source: required
            defaultImportMode: legacy                             | policy.yaml: defaultImportMode: expected one of Legacy, PreserveOriginal
            maxImagesBulkImportedPerRepository: -2                | policy.yaml: maxImagesBulkImportedPerRepository: must be -1 (unlimited) or more
            maxImagesBulkImportedPerRepository: 1.5               | policy.yaml: maxImagesBulkImportedPerRepository: expected an integer
            scheduling: {minimumIntervalSeconds: 0}               | policy.yaml: scheduling.minimumIntervalSeconds: must be at least 1
            additionalTrustedCA: {name: user-ca}                  | policy.yaml: additionalTrustedCA: expected a string
            additionalTrustedCA: not a pem                        | policy.yaml: additionalTrustedCA: expected a PEM bundle
            trustedKeys: [{name: k, keyType: Unknown, publicKey: x}] | policy.yaml: trustedKeys[0].keyType: expected one of SimpleSigningGPG, CosignECDSA
            trustedKeys: [{name: k, keyType: CosignECDSA, publicKey: x, validFrom: yesterday}] | policy.yaml: trustedKeys[0].validFrom: expected an RFC 3339 timestamp
            trustedKeys: [{name: k, keyType: CosignECDSA, publicKey: x, validFrom: '2025-02-01T00:00:00Z', validUntil: '2025-01-01T00:00:00Z'}] | policy.yaml: trustedKeys[0].validUntil: must be after validFrom
            trustedKeys: [{name: k, keyType: CosignECDSA, publicKey: x, identity: {type: RemapIdentity, prefix: a}}] | policy.yaml: trustedKeys[0].identity: RemapIdentity needs both prefix and signedPrefix
            trustedKeys: [{name: k, keyType: CosignECDSA, publicKey: x, identity: {prefix: a}}] | policy.yaml: trustedKeys[0].identity: prefix and signedPrefix apply only to RemapIdentity
            signatureStores: [{scope: q, lookasideUrl: 'sigstore.example.com'}] | policy.yaml: signatureStores[0].lookasideUrl: expected an absolute http, https or file URL
            [a, b]                                                | policy.yaml: expected a mapping
            """)
    void refusesWithThePathOfTheProblem(String yaml, String message) {
        assertThat(errorOf(yaml)).startsWith(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            registrySources: {password: hunter2}                  | policy.yaml: registrySources.password: credentials are never accepted in a policy
            allowedRegistriesForImport: [{domainName: q, auth: dXNlcjpwdw==}] | policy.yaml: allowedRegistriesForImport[0].auth: credentials are never accepted
            auths: {quay.io: {auth: x}}                           | policy.yaml: auths: credentials are never accepted
            signatureStores: [{scope: q, lookasideUrl: 'https://user:pw@sigs.example.com'}] | policy.yaml: signatureStores[0].lookasideUrl: credentials are never accepted in a policy
            trustedKeys: [{name: k, keyType: SimpleSigningGPG, publicKey: '-----BEGIN PGP PRIVATE KEY BLOCK-----'}] | policy.yaml: trustedKeys[0].publicKey: this is a private key
            """)
    void refusesCredentialsAnywhere(String yaml, String message) {
        assertThat(errorOf(yaml)).startsWith(message);
    }

    @Test
    void refusesDuplicateKeysInsteadOfKeepingTheLast() {
        assertThat(errorOf("defaultImportMode: Legacy\ndefaultImportMode: PreserveOriginal\n"))
                .startsWith("policy.yaml: line 2: not valid YAML or JSON: Duplicate field 'defaultImportMode'");
    }

    @Test
    void readsAFileNamingItInErrors(@TempDir Path directory) throws IOException {
        Path good = Files.writeString(directory.resolve("good.yaml"), "maxImagesBulkImportedPerRepository: 3\n");
        Path bad = Files.writeString(
                directory.resolve("bad.json"), "{\"registrySources\": {\"insecureRegistries\": [true]}}");

        assertThat(PolicyDocument.read(good, "team-a").getName()).isEqualTo("team-a");
        assertThat(PolicyDocument.read(good).getMaxImagesBulkImportedPerRepository())
                .isEqualTo(3);
        assertThatThrownBy(() -> PolicyDocument.read(bad))
                .isInstanceOf(DocumentException.class)
                .hasMessage(bad + ": registrySources.insecureRegistries[0]: expected a string");
        assertThatThrownBy(() -> PolicyDocument.read(directory.resolve("missing.yaml")))
                .hasMessageEndingWith("missing.yaml: no such file");
        Path empty = Files.writeString(directory.resolve("empty.yaml"), "");
        assertThatThrownBy(() -> PolicyDocument.read(empty)).hasMessageEndingWith("empty.yaml: empty document");
    }
}
