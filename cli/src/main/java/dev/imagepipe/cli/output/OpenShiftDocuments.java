package dev.imagepipe.cli.output;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.imagepipe.schemas.avro.ImageStreamImport;
import dev.imagepipe.schemas.avro.ImportPolicy;
import java.time.format.DateTimeFormatter;

/**
 * Records shaped as documents a user recognises: an import result as the ImageStreamImport OpenShift returns, a policy
 * as the document {@code imagepipe policy apply} reads back.
 */
public final class OpenShiftDocuments {

    public static final String IMAGE_API_VERSION = "image.openshift.io/v1";
    public static final String IMAGE_STREAM_IMPORT_KIND = "ImageStreamImport";

    /** Annotations that carry the record fields OpenShift's ImageStreamImport has no place for. */
    public static final String REQUESTED_AT_ANNOTATION = "imagepipe.dev/requested-at";

    public static final String COMPLETED_AT_ANNOTATION = "imagepipe.dev/completed-at";
    public static final String CAUSE_ANNOTATION = "imagepipe.dev/cause";

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
}
