package dev.imagepipe.cli.policy;

import dev.imagepipe.cli.document.DocumentException;
import dev.imagepipe.cli.document.Documents;
import dev.imagepipe.cli.document.Fields;
import dev.imagepipe.cli.document.Node;
import dev.imagepipe.schemas.avro.ImportMode;
import dev.imagepipe.schemas.avro.ImportPolicy;
import dev.imagepipe.schemas.avro.ImportScheduling;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Reads a policy document (YAML or JSON) into the {@link ImportPolicy} the pipeline reads from the policy topic.
 *
 * <p>In: a mapping with the field names of images.config.openshift.io ({@code allowedRegistriesForImport}, {@code
 * registrySources}, {@code additionalTrustedCA}, {@code internalRegistryHostname}, {@code externalRegistryHostnames}),
 * ImageContentPolicy ({@code repositoryDigestMirrors}), signature trust ({@code trustedKeys}, {@code
 * signatureRequirements}, {@code signatureStores}) and limits ({@code defaultImportMode}, {@code
 * maxImagesBulkImportedPerRepository}, {@code scheduling}). Out: the policy, fields left out taking the schema's
 * defaults. Unknown fields, wrong types and credentials are refused with a {@link DocumentException} naming the path.
 *
 * <p>The CLI maps documents straight to the Avro record: it has no domain logic of its own between the file and the
 * topic, so a separate domain model would only be a second copy of the schema.
 */
public final class PolicyDocument {

    /** The policy every service reads unless told otherwise, as OpenShift's singleton config is named. */
    public static final String DEFAULT_NAME = "cluster";

    /** -1 means no limit for the bulk-import cap and the per-minute budget, as in OpenShift's configuration. */
    static final int UNLIMITED = -1;

    private static final Set<String> FIELDS = Set.of(
            "allowedRegistriesForImport",
            "registrySources",
            "repositoryDigestMirrors",
            "additionalTrustedCA",
            "trustedKeys",
            "signatureRequirements",
            "signatureStores",
            "defaultImportMode",
            "maxImagesBulkImportedPerRepository",
            "scheduling",
            "internalRegistryHostname",
            "externalRegistryHostnames");

    private static final Set<String> SCHEDULING_FIELDS = Set.of("minimumIntervalSeconds", "perMinuteBudget");

    /** The PEM armour every certificate in a bundle starts with. */
    private static final String PEM_CERTIFICATE = "-----BEGIN CERTIFICATE-----";

    private PolicyDocument() {}

    /** The policy in {@code file}, named {@value #DEFAULT_NAME}. */
    public static ImportPolicy read(Path file) {
        return read(file, DEFAULT_NAME);
    }

    /**
     * The policy in {@code file}, named {@code name}.
     *
     * @throws DocumentException when the file cannot be read or holds anything a policy must not
     */
    public static ImportPolicy read(Path file, String name) {
        return parse(Documents.read(file), name);
    }

    /** The policy in an already parsed document. */
    public static ImportPolicy parse(Node root, String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a policy needs a name");
        }
        CredentialGuard.check(root);
        Fields fields = root.fields(FIELDS);
        ImportPolicy.Builder policy = ImportPolicy.newBuilder()
                .setName(name)
                .setAllowedRegistriesForImport(
                        RegistrySection.allowedRegistries(fields.list("allowedRegistriesForImport")))
                .setRegistrySources(
                        RegistrySection.sources(fields.get("registrySources")).orElse(null))
                .setRepositoryDigestMirrors(RegistrySection.mirrors(fields.list("repositoryDigestMirrors")))
                .setAdditionalTrustedCA(fields.get("additionalTrustedCA")
                        .map(PolicyDocument::pemBundle)
                        .orElse(null))
                .setTrustedKeys(SignatureTrustSection.trustedKeys(fields.list("trustedKeys")))
                .setSignatureRequirements(SignatureTrustSection.requirements(fields.list("signatureRequirements")))
                .setSignatureStores(SignatureTrustSection.stores(fields.list("signatureStores")))
                .setInternalRegistryHostname(fields.get("internalRegistryHostname")
                        .map(Node::nonEmptyString)
                        .orElse(null))
                .setExternalRegistryHostnames(RegistrySection.nonEmptyStrings(fields, "externalRegistryHostnames"));
        fields.get("defaultImportMode")
                .map(mode -> mode.oneOf(List.of(ImportMode.values())))
                .ifPresent(policy::setDefaultImportMode);
        fields.get("maxImagesBulkImportedPerRepository")
                .map(PolicyDocument::limit)
                .ifPresent(policy::setMaxImagesBulkImportedPerRepository);
        fields.get("scheduling").map(PolicyDocument::scheduling).ifPresent(policy::setScheduling);
        return policy.build();
    }

    /** OpenShift names a ConfigMap here; imagepipe has no ConfigMaps, so the bundle itself is written inline. */
    private static String pemBundle(Node node) {
        String text = node.nonEmptyString();
        if (!text.contains(PEM_CERTIFICATE)) {
            throw node.error("expected a PEM bundle of CA certificates (" + PEM_CERTIFICATE + " ...)");
        }
        return text;
    }

    private static ImportScheduling scheduling(Node node) {
        Fields fields = node.fields(SCHEDULING_FIELDS);
        ImportScheduling.Builder scheduling = ImportScheduling.newBuilder();
        fields.get("minimumIntervalSeconds")
                .map(PolicyDocument::positive)
                .ifPresent(scheduling::setMinimumIntervalSeconds);
        fields.get("perMinuteBudget").map(PolicyDocument::limit).ifPresent(scheduling::setPerMinuteBudget);
        return scheduling.build();
    }

    private static int limit(Node node) {
        int value = node.integer();
        if (value < UNLIMITED) {
            throw node.error("must be " + UNLIMITED + " (unlimited) or more");
        }
        return value;
    }

    private static int positive(Node node) {
        int value = node.integer();
        if (value < 1) {
            throw node.error("must be at least 1");
        }
        return value;
    }
}
