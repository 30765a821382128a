package dev.imagepipe.cli.policy;

import dev.imagepipe.cli.document.Fields;
import dev.imagepipe.cli.document.Node;
import dev.imagepipe.schemas.avro.SignatureRequirement;
import dev.imagepipe.schemas.avro.SignatureStore;
import dev.imagepipe.schemas.avro.SignedIdentity;
import dev.imagepipe.schemas.avro.SignedIdentityType;
import dev.imagepipe.schemas.avro.TrustedKey;
import dev.imagepipe.schemas.avro.TrustedKeyType;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The signature-trust part of a policy document: {@code trustedKeys}, {@code signatureRequirements} and {@code
 * signatureStores} (A14.5), holding public material only.
 */
final class SignatureTrustSection {

    private static final Set<String> KEY_FIELDS =
            Set.of("name", "keyType", "publicKey", "scopes", "identity", "validFrom", "validUntil");
    private static final Set<String> IDENTITY_FIELDS = Set.of("type", "prefix", "signedPrefix");
    private static final Set<String> REQUIREMENT_FIELDS = Set.of("scope", "requireTrustedSignature");
    private static final Set<String> STORE_FIELDS = Set.of("scope", "lookasideUrl");

    /** {@code Unknown} exists only so old readers survive new key types; nobody may write it. */
    private static final List<TrustedKeyType> WRITABLE_KEY_TYPES =
            List.of(TrustedKeyType.SimpleSigningGPG, TrustedKeyType.CosignECDSA);

    private static final Set<String> LOOKASIDE_SCHEMES = Set.of("http", "https", "file");

    private SignatureTrustSection() {}

    static List<TrustedKey> trustedKeys(List<Node> entries) {
        return entries.stream().map(SignatureTrustSection::trustedKey).toList();
    }

    private static TrustedKey trustedKey(Node entry) {
        Fields fields = entry.fields(KEY_FIELDS);
        Instant validFrom = fields.get("validFrom").map(Node::timestamp).orElse(null);
        Instant validUntil = fields.get("validUntil").map(Node::timestamp).orElse(null);
        if (validFrom != null && validUntil != null && !validUntil.isAfter(validFrom)) {
            throw fields.required("validUntil").error("must be after validFrom");
        }
        TrustedKey.Builder key = TrustedKey.newBuilder()
                .setName(fields.required("name").nonEmptyString())
                .setKeyType(fields.required("keyType").oneOf(WRITABLE_KEY_TYPES))
                .setPublicKey(CredentialGuard.publicMaterial(fields.required("publicKey")))
                .setScopes(RegistrySection.nonEmptyStrings(fields, "scopes"))
                .setValidFrom(validFrom)
                .setValidUntil(validUntil);
        fields.get("identity").map(SignatureTrustSection::identity).ifPresent(key::setIdentity);
        return key.build();
    }

    /** {@code prefix}/{@code signedPrefix} mean something only for RemapIdentity, and it needs both. */
    private static SignedIdentity identity(Node node) {
        Fields fields = node.fields(IDENTITY_FIELDS);
        SignedIdentityType type = fields.get("type")
                .map(t -> t.oneOf(List.of(SignedIdentityType.values())))
                .orElse(SignedIdentityType.MatchRepoDigestOrExact);
        String prefix = fields.get("prefix").map(Node::nonEmptyString).orElse(null);
        String signedPrefix =
                fields.get("signedPrefix").map(Node::nonEmptyString).orElse(null);
        boolean remap = type == SignedIdentityType.RemapIdentity;
        if (remap && (prefix == null || signedPrefix == null)) {
            throw node.error("RemapIdentity needs both prefix and signedPrefix");
        }
        if (!remap && (prefix != null || signedPrefix != null)) {
            throw node.error("prefix and signedPrefix apply only to RemapIdentity");
        }
        return SignedIdentity.newBuilder()
                .setType(type)
                .setPrefix(prefix)
                .setSignedPrefix(signedPrefix)
                .build();
    }

    static List<SignatureRequirement> requirements(List<Node> entries) {
        return entries.stream()
                .map(entry -> {
                    Fields fields = entry.fields(REQUIREMENT_FIELDS);
                    return SignatureRequirement.newBuilder()
                            .setScope(fields.required("scope").nonEmptyString())
                            .setRequireTrustedSignature(fields.bool("requireTrustedSignature", false))
                            .build();
                })
                .toList();
    }

    static List<SignatureStore> stores(List<Node> entries) {
        return entries.stream()
                .map(entry -> {
                    Fields fields = entry.fields(STORE_FIELDS);
                    return SignatureStore.newBuilder()
                            .setScope(fields.required("scope").nonEmptyString())
                            .setLookasideUrl(lookasideUrl(fields.required("lookasideUrl")))
                            .build();
                })
                .toList();
    }

    /** An absolute URL without user info: a {@code user:password@} part would put a credential in the policy. */
    private static String lookasideUrl(Node node) {
        String text = node.nonEmptyString();
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw node.error("not a URL: " + e.getReason());
        }
        if (uri.getScheme() == null || !LOOKASIDE_SCHEMES.contains(uri.getScheme())) {
            throw node.error("expected an absolute http, https or file URL");
        }
        if (uri.getRawUserInfo() != null) {
            throw node.error("credentials are never accepted in a policy; remove the user info from the URL");
        }
        return text;
    }
}
