package dev.imagepipe.cli.imports;

import dev.imagepipe.cli.document.DocumentException;
import dev.imagepipe.cli.document.Documents;
import dev.imagepipe.cli.document.Fields;
import dev.imagepipe.cli.document.Node;
import dev.imagepipe.schemas.avro.ImageImportSpec;
import dev.imagepipe.schemas.avro.ImageStreamImportRequest;
import dev.imagepipe.schemas.avro.ImageStreamImportSpec;
import dev.imagepipe.schemas.avro.ImportCause;
import dev.imagepipe.schemas.avro.ImportMode;
import dev.imagepipe.schemas.avro.LocalObjectReference;
import dev.imagepipe.schemas.avro.ObjectMeta;
import dev.imagepipe.schemas.avro.ObjectReference;
import dev.imagepipe.schemas.avro.ReferencePolicyType;
import dev.imagepipe.schemas.avro.RepositoryImportSpec;
import dev.imagepipe.schemas.avro.TagImportPolicy;
import dev.imagepipe.schemas.avro.TagReferencePolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an ImageStreamImport document, exactly as it would be POSTed to OpenShift, into the request the importer
 * reads from {@code import.requests}.
 *
 * <p>In: {@code apiVersion: image.openshift.io/v1}, {@code kind: ImageStreamImport}, {@code metadata} (name,
 * namespace, uid, resourceVersion, labels, annotations), {@code spec} ({@code import}, {@code images[]}, {@code
 * repository}); {@code status} only empty. Out: the request with A2.2 defaulting applied, cause User, the submission's
 * time, and the submission's uid unless the document has its own (OpenShift's optimistic lock, A2.4, kept as given).
 * Unknown fields, wrong types and A2.3 violations are refused with a {@link DocumentException} naming the path.
 */
public final class ImportDocument {

    private static final Set<String> ROOT_FIELDS = Set.of("apiVersion", "kind", "metadata", "spec", "status");
    private static final Set<String> METADATA_FIELDS =
            Set.of("name", "namespace", "uid", "resourceVersion", "labels", "annotations");
    private static final Set<String> SPEC_FIELDS = Set.of("import", "images", "repository");
    private static final Set<String> IMAGE_FIELDS =
            Set.of("from", "to", "importPolicy", "referencePolicy", "includeManifest");
    private static final Set<String> REPOSITORY_FIELDS =
            Set.of("from", "importPolicy", "referencePolicy", "includeManifest");
    private static final Set<String> FROM_FIELDS = Set.of("kind", "name", "namespace");
    private static final Set<String> TO_FIELDS = Set.of("name");
    private static final Set<String> IMPORT_POLICY_FIELDS = Set.of("insecure", "scheduled", "importMode");
    private static final Set<String> REFERENCE_POLICY_FIELDS = Set.of("type");

    private ImportDocument() {}

    /**
     * The request in {@code file}.
     *
     * @param namespace the namespace to use when {@code metadata.namespace} is absent (the CLI's {@code --namespace})
     * @throws DocumentException when the document is not a valid ImageStreamImport
     */
    public static ImageStreamImportRequest read(Path file, Optional<String> namespace, Submission submission) {
        return parse(Documents.read(file), namespace, submission);
    }

    /** The request in an already parsed document. */
    public static ImageStreamImportRequest parse(Node root, Optional<String> namespace, Submission submission) {
        Fields fields = root.fields(ROOT_FIELDS);
        expect(fields, "apiVersion", ImportRequests.API_VERSION);
        expect(fields, "kind", ImportRequests.KIND);
        fields.get("status").ifPresent(status -> {
            if (!status.entries().isEmpty()) {
                throw status.error("is set by the importer; leave it out");
            }
        });
        ObjectMeta metadata = metadata(fields.required("metadata"), namespace, submission);
        Node specNode = fields.required("spec");
        ImageStreamImportSpec spec = spec(specNode);
        List<Violation> violations = ImportSpecRules.validate(spec);
        if (!violations.isEmpty()) {
            Violation first = violations.getFirst();
            throw new DocumentException(root.source(), first.path(), first.message());
        }
        return ImageStreamImportRequest.newBuilder()
                .setMetadata(metadata)
                .setSpec(spec)
                .setRequestedAt(submission.requestedAt())
                .setCause(ImportCause.User)
                .build();
    }

    private static void expect(Fields fields, String name, String expected) {
        Node node = fields.required(name);
        if (!node.string().equals(expected)) {
            throw node.error("expected " + expected);
        }
    }

