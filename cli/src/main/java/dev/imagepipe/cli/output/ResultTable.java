package dev.imagepipe.cli.output;

import dev.imagepipe.schemas.avro.Image;
import dev.imagepipe.schemas.avro.ImageImportSpec;
import dev.imagepipe.schemas.avro.ImageImportStatus;
import dev.imagepipe.schemas.avro.ImageStreamImport;
import dev.imagepipe.schemas.avro.RepositoryImportStatus;
import dev.imagepipe.schemas.avro.Status;
import java.util.ArrayList;
import java.util.List;

/**
 * An import result as a table, one row per image: {@code INDEX FROM TAG STATUS REASON DIGEST MESSAGE}. Rows of
 * {@code spec.images} are numbered by their index; a repository import adds a {@code repository} row for its overall
 * status and {@code repository[i]} rows for its images, then a line listing the tags left for later
 * ({@code additionalTags}).
 */
public final class ResultTable {

    static final List<String> HEADER = List.of("INDEX", "FROM", "TAG", "STATUS", "REASON", "DIGEST", "MESSAGE");

    private ResultTable() {}

    /** The table, each line ending in a newline. */
    public static String render(ImageStreamImport result) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        List<ImageImportSpec> specs = result.getSpec().getImages();
        List<ImageImportStatus> statuses = result.getStatus().getImages();
        for (int i = 0; i < Math.max(specs.size(), statuses.size()); i++) {
            ImageImportSpec spec = i < specs.size() ? specs.get(i) : null;
            ImageImportStatus status = i < statuses.size() ? statuses.get(i) : null;
            String from = spec == null ? "" : spec.getFrom().getName();
            String tag = status != null && status.getTag() != null
                    ? status.getTag()
                    : spec != null && spec.getTo() != null ? spec.getTo().getName() : "";
            rows.add(row(String.valueOf(i), from, tag, status));
        }
        String trailer = "";
        RepositoryImportStatus repository = result.getStatus().getRepository();
        if (repository != null) {
            String from = result.getSpec().getRepository() == null
                    ? ""
                    : result.getSpec().getRepository().getFrom().getName();
            rows.add(statusRow("repository", from, "", repository.getStatus()));
            List<ImageImportStatus> images = repository.getImages();
            for (int i = 0; i < images.size(); i++) {
                ImageImportStatus image = images.get(i);
                String tag = image.getTag() == null ? "" : image.getTag();
                rows.add(row("repository[" + i + "]", from, tag, image));
            }
            if (!repository.getAdditionalTags().isEmpty()) {
                trailer = "additional tags not imported (over the bulk import limit): "
                        + String.join(", ", repository.getAdditionalTags()) + System.lineSeparator();
            }
        }
        return layout(rows) + trailer;
    }

    private static List<String> row(String index, String from, String tag, ImageImportStatus status) {
        if (status == null) {
            return List.of(index, from, tag, "Unknown", "", "", "no status for this image in the result");
        }
        List<String> row = new ArrayList<>(statusRow(index, from, tag, status.getStatus()));
        row.set(5, digest(status.getImage()));
        return row;
    }

    private static List<String> statusRow(String index, String from, String tag, Status status) {
        return List.of(
                index,
                from,
                tag,
                status.getStatus().name(),
                status.getReason() == null ? "" : status.getReason().name(),
                "",
                status.getMessage() == null ? "" : oneLine(status.getMessage()));
    }

    /** An OpenShift Image is named by its digest; the reference's {@code @digest} is the fallback. */
    private static String digest(Image image) {
        if (image == null) {
            return "";
        }
        String name = image.getMetadata().getName();
        if (name.contains(":")) {
            return name;
        }
        String reference = image.getDockerImageReference();
        int at = reference.indexOf('@');
        return at < 0 ? "" : reference.substring(at + 1);
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    private static String layout(List<List<String>> rows) {
        return Table.layout(rows);
    }
}
