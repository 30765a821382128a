package dev.imagepipe.auditor.log;

import dev.imagepipe.tagger.signature.SignedContent;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A signature verdict from {@code signatures} (Avro {@code ImageSignature}, key {@code <digest>@<signature name>}).
 *
 * @param name {@code metadata.name}, {@code <image digest>@<signature name>}
 * @param type the signature's type ({@code AtomicImageV1}, the cosign type, or one this build does not know)
 * @param content what can be verified again; empty for a type this build cannot read or a cosign signature missing
 *     its signature annotation
 * @param conditions the verdict's conditions
 */
public record SignatureEntry(
        String name, String type, Optional<SignedContent> content, List<SignatureState> conditions) {

    public SignatureEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(content, "content");
        conditions = List.copyOf(conditions);
    }

    /** The digest of the image the signature belongs to: the part of the name before the first {@code @}. */
    public String digest() {
        int at = name.indexOf('@');
        return at < 0 ? name : name.substring(0, at);
    }

    /** The {@code Trusted} condition, if the verdict has one. */
    public Optional<SignatureState> trusted() {
        return conditions.stream()
                .filter(c -> SignatureState.TRUSTED.equals(c.type()))
                .findFirst();
    }

    /** Whether the tagger judged the signature {@code Trusted=True}. */
    public boolean trustedTrue() {
        return trusted().map(c -> "True".equals(c.status())).orElse(false);
    }
}
