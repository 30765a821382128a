package dev.imagepipe.schemas.avro;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/**
 * Realistic records for every topic value, with values taken from the OpenShift image API seeds and
 * the import-semantics test vectors (D5, D10, D12, D13). Every method returns a fresh instance.
 */
final class Samples {

    static final String NAMESPACE = "prod";
    static final String STREAM = "busybox";
    static final String REPOSITORY = "docker.io/library/busybox";
    static final String MIRROR = "mirror.example.com/library/busybox";
    static final String INTERNAL_REGISTRY = "image-registry.openshift-image-registry.svc:5000";

    /** Manifest list L and its children (D10: L = sha256:5020..., amd64 A = sha256:ca01..., arm64 R = sha256:1a06...). */
    static final String LIST_DIGEST = digest("5020");

    static final String AMD64_DIGEST = digest("ca01");
    static final String ARM64_DIGEST = digest("1a06");
    static final String PPC64LE_DIGEST = digest("7b3e");
    static final String PREVIOUS_LIST_DIGEST = digest("2222");
    static final String AMD64_LAYER_DIGEST = digest("9ad6");

    static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    static final String OCI_LAYER = "application/vnd.oci.image.layer.v1.tar+gzip";

    static final Instant REQUESTED_AT = Instant.parse("2026-03-01T09:15:00.250Z");
    static final Instant COMPLETED_AT = Instant.parse("2026-03-01T09:15:02.125Z");
    static final Instant PREVIOUS_IMPORT = Instant.parse("2026-02-14T17:40:11Z");
    static final Instant IMAGE_CREATED = Instant.parse("2024-09-26T21:31:42Z");

    private Samples() {}

    /** Every topic value, one per topic of DESIGN.md. */
    static List<SpecificRecord> topicValues() {
        return List.of(
                importRequest(),
                importResult(),
                registryObservationViaMirror(),
                manifestListImage(),
                imageStream(),
                stableTagView(),
                tagMoved(),
                trustedSignature(),
                importPolicy(),
                deadLetter());
    }

    static ImageStreamImportRequest importRequest() {
        return ImageStreamImportRequest.newBuilder()
                .setMetadata(streamMeta(3))
                .setSpec(importSpec())
                .setRequestedAt(REQUESTED_AT)
                .setCause(ImportCause.User)
                .build();
    }

    /** Two images (a scheduled PreserveOriginal tag and a Legacy digest import) plus a repository. */
    static ImageStreamImportSpec importSpec() {
        ImageImportSpec latest = ImageImportSpec.newBuilder()
                .setFrom(dockerImage(REPOSITORY + ":latest"))
                .setTo(LocalObjectReference.newBuilder().setName("latest").build())
                .setImportPolicy(TagImportPolicy.newBuilder()
                        .setScheduled(true)
                        .setImportMode(ImportMode.PreserveOriginal)
                        .build())
                .build();
        ImageImportSpec pinned = ImageImportSpec.newBuilder()
                .setFrom(dockerImage(REPOSITORY + "@" + LIST_DIGEST))
                .setImportPolicy(TagImportPolicy.newBuilder()
                        .setImportMode(ImportMode.Legacy)
                        .build())
                .setReferencePolicy(TagReferencePolicy.newBuilder()
                        .setType(ReferencePolicyType.Local)
                        .build())
                .setIncludeManifest(true)
                .build();
        RepositoryImportSpec repository = RepositoryImportSpec.newBuilder()
                .setFrom(dockerImage(REPOSITORY))
                .build();
        return ImageStreamImportSpec.newBuilder()
                .setImport$(true)
                .setImages(List.of(latest, pinned))
                .setRepository(repository)
                .build();
    }

    static ImageStreamImport importResult() {
        ImageImportStatus latest = ImageImportStatus.newBuilder()
                .setStatus(success())
                .setImage(manifestListImage())
                .setTag("latest")
                .setManifests(List.of(amd64Image(), arm64Image(), ppc64leImage()))
                .build();
        ImageImportStatus pinned = ImageImportStatus.newBuilder()
                .setStatus(success())
                .setImage(amd64Image())
                .setPlatformSelection(PlatformSelection.newBuilder()
                        .setArchitecture("amd64")
                        .setOs("linux")
                        .setRule("linux/amd64 fallback")
                        .build())
                .build();
        return ImageStreamImport.newBuilder()
                .setMetadata(streamMeta(3))
                .setSpec(importSpec())
                .setStatus(ImageStreamImportStatus.newBuilder()
                        .setImages(List.of(latest, pinned))
                        .setRepository(repositoryStatus())
                        .setImport$(imageStream())
                        .build())
                .setRequestedAt(REQUESTED_AT)
                .setCompletedAt(COMPLETED_AT)
                .setCause(ImportCause.User)
                .build();
    }

