package dev.imagepipe.cli.imports;

import dev.imagepipe.importer.reference.ImageReference;
import dev.imagepipe.importer.reference.InvalidReferenceException;
import dev.imagepipe.schemas.avro.ImageImportSpec;
import dev.imagepipe.schemas.avro.ImageStreamImportRequest;
import dev.imagepipe.schemas.avro.ImageStreamImportSpec;
import dev.imagepipe.schemas.avro.ImportCause;
import dev.imagepipe.schemas.avro.LocalObjectReference;
import dev.imagepipe.schemas.avro.ObjectMeta;
import dev.imagepipe.schemas.avro.ObjectReference;
import dev.imagepipe.schemas.avro.RepositoryImportSpec;
import dev.imagepipe.schemas.avro.TagImportPolicy;
import dev.imagepipe.schemas.avro.TagReferencePolicy;
import java.util.List;

/**
 * Builds the request {@code imagepipe import} submits from its flags.
 *
 * <p>In: {@link ImportOptions} and the {@link Submission} stamp. Out: an ImageStreamImportRequest keyed by {@code
 * ns/stream}: {@code metadata.namespace/name} from {@code --to}, {@code metadata.uid} the submission's, cause User;
 * {@code --all} becomes {@code spec.repository}, otherwise one {@code spec.images} entry whose {@code to.name} is the
 * {@code --to} tag or, as OpenShift defaults it (A2.2), the reference's own tag.
 */
public final class ImportRequests {

    public static final String API_VERSION = "image.openshift.io/v1";
    public static final String KIND = "ImageStreamImport";

    private ImportRequests() {}

    /**
     * The request for {@code options}.
     *
     * @throws IllegalArgumentException when the flags cannot make a valid request, worded for the command line
     */
    public static ImageStreamImportRequest fromOptions(ImportOptions options, Submission submission) {
        ImageReference reference = parse(options.from());
        ImageStreamImportSpec.Builder spec = ImageStreamImportSpec.newBuilder().setImport$(!options.dryRun());
        if (options.wholeRepository()) {
            if (reference.tag().isPresent() || reference.digest().isPresent()) {
                throw new IllegalArgumentException("--all imports a whole repository: \"" + options.from()
                        + "\" names a tag or digest; you must specify an image repository, not a tag or ID");
            }
            if (options.target().tag().isPresent()) {
                throw new IllegalArgumentException("--all imports every tag of the repository under its own name;"
                        + " give --to " + options.target().key() + " without a tag");
            }
            spec.setRepository(RepositoryImportSpec.newBuilder()
                    .setFrom(dockerImage(options.from()))
                    .setImportPolicy(importPolicy(options))
                    .setReferencePolicy(referencePolicy(options))
                    .setIncludeManifest(options.includeManifest())
                    .build());
        } else {
            ImageImportSpec image = ImageImportSpec.newBuilder()
                    .setFrom(dockerImage(options.from()))
                    .setTo(options.target()
                            .tag()
                            .map(tag -> LocalObjectReference.newBuilder()
                                    .setName(tag)
                                    .build())
                            .orElse(null))
                    .setImportPolicy(importPolicy(options))
                    .setReferencePolicy(referencePolicy(options))
                    .setIncludeManifest(options.includeManifest())
                    .build();
            spec.setImages(List.of(ImportSpecRules.defaulted(image)));
        }
        ImageStreamImportSpec built = spec.build();
        List<Violation> violations = ImportSpecRules.validate(built);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException(violations.getFirst().toString());
        }
        return ImageStreamImportRequest.newBuilder()
                .setMetadata(ObjectMeta.newBuilder()
                        .setNamespace(options.target().namespace())
                        .setName(options.target().stream())
                        .setUid(submission.uid())
                        .build())
                .setSpec(built)
                .setRequestedAt(submission.requestedAt())
                .setCause(ImportCause.User)
                .build();
    }

    /** The record key of {@code request} and of its result: {@code ns/stream}. */
    public static String key(ImageStreamImportRequest request) {
        return request.getMetadata().getNamespace() + "/"
                + request.getMetadata().getName();
    }

    /**
     * Whether the request's images end up tagged in the stream: false for a single image given by digest or without a
     * tag and no tag in {@code --to} (A2.2), which users rarely mean.
     */
    public static boolean tagsSomething(ImageStreamImportRequest request) {
        ImageStreamImportSpec spec = request.getSpec();
        return spec.getRepository() != null || spec.getImages().stream().anyMatch(image -> image.getTo() != null);
    }

    private static ImageReference parse(String from) {
        try {
            return ImageReference.parse(from);
        } catch (InvalidReferenceException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static ObjectReference dockerImage(String name) {
        return ObjectReference.newBuilder()
                .setKind(ImportSpecRules.DOCKER_IMAGE)
                .setName(name)
                .build();
    }

    private static TagImportPolicy importPolicy(ImportOptions options) {
        return TagImportPolicy.newBuilder()
                .setInsecure(options.insecure())
                .setScheduled(options.scheduled())
                .setImportMode(options.mode().orElse(null))
                .build();
    }

    private static TagReferencePolicy referencePolicy(ImportOptions options) {
        return TagReferencePolicy.newBuilder()
                .setType(options.referencePolicy())
                .build();
    }
}
