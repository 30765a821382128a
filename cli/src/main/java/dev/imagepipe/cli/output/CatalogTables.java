package dev.imagepipe.cli.output;

import dev.imagepipe.schemas.avro.ConditionStatus;
import dev.imagepipe.schemas.avro.Image;
import dev.imagepipe.schemas.avro.ImageSignature;
import dev.imagepipe.schemas.avro.ImageStream;
import dev.imagepipe.schemas.avro.ImageStreamTagView;
import dev.imagepipe.schemas.avro.NamedTagEventList;
import dev.imagepipe.schemas.avro.SignatureCondition;
import dev.imagepipe.schemas.avro.SignatureIssuer;
import dev.imagepipe.schemas.avro.TagEvent;
import dev.imagepipe.schemas.avro.TagEventCondition;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The tagger's tables as {@code imagepipe get} prints them, one row per record and a header row, in the order given.
 * Times are RFC 3339 instants (exact and sortable, where kubectl would print an age).
 */
public final class CatalogTables {

    static final List<String> STREAM_HEADER = List.of("NAMESPACE", "NAME", "TAGS", "UPDATED");
    static final List<String> TAG_HEADER =
            List.of("NAMESPACE", "NAME", "IMAGE", "PULL SPEC", "HISTORY", "UPDATED", "STATUS");
    static final List<String> IMAGE_HEADER = List.of("NAME", "REFERENCE", "MEDIA TYPE", "SIGNATURES");
    static final List<String> SIGNATURE_HEADER = List.of("NAME", "TYPE", "TRUSTED", "FOR IMAGE", "REASON", "ISSUED BY");

    /** Tag names a stream row lists before saying how many more there are, as {@code oc get is} does. */
    static final int MAX_LISTED_TAGS = 4;

    static final String TRUSTED = "Trusted";
    static final String FOR_IMAGE = "ForImage";

    private CatalogTables() {}

    /** {@code NAMESPACE NAME TAGS UPDATED}: the stream's status tags and its newest current image's time. */
    public static String streams(Collection<ImageStream> streams) {
        List<List<String>> rows = new ArrayList<>(List.of(STREAM_HEADER));
        for (ImageStream stream : streams) {
            List<NamedTagEventList> tags = stream.getStatus().getTags();
            Optional<Instant> updated = tags.stream()
                    .filter(tag -> !tag.getItems().isEmpty())
                    .map(tag -> tag.getItems().getFirst().getCreated())
                    .max(Instant::compareTo);
            rows.add(List.of(
                    text(stream.getMetadata().getNamespace()),
                    stream.getMetadata().getName(),
                    tagList(tags.stream().map(NamedTagEventList::getTag).toList()),
                    updated.map(CatalogTables::time).orElse("")));
        }
        return Table.layout(rows);
    }

    /**
     * {@code NAMESPACE NAME IMAGE PULL SPEC HISTORY UPDATED STATUS}: name {@code stream:tag}, the current image's
     * digest, the pull spec after the reference policy, how many events the history keeps, and what needs attention
     * (a failing import with its reason, a deferred scheduled import).
     */
    public static String tags(Collection<ImageStreamTagView> views) {
        List<List<String>> rows = new ArrayList<>(List.of(TAG_HEADER));
        for (ImageStreamTagView view : views) {
            List<TagEvent> items = view.getHistory().getItems();
            rows.add(List.of(
                    view.getNamespace(),
                    view.getStream() + ":" + view.getTag(),
                    items.isEmpty() ? "" : items.getFirst().getImage(),
                    text(view.getResolvedPullSpec()),
                    String.valueOf(items.size()),
                    time(view.getUpdatedAt()),
                    tagStatus(view)));
        }
        return Table.layout(rows);
    }

    /** {@code NAME REFERENCE MEDIA TYPE SIGNATURES}: the digest, where it was imported from, its manifest type. */
    public static String images(Collection<Image> images) {
        List<List<String>> rows = new ArrayList<>(List.of(IMAGE_HEADER));
        for (Image image : images) {
            rows.add(List.of(
                    image.getMetadata().getName(),
                    image.getDockerImageReference(),
                    image.getDockerImageManifestMediaType(),
                    String.valueOf(image.getSignatures().size()
                            + image.getDockerImageSignatures().size())));
        }
        return Table.layout(rows);
    }

    /** {@code NAME TYPE TRUSTED FOR IMAGE REASON ISSUED BY}: the verdict's two conditions and why. */
    public static String signatures(Collection<ImageSignature> signatures) {
        List<List<String>> rows = new ArrayList<>(List.of(SIGNATURE_HEADER));
        for (ImageSignature signature : signatures) {
            Optional<SignatureCondition> trusted = condition(signature, TRUSTED);
            Optional<SignatureCondition> forImage = condition(signature, FOR_IMAGE);
            rows.add(List.of(
                    signature.getMetadata().getName(),
                    signature.getType(),
                    trusted.map(c -> c.getStatus().name()).orElse(""),
                    forImage.map(c -> c.getStatus().name()).orElse(""),
                    reason(trusted, forImage),
                    issuer(signature.getIssuedBy())));
        }
        return Table.layout(rows);
    }

    private static String tagStatus(ImageStreamTagView view) {
        List<String> notes = new ArrayList<>();
        for (TagEventCondition condition : view.getHistory().getConditions()) {
            if (condition.getStatus() == ConditionStatus.False) {
                notes.add("ImportFailed" + (condition.getReason() == null ? "" : " (" + condition.getReason() + ")"));
            }
        }
        if (view.getSchedule() != null && view.getSchedule().getDeferred()) {
            notes.add("Deferred");
        }
        return String.join(", ", notes);
    }

    private static Optional<SignatureCondition> condition(ImageSignature signature, String type) {
        return signature.getConditions().stream()
                .filter(c -> type.equals(c.getType()))
                .findFirst();
    }

    /** The reason of the condition that is not True, Trusted's first; Trusted's reason when both are. */
    private static String reason(Optional<SignatureCondition> trusted, Optional<SignatureCondition> forImage) {
        return trusted.filter(c -> c.getStatus() != ConditionStatus.True)
                .or(() -> forImage.filter(c -> c.getStatus() != ConditionStatus.True))
                .or(() -> trusted)
                .map(SignatureCondition::getReason)
                .map(CatalogTables::text)
                .orElse("");
    }

    private static String issuer(SignatureIssuer issuer) {
        if (issuer == null) {
            return "";
        }
        return java.util.stream.Stream.of(issuer.getCommonName(), issuer.getOrganization())
                .filter(Objects::nonNull)
                .collect(Collectors.joining(", "));
    }

    private static String tagList(List<String> tags) {
        if (tags.size() <= MAX_LISTED_TAGS) {
            return String.join(",", tags);
        }
        return String.join(",", tags.subList(0, MAX_LISTED_TAGS)) + " + " + (tags.size() - MAX_LISTED_TAGS)
                + " more...";
    }

    private static String time(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    private static String text(String value) {
        return value == null ? "" : value.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