    /** A repository import limited by maxImagesBulkImportedPerRepository: the rest are additionalTags. */
    static RepositoryImportStatus repositoryStatus() {
        ImageImportStatus latest = ImageImportStatus.newBuilder()
                .setStatus(success())
                .setImage(amd64Image())
                .setTag("latest")
                .setPlatformSelection(PlatformSelection.newBuilder()
                        .setArchitecture("amd64")
                        .setOs("linux")
                        .setRule("preferred platform")
                        .build())
                .build();
        ImageImportStatus missing = ImageImportStatus.newBuilder()
                .setStatus(Status.newBuilder()
                        .setStatus(StatusOutcome.Failure)
                        .setReason(ImportFailureReason.NotFound)
                        .setMessage("dockerimage.image.openshift.io \"" + REPOSITORY + ":1.37\" not found")
                        .setCode(404)
                        .build())
                .setTag("1.37")
                .build();
        return RepositoryImportStatus.newBuilder()
                .setStatus(Status.newBuilder()
                        .setStatus(StatusOutcome.Failure)
                        .setReason(ImportFailureReason.NotFound)
                        .setMessage("one of the images from this repository failed to import")
                        .setCode(404)
                        .build())
                .setImages(List.of(latest, missing))
                .setAdditionalTags(List.of("1.36", "1.36.1", "musl", "uclibc"))
                .build();
    }

    /** The manifest list kept as such (PreserveOriginal, A7.4): three platforms, no layers. */
    static Image manifestListImage() {
        return Image.newBuilder()
                .setMetadata(imageMeta(LIST_DIGEST))
                .setDockerImageReference(REPOSITORY + "@" + LIST_DIGEST)
                .setDockerImageMetadata(ImageMetadata.newBuilder()
                        .setId(LIST_DIGEST)
                        .setCreated(REQUESTED_AT)
                        .build())
                .setDockerImageManifestMediaType(OCI_INDEX)
                .setDockerImageManifests(List.of(
                        manifest(AMD64_DIGEST, 610, "amd64", null),
                        manifest(ARM64_DIGEST, 610, "arm64", "v8"),
                        manifest(PPC64LE_DIGEST, 610, "ppc64le", null)))
                .setSignatures(List.of(trustedSignature()))
                .build();
    }

    /** The amd64 child of D12: a 1459-byte config and one 667590-byte layer, size 669049. */
    static Image amd64Image() {
        return platformImage(AMD64_DIGEST, "amd64", null);
    }

    static Image arm64Image() {
        return platformImage(ARM64_DIGEST, "arm64", "v8");
    }

    static Image ppc64leImage() {
        return platformImage(PPC64LE_DIGEST, "ppc64le", null);
    }

    private static Image platformImage(String digest, String architecture, String variant) {
        ContainerConfig config = ContainerConfig.newBuilder()
                .setEnv(List.of("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"))
                .setCmd(List.of("sh"))
                .setLabels(Map.of("org.opencontainers.image.source", "https://github.com/docker-library/busybox"))
                .setStopSignal("SIGTERM")
                .build();
        return Image.newBuilder()
                .setMetadata(imageMeta(digest))
                .setDockerImageReference(REPOSITORY + "@" + digest)
                .setDockerImageMetadata(ImageMetadata.newBuilder()
                        .setId(configDigest(architecture))
                        .setCreated(IMAGE_CREATED)
                        .setArchitecture(architecture)
                        .setOs("linux")
                        .setVariant(variant)
                        .setConfig(config)
                        .setSize(669049)
                        .build())
                .setDockerImageManifestMediaType(OCI_MANIFEST)
                .setDockerImageConfig("{\"architecture\":\"" + architecture + "\",\"os\":\"linux\"}")
                .setDockerImageLayers(List.of(ImageLayer.newBuilder()
                        .setName(AMD64_LAYER_DIGEST)
                        .setSize(667590)
                        .setMediaType(OCI_LAYER)
                        .build()))
                .build();
    }

