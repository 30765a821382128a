package dev.imagepipe.tagger.history;

import java.util.Objects;
import java.util.Optional;

/**
 * One result of an import request, with what was asked for it (an aligned {@code spec.images[i]} and
 * {@code status.images[i]}, or one {@code status.repository.images[j]}).
 *
 * @param tag the stream tag the image goes to ({@code to.name}, or the repository tag); empty: not tagged (A2.2)
 * @param from the pull spec the tag should import from on later imports; for a repository tag {@code <repo>:<tag>}
 * @param importPolicy the request's import policy, which replaces the tag's on success (A11.5)
 * @param referencePolicy the request's reference policy, used only where the tag has none (A11.4)
 * @param outcome the image or the failure
 */
public record ImportEntry(
        Optional<String> tag,
        String from,
        TagImportPolicy importPolicy,
        ReferencePolicy referencePolicy,
        EntryOutcome outcome) {

    public ImportEntry {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(importPolicy, "importPolicy");
        Objects.requireNonNull(referencePolicy, "referencePolicy");
        Objects.requireNonNull(outcome, "outcome");
    }

    /**
     * The entry of one tag of a repository import; later imports of the tag read {@code <repository>:<tag>}
     * (rest.go sets the tag on the repository as written).
     */
    public static ImportEntry repositoryTag(
            String repository,
            String tag,
            TagImportPolicy importPolicy,
            ReferencePolicy referencePolicy,
            EntryOutcome outcome) {
        return new ImportEntry(Optional.of(tag), repository + ":" + tag, importPolicy, referencePolicy, outcome);
    }
}
