package dev.imagepipe.auditor.review;

import dev.imagepipe.schemas.avro.ConditionStatus;
import dev.imagepipe.schemas.avro.Image;
import dev.imagepipe.schemas.avro.ImageSignature;
import dev.imagepipe.schemas.avro.ImageStreamTagView;
import dev.imagepipe.schemas.avro.ImportPolicy;
import dev.imagepipe.schemas.avro.NamedTagEventList;
import dev.imagepipe.schemas.avro.ObjectMeta;
import dev.imagepipe.schemas.avro.RegistryLocation;
import dev.imagepipe.schemas.avro.RegistrySources;
import dev.imagepipe.schemas.avro.SignatureCondition;
import dev.imagepipe.schemas.avro.SignatureRequirement;
import dev.imagepipe.schemas.avro.TagEvent;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Avro records as the importer and tagger write them, reduced to what the review view reads. */
final class AvroRecords {

    static final Instant CREATED = Instant.parse("2026-03-01T12:00:00Z");

    private AvroRecords() {}

    /** A valid sha256 digest made of one repeated hex character. */
    static String digest(char hex) {
        return "sha256:" + String.valueOf(hex).repeat(64);
    }

    static Image image(String digest, String repository) {
        return Image.newBuilder()
                .setMetadata(ObjectMeta.newBuilder().setName(digest).build())
                .setDockerImageReference(repository + "@" + digest)
                .setDockerImageManifestMediaType("application/vnd.oci.image.manifest.v1+json")
                .build();
    }

    /** The {@code signatures} key of signature {@code name} of {@code digest}. */
    static String signatureKey(String digest, String name) {
        return digest + "@" + name;
    }

    /** A signature with a {@code Trusted} condition of {@code trusted}, or none when {@code trusted} is null. */
    static ImageSignature signature(String digest, String name, ConditionStatus trusted) {
        List<SignatureCondition> conditions =
                trusted == null ? List.of() : List.of(condition("Trusted", trusted), condition("ForImage", trusted));
        return ImageSignature.newBuilder()
                .setMetadata(ObjectMeta.newBuilder()
                        .setName(signatureKey(digest, name))
                        .build())
                .setType("AtomicImageV1")
                .setContent(ByteBuffer.wrap(name.getBytes(StandardCharsets.UTF_8)))
                .setConditions(conditions)
                .build();
    }

    private static SignatureCondition condition(String type, ConditionStatus status) {
        return SignatureCondition.newBuilder().setType(type).setStatus(status).build();
    }

    /** A tag whose history holds {@code digests}, newest first. */
    static ImageStreamTagView tag(String namespace, String stream, String tag, String repository, String... digests) {
        List<TagEvent> items = Arrays.stream(digests)
                .map(digest -> TagEvent.newBuilder()
                        .setCreated(CREATED)
                        .setDockerImageReference(repository + "@" + digest)
                        .setImage(digest)
                        .setGeneration(1)
                        .build())
                .toList();
        return ImageStreamTagView.newBuilder()
                .setNamespace(namespace)
                .setStream(stream)
                .setTag(tag)
                .setHistory(NamedTagEventList.newBuilder()
                        .setTag(tag)
                        .setItems(items)
                        .build())
                .setResolvedPullSpec(digests.length == 0 ? null : repository + "@" + digests[0])
                .setUpdatedAt(CREATED)
                .build();
    }

    /**
     * A policy.
     *
     * @param allowed {@code allowedRegistriesForImport} domain names, secure
     * @param blocked {@code registrySources.blockedRegistries}
     * @param signatureScopes {@code signatureRequirements}: {@code requireTrustedSignature} per scope
     */
    static ImportPolicy policy(
            String name, List<String> allowed, List<String> blocked, Map<String, Boolean> signatureScopes) {
        return ImportPolicy.newBuilder()
                .setName(name)
                .setAllowedRegistriesForImport(allowed.stream()
                        .map(domain -> RegistryLocation.newBuilder()
                                .setDomainName(domain)
                                .build())
                        .toList())
                .setRegistrySources(RegistrySources.newBuilder()
                        .setBlockedRegistries(blocked)
                        .build())
                .setSignatureRequirements(signatureScopes.entrySet().stream()
                        .map(e -> SignatureRequirement.newBuilder()
                                .setScope(e.getKey())
                                .setRequireTrustedSignature(e.getValue())
                                .build())
                        .toList())
                .build();
    }
}