    /** A simple-signing signature verified by a user (A14.6): Trusted and ForImage together. */
    static ImageSignature trustedSignature() {
        byte[] blob = "-----BEGIN PGP MESSAGE-----\nowGbwMvMwMEYd...\n".getBytes(StandardCharsets.UTF_8);
        return ImageSignature.newBuilder()
                .setMetadata(ObjectMeta.newBuilder()
                        .setName(LIST_DIGEST + "@" + sha256Hex(blob))
                        .setCreationTimestamp(COMPLETED_AT)
                        .build())
                .setType("AtomicImageV1")
                .setContent(ByteBuffer.wrap(blob))
                .setCreated(Instant.parse("2026-02-28T12:00:00Z"))
                .setImageIdentity(REPOSITORY + ":latest")
                .setSignedClaims(Map.of("creator", "atomic 2.0.0", "timestamp", "1772280000"))
                .setIssuedBy(SignatureIssuer.newBuilder()
                        .setOrganization("Example, Inc.")
                        .setCommonName("openshift-signing-service")
                        .build())
                .setIssuedTo(SignatureSubject.newBuilder()
                        .setCommonName("release-bot")
                        .setPublicKeyID("0x685ebe62bf278440")
                        .build())
                .setConditions(List.of(signatureCondition("Trusted"), signatureCondition("ForImage")))
                .build();
    }

    private static SignatureCondition signatureCondition(String type) {
        return SignatureCondition.newBuilder()
                .setType(type)
                .setStatus(ConditionStatus.True)
                .setLastProbeTime(COMPLETED_AT)
                .setLastTransitionTime(COMPLETED_AT)
                .setReason("manually verified")
                .setMessage("verified by user \"kube:admin\"")
                .build();
    }

    /** prod/busybox with tags latest (two events of history) and stable (failing, last good image kept). */
    static ImageStream imageStream() {
        TagReference latest = TagReference.newBuilder()
                .setName("latest")
                .setFrom(dockerImage(REPOSITORY + ":latest"))
                .setGeneration(3L)
                .setImportPolicy(TagImportPolicy.newBuilder()
                        .setScheduled(true)
                        .setImportMode(ImportMode.PreserveOriginal)
                        .build())
                .build();
        return ImageStream.newBuilder()
                .setMetadata(streamMeta(3))
                .setSpec(ImageStreamSpec.newBuilder()
                        .setLookupPolicy(
                                ImageLookupPolicy.newBuilder().setLocal(true).build())
                        .setTags(List.of(latest, stableSpecTag()))
                        .build())
                .setStatus(ImageStreamStatus.newBuilder()
                        .setDockerImageRepository(INTERNAL_REGISTRY + "/" + NAMESPACE + "/" + STREAM)
                        .setPublicDockerImageRepository("registry.apps.example.com/" + NAMESPACE + "/" + STREAM)
                        .setTags(List.of(latestHistory(), stableHistory()))
                        .build())
                .build();
    }

    private static TagReference stableSpecTag() {
        return TagReference.newBuilder()
                .setName("stable")
                .setAnnotations(Map.of("description", "last release validated by QA"))
                .setFrom(dockerImage("quay.io/openshift/test:stable"))
                .setGeneration(2L)
                .setReferencePolicy(TagReferencePolicy.newBuilder()
                        .setType(ReferencePolicyType.Local)
                        .build())
                .build();
    }

    static NamedTagEventList latestHistory() {
        return NamedTagEventList.newBuilder()
                .setTag("latest")
                .setItems(List.of(currentLatestEvent(), previousLatestEvent()))
                .build();
    }

    private static NamedTagEventList stableHistory() {
        return NamedTagEventList.newBuilder()
                .setTag("stable")
                .setItems(List.of(TagEvent.newBuilder()
                        .setCreated(PREVIOUS_IMPORT)
                        .setDockerImageReference("quay.io/openshift/test@" + AMD64_DIGEST)
                        .setImage(AMD64_DIGEST)
                        .setGeneration(2)
                        .build()))
                .setConditions(List.of(stableImportFailed()))
                .build();
    }

    private static TagEventCondition stableImportFailed() {
        return TagEventCondition.newBuilder()
                .setType(TagEventConditionType.ImportSuccess)
                .setStatus(ConditionStatus.False)
                .setLastTransitionTime(REQUESTED_AT)
                .setReason("Unauthorized")
                .setMessage("you may not have access to the container image \"quay.io/openshift/test:stable\"")
                .setGeneration(3)
                .build();
    }

    private static TagEvent currentLatestEvent() {
        return TagEvent.newBuilder()
                .setCreated(REQUESTED_AT)
                .setDockerImageReference(REPOSITORY + "@" + LIST_DIGEST)
                .setImage(LIST_DIGEST)
                .setGeneration(3)
                .build();
    }

