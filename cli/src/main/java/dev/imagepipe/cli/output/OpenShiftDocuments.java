package dev.imagepipe.cli.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.imagepipe.schemas.avro.Image;
import dev.imagepipe.schemas.avro.ImageSignature;
import dev.imagepipe.schemas.avro.ImageStream;
import dev.imagepipe.schemas.avro.ImageStreamImport;
import dev.imagepipe.schemas.avro.ImageStreamTagView;
import dev.imagepipe.schemas.avro.ImportPolicy;
import dev.imagepipe.schemas.avro.TagEvent;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Records shaped as documents a user recognises: an import result as the ImageStreamImport OpenShift returns, a policy
 * as the document {@code imagepipe policy apply} reads back, the tagger's tables as OpenShift's ImageStream,
 * ImageStreamTag, Image and ImageSignature, several of them as a kubectl {@code List}.
 */
public final class OpenShiftDocuments {

    public static final String IMAGE_API_VERSION = "image.openshift.io/v1";
    public static final String IMAGE_STREAM_IMPORT_KIND = "ImageStreamImport";

    /** Annotations that carry the record fields OpenShift's ImageStreamImport has no place for. */
    public static final String REQUESTED_AT_ANNOTATION = "imagepipe.dev/requested-at";

    public static final String COMPLETED_AT_ANNOTATION = "imagepipe.dev/completed-at";
    public static final String CAUSE_ANNOTATION = "imagepipe.dev/cause";

    /** When a tag view last changed (event time); OpenShift's ImageStreamTag has no field for it. */
    public static final String UPDATED_AT_ANNOTATION = "imagepipe.dev/updated-at";

    /** kubectl's wrapper for several objects. */
    static final String LIST_API_VERSION = "v1";

    static final String LIST_KIND = "List";

    private OpenShiftDocuments() {}

    /**
     * {@code apiVersion}, {@code kind}, {@code metadata}, {@code spec}, {@code status}; the request and completion
     * times and the cause go into annotations so nothing of the record is lost.
     */
    public static ObjectNode imageStreamImport(ImageStreamImport result) {
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.put("apiVersion", IMAGE_API_VERSION);
        document.put("kind", IMAGE_STREAM_IMPORT_KIND);
        ObjectNode metadata = AvroJson.object(result.getMetadata());
        ObjectNode annotations = metadata.has("annotations")
                ? (ObjectNode) metadata.get("annotations")
                : metadata.putObject("annotations");
        annotations.put(REQUESTED_AT_ANNOTATION, DateTimeFormatter.ISO_INSTANT.format(result.getRequestedAt()));
        annotations.put(COMPLETED_AT_ANNOTATION, DateTimeFormatter.ISO_INSTANT.format(result.getCompletedAt()));
        annotations.put(CAUSE_ANNOTATION, result.getCause().name());
        document.set("metadata", metadata);
        document.set("spec", AvroJson.object(result.getSpec()));
        document.set("status", AvroJson.object(result.getStatus()));
        return document;
    }

    /** The policy without its name (the record key), so the output can be applied again as it is. */
    public static ObjectNode policy(ImportPolicy policy) {
        ObjectNode document = AvroJson.object(policy);
        document.remove("name");
        return document;
    }

    /** An ImageStream as OpenShift serves it: {@code metadata}, {@code spec}, {@code status}. */
    public static ObjectNode imageStream(ImageStream stream) {
        return typed("ImageStream", AvroJson.object(stream));
    }

    /**
     * A tag view as OpenShift's ImageStreamTag: {@code metadata.name} {@code stream:tag}, {@code tag} (the spec tag),
     * {@code generation}, {@code lookupPolicy}, {@code conditions}, and {@code image} naming the current image by
     * digest and reference (OpenShift embeds the whole Image, which lives on {@code images}). What OpenShift has no
     * field for follows: the tag's {@code history} (newest first), the {@code resolvedPullSpec} after its reference
     * policy, and the {@code schedule} of its scheduled imports.
     */
    public static ObjectNode imageStreamTag(ImageStreamTagView view) {
        ObjectNode document = header("ImageStreamTag");
        ObjectNode metadata = document.putObject("metadata");
        metadata.put("namespace", view.getNamespace());
        metadata.put("name", view.getStream() + ":" + view.getTag());
        metadata.putObject("annotations")
                .put(UPDATED_AT_ANNOTATION, DateTimeFormatter.ISO_INSTANT.format(view.getUpdatedAt()));
        if (view.getSpec() != null) {
            document.set("tag", AvroJson.object(view.getSpec()));
        }
        List<TagEvent> items = view.getHistory().getItems();
        if (!items.isEmpty()) {
            document.put("generation", items.getFirst().getGeneration());
        }
        document.set("lookupPolicy", AvroJson.object(view.getLookupPolicy()));
        setIfPresent(document, "conditions", AvroJson.value(view.getHistory().getConditions()));
        if (!items.isEmpty()) {
            ObjectNode image = document.putObject("image");
            image.putObject("metadata").put("name", items.getFirst().getImage());
            image.put("dockerImageReference", items.getFirst().getDockerImageReference());
        }
        setIfPresent(document, "history", AvroJson.value(items));
        if (view.getResolvedPullSpec() != null) {
            document.put("resolvedPullSpec", view.getResolvedPullSpec());
        }
        if (view.getSchedule() != null) {
            document.set("schedule", AvroJson.object(view.getSchedule()));
        }
        return document;
    }

    /** An Image as OpenShift serves it, named by its digest. */
    public static ObjectNode image(Image image) {
        return typed("Image", AvroJson.object(image));
    }

    /** An ImageSignature as OpenShift serves it, named {@code digest@signature}, with its verification conditions. */
    public static ObjectNode imageSignature(ImageSignature signature) {
        return typed("ImageSignature", AvroJson.object(signature));
    }

    /** Several documents as kubectl prints them: {@code apiVersion: v1, kind: List, items: [...]}. */
    public static ObjectNode list(List<ObjectNode> items) {
        ObjectNode list = JsonNodeFactory.instance.objectNode();
        list.put("apiVersion", LIST_API_VERSION);
        list.put("kind", LIST_KIND);
        ArrayNode array = list.putArray("items");
        items.forEach(array::add);
        return list;
    }

    private static ObjectNode header(String kind) {
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.put("apiVersion", IMAGE_API_VERSION);
        document.put("kind", kind);
        return document;
    }

    /** {@code apiVersion} and {@code kind} first, then the record's fields. */
    private static ObjectNode typed(String kind, ObjectNode body) {
        ObjectNode document = header(kind);
        document.setAll(body);
        return document;
    }

    private static void setIfPresent(ObjectNode document, String field, com.fasterxml.jackson.databind.JsonNode value) {
        if (value != null) {
            document.set(field, value);
        }
    }
}
