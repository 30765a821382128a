package dev.imagepipe.auditor.invariant;

import java.util.Objects;

/**
 * One string of a decoded record, for {@link CredentialScan}.
 *
 * @param path where in the record, e.g. {@code metadata.annotations[note]} or {@code dockerImageConfig}
 * @param text the string; for a map entry {@code key: value}, so header-shaped entries read as headers
 */
public record ScannedText(String path, String text) {

    public ScannedText {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(text, "text");
    }
}