    private static TagEvent previousLatestEvent() {
        return TagEvent.newBuilder()
                .setCreated(PREVIOUS_IMPORT)
                .setDockerImageReference(REPOSITORY + "@" + PREVIOUS_LIST_DIGEST)
                .setImage(PREVIOUS_LIST_DIGEST)
                .setGeneration(2)
                .build();
    }

    /** The stable tag with Local reference policy: it resolves through the integrated registry (A12, D9). */
    static ImageStreamTagView stableTagView() {
        return ImageStreamTagView.newBuilder()
                .setNamespace(NAMESPACE)
                .setStream(STREAM)
                .setTag("stable")
                .setSpec(stableSpecTag())
                .setHistory(stableHistory())
                .setResolvedPullSpec(INTERNAL_REGISTRY + "/" + NAMESPACE + "/" + STREAM + "@" + AMD64_DIGEST)
                .setLookupPolicy(ImageLookupPolicy.newBuilder().setLocal(true).build())
                .setSchedule(TagSchedule.newBuilder()
                        .setNextImportDue(Instant.parse("2026-03-01T09:30:00Z"))
                        .setDeferred(true)
                        .setDeferredSince(Instant.parse("2026-03-01T09:29:00Z"))
                        .build())
                .setUpdatedAt(COMPLETED_AT)
                .build();
    }

    /** latest moved from the previous list digest to the new one. */
    static TagEventRecord tagMoved() {
        return TagEventRecord.newBuilder()
                .setKind(TagEventKind.Moved)
                .setNamespace(NAMESPACE)
                .setStream(STREAM)
                .setTag("latest")
                .setEvent(currentLatestEvent())
                .setPrevious(previousLatestEvent())
                .setRequestUid("6f0f4c53-1d3a-4b8e-9e64-3f1c2a7d9b10")
                .setEventTime(COMPLETED_AT)
                .build();
    }

    /** A by-digest lookup served by a mirror (mirrors serve digests unless allowMirrorByTags). */
    static RegistryObservation registryObservationViaMirror() {
        return RegistryObservation.newBuilder()
                .setRepository(REPOSITORY)
                .setDigest(LIST_DIGEST)
                .setResolvedDigest(LIST_DIGEST)
                .setMediaType(OCI_INDEX)
                .setPullSource(MIRROR)
                .setViaMirror(true)
                .setRequestUid("6f0f4c53-1d3a-4b8e-9e64-3f1c2a7d9b10")
                .setObservedAt(Instant.parse("2026-03-01T09:15:01.500Z"))
                .build();
    }

    static ImportPolicy importPolicy() {
        return ImportPolicy.newBuilder()
                .setName("cluster")
                .setAllowedRegistriesForImport(List.of(
                        registry("docker.io", false), registry("quay.io", false), registry("*.example.com:5000", true)))
                .setRegistrySources(RegistrySources.newBuilder()
                        .setBlockedRegistries(List.of("untrusted.example.com"))
                        .setInsecureRegistries(List.of("registry.lab.example.com:5000"))
                        .setContainerRuntimeSearchRegistries(List.of("docker.io"))
                        .build())
                .setRepositoryDigestMirrors(List.of(
                        RepositoryDigestMirrors.newBuilder()
                                .setSource(REPOSITORY)
                                .setMirrors(List.of(MIRROR, "mirror2.example.com/library/busybox"))
                                .build(),
                        RepositoryDigestMirrors.newBuilder()
                                .setSource("quay.io/openshift")
                                .setMirrors(List.of("registry.lab.example.com:5000/openshift"))
                                .setAllowMirrorByTags(true)
                                .build()))
                .setAdditionalTrustedCA(
                        "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU...\n-----END CERTIFICATE-----\n")
                .setTrustedKeys(List.of(gpgKey(), cosignKey()))
                .setSignatureRequirements(List.of(SignatureRequirement.newBuilder()
                        .setScope("registry.access.redhat.com")
                        .setRequireTrustedSignature(true)
                        .build()))
                .setSignatureStores(List.of(SignatureStore.newBuilder()
                        .setScope("registry.access.redhat.com")
                        .setLookasideUrl("https://access.redhat.com/webassets/docker/content/sigstore")
                        .build()))
                .setDefaultImportMode(ImportMode.PreserveOriginal)
                .setInternalRegistryHostname(INTERNAL_REGISTRY)
                .setExternalRegistryHostnames(List.of("registry.apps.example.com"))
                .build();
    }