    private static ObjectMeta metadata(Node node, Optional<String> namespace, Submission submission) {
        Fields fields = node.fields(METADATA_FIELDS);
        Node nameNode = fields.required("name");
        Optional<Node> namespaceNode = fields.get("namespace");
        String resolved = namespaceNode
                .map(Node::string)
                .or(() -> namespace)
                .orElseThrow(() -> node.error("namespace is required: set metadata.namespace or pass --namespace"));
        if (namespaceNode.isPresent()
                && namespace.isPresent()
                && !namespace.get().equals(resolved)) {
            throw namespaceNode.get().error("\"" + resolved + "\" does not match --namespace " + namespace.get());
        }
        try {
            ImportTarget.checkNamespace(resolved);
        } catch (IllegalArgumentException e) {
            throw namespaceNode.map(n -> n.error(e.getMessage())).orElseGet(() -> node.error(e.getMessage()));
        }
        String name = nameNode.string();
        try {
            ImportTarget.checkStream(resolved, name);
        } catch (IllegalArgumentException e) {
            throw nameNode.error(e.getMessage());
        }
        return ObjectMeta.newBuilder()
                .setNamespace(resolved)
                .setName(name)
                .setUid(fields.get("uid").map(Node::nonEmptyString).orElse(submission.uid()))
                .setResourceVersion(
                        fields.get("resourceVersion").map(Node::nonEmptyString).orElse(null))
                .setLabels(fields.get("labels").map(Node::stringMap).orElse(Map.of()))
                .setAnnotations(fields.get("annotations").map(Node::stringMap).orElse(Map.of()))
                .build();
    }

    private static ImageStreamImportSpec spec(Node node) {
        Fields fields = node.fields(SPEC_FIELDS);
        return ImageStreamImportSpec.newBuilder()
                .setImport$(fields.bool("import", false))
                .setImages(fields.list("images").stream()
                        .map(ImportDocument::image)
                        .map(ImportSpecRules::defaulted)
                        .toList())
                .setRepository(
                        fields.get("repository").map(ImportDocument::repository).orElse(null))
                .build();
    }

    private static ImageImportSpec image(Node node) {
        Fields fields = node.fields(IMAGE_FIELDS);
        ImageImportSpec.Builder image = ImageImportSpec.newBuilder()
                .setFrom(from(fields.required("from")))
                .setTo(fields.get("to")
                        .map(to -> LocalObjectReference.newBuilder()
                                .setName(to.fields(TO_FIELDS).string("name").orElse(""))
                                .build())
                        .orElse(null))
                .setIncludeManifest(fields.bool("includeManifest", false));
        fields.get("importPolicy").map(ImportDocument::importPolicy).ifPresent(image::setImportPolicy);
        fields.get("referencePolicy").map(ImportDocument::referencePolicy).ifPresent(image::setReferencePolicy);
        return image.build();
    }

    private static RepositoryImportSpec repository(Node node) {
        Fields fields = node.fields(REPOSITORY_FIELDS);
        RepositoryImportSpec.Builder repository = RepositoryImportSpec.newBuilder()
                .setFrom(from(fields.required("from")))
                .setIncludeManifest(fields.bool("includeManifest", false));
        fields.get("importPolicy").map(ImportDocument::importPolicy).ifPresent(repository::setImportPolicy);
        fields.get("referencePolicy").map(ImportDocument::referencePolicy).ifPresent(repository::setReferencePolicy);
        return repository.build();
    }

    /** Kind and name are checked by {@link ImportSpecRules} so the messages are OpenShift's. */
    private static ObjectReference from(Node node) {
        Fields fields = node.fields(FROM_FIELDS);
        return ObjectReference.newBuilder()
                .setKind(fields.string("kind").orElse(""))
                .setName(fields.string("name").orElse(""))
                .setNamespace(fields.string("namespace").orElse(null))
                .build();
    }

    /** An empty importMode means the cluster default (A2.2), which the importer resolves from the policy. */
    private static TagImportPolicy importPolicy(Node node) {
        Fields fields = node.fields(IMPORT_POLICY_FIELDS);
        ImportMode mode = fields.get("importMode")
                .filter(m -> !m.string().isEmpty())
                .map(m -> m.oneOf(List.of(ImportMode.values())))
                .orElse(null);
        return TagImportPolicy.newBuilder()
                .setInsecure(fields.bool("insecure", false))
                .setScheduled(fields.bool("scheduled", false))
                .setImportMode(mode)
                .build();
    }

    /** An empty type means Source (A2.2). */
    private static TagReferencePolicy referencePolicy(Node node) {
        Fields fields = node.fields(REFERENCE_POLICY_FIELDS);
        ReferencePolicyType type = fields.get("type")
                .filter(t -> !t.string().isEmpty())
                .map(t -> t.oneOf(List.of(ReferencePolicyType.values())))
                .orElse(ReferencePolicyType.Source);
        return TagReferencePolicy.newBuilder().setType(type).build();
    }
}