    private static TrustedKey gpgKey() {
        return TrustedKey.newBuilder()
                .setName("redhat-release-key-2")
                .setKeyType(TrustedKeyType.SimpleSigningGPG)
                .setPublicKey(
                        "-----BEGIN PGP PUBLIC KEY BLOCK-----\nmQINBErgSTsBEACh2A4b0O9t+vzC9VrVtL1AKvUWi9OPCjkvR7Xd8DtJxeeMZ5eF\n-----END PGP PUBLIC KEY BLOCK-----\n")
                .setScopes(List.of("registry.access.redhat.com", "registry.redhat.io"))
                .build();
    }

    private static TrustedKey cosignKey() {
        return TrustedKey.newBuilder()
                .setName("example-cosign")
                .setKeyType(TrustedKeyType.CosignECDSA)
                .setPublicKey(
                        "-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE...\n-----END PUBLIC KEY-----\n")
                .setScopes(List.of("quay.io/example", "quay.io/example/api"))
                .setIdentity(SignedIdentity.newBuilder()
                        .setType(SignedIdentityType.RemapIdentity)
                        .setPrefix("registry.lab.example.com:5000/example")
                        .setSignedPrefix("quay.io/example")
                        .build())
                .setValidFrom(Instant.parse("2026-01-01T00:00:00Z"))
                .setValidUntil(Instant.parse("2027-01-01T00:00:00Z"))
                .build();
    }

    static DeadLetter deadLetter() {
        return DeadLetter.newBuilder()
                .setSourceTopic("imagepipe.import.requests")
                .setPartition(3)
                .setOffset(1042L)
                .setKey(ByteBuffer.wrap((NAMESPACE + "/" + STREAM).getBytes(StandardCharsets.UTF_8)))
                .setValue(ByteBuffer.wrap(new byte[] {0, 0, 0, 0, 42, 2, 'x'}))
                .setErrorClass("org.apache.kafka.common.errors.SerializationException")
                .setErrorMessage("Error retrieving Avro schema for id 42")
                .setApplication("importer")
                .setFailedAt(Instant.parse("2026-03-01T09:15:00.900Z"))
                .build();
    }

    private static ObjectMeta streamMeta(long generation) {
        return ObjectMeta.newBuilder()
                .setNamespace(NAMESPACE)
                .setName(STREAM)
                .setUid("0c2a8e5e-8d3c-4f51-a7b2-5e0d3c9b7f41")
                .setGeneration(generation)
                .setCreationTimestamp(Instant.parse("2026-01-10T08:00:00Z"))
                .setResourceVersion("48213")
                .setAnnotations(Map.of("openshift.io/image.dockerRepositoryCheck", "2026-03-01T09:15:00Z"))
                .build();
    }

    private static ObjectMeta imageMeta(String digest) {
        return ObjectMeta.newBuilder()
                .setName(digest)
                .setAnnotations(Map.of("image.openshift.io/dockerLayersOrder", "ascending"))
                .setCreationTimestamp(REQUESTED_AT)
                .build();
    }

    private static ObjectReference dockerImage(String pullSpec) {
        return ObjectReference.newBuilder()
                .setKind("DockerImage")
                .setName(pullSpec)
                .build();
    }

    private static ImageManifest manifest(String digest, long size, String architecture, String variant) {
        return ImageManifest.newBuilder()
                .setDigest(digest)
                .setMediaType(OCI_MANIFEST)
                .setManifestSize(size)
                .setArchitecture(architecture)
                .setOs("linux")
                .setVariant(variant)
                .build();
    }

    private static RegistryLocation registry(String domainName, boolean insecure) {
        return RegistryLocation.newBuilder()
                .setDomainName(domainName)
                .setInsecure(insecure)
                .build();
    }

    private static Status success() {
        return Status.newBuilder().setStatus(StatusOutcome.Success).setCode(200).build();
    }

    /** A well-formed sha256 digest whose hex starts with the given prefix, as the test vectors abbreviate them. */
    private static String digest(String hexPrefix) {
        String hex = sha256Hex(hexPrefix.getBytes(StandardCharsets.UTF_8));
        return "sha256:" + hexPrefix + hex.substring(hexPrefix.length());
    }

    private static String configDigest(String architecture) {
        return "sha256:" + sha256Hex(("config " + architecture).getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required on every JVM", e);
        }
    }
}
