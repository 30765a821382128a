package dev.imagepipe.tagger.signature;

import dev.imagepipe.importer.policy.RegistryScope;
import java.util.Objects;

/**
 * How the identity a signature claims ({@code critical.identity.docker-reference}) must relate to the reference the
 * image was imported as: containers-policy {@code signedIdentity} (A14.5, {@code policy_reference_match.go}). Neither
 * side gets a default tag; a name-only reference matches only under {@link MatchRepository}.
 */
public sealed interface IdentityRule {

    /** The default rule: {@link MatchRepoDigestOrExact}. */
    IdentityRule DEFAULT = new MatchRepoDigestOrExact();

    /** Whether a signature claiming {@code signed} may stand for an image imported as {@code image}. */
    boolean matches(DockerReference image, DockerReference signed);

    /**
     * The default: an image referenced by tag needs exactly that reference signed; an image referenced by digest only
     * needs the same repository (the digest itself is checked against the signed digest separately).
     */
    record MatchRepoDigestOrExact() implements IdentityRule {
        @Override
        public boolean matches(DockerReference image, DockerReference signed) {
            if (signed.nameOnly()) {
                return false;
            }
            if (image.tag().isPresent()) {
                return signed.toString().equals(image.toString());
            }
            return image.digest().isPresent() && signed.name().equals(image.name());
        }
    }

    /** The signed reference must equal the image reference, tag and digest included. */
    record MatchExact() implements IdentityRule {
        @Override
        public boolean matches(DockerReference image, DockerReference signed) {
            return !image.nameOnly() && !signed.nameOnly() && signed.toString().equals(image.toString());
        }
    }

    /** Any signed tag or digest of the same repository matches. */
    record MatchRepository() implements IdentityRule {
        @Override
        public boolean matches(DockerReference image, DockerReference signed) {
            return signed.name().equals(image.name());
        }
    }

    /**
     * For mirrors: when the image's repository lies under {@code prefix}, that prefix is replaced by
     * {@code signedPrefix} before {@link MatchRepoDigestOrExact} is applied; otherwise the image reference is used as
     * it is. Prefixes are normalized names ({@code host[:port]}, {@code host/namespace} or a repository) and match on
     * component boundaries.
     *
     * @param prefix the image-side prefix, e.g. {@code mirror.example.com/rhel}
     * @param signedPrefix what the signer called it, e.g. {@code registry.redhat.io/rhel}
     */
    record RemapIdentity(String prefix, String signedPrefix) implements IdentityRule {

        public RemapIdentity {
            Objects.requireNonNull(prefix, "prefix");
            Objects.requireNonNull(signedPrefix, "signedPrefix");
            if (prefix.isEmpty() || signedPrefix.isEmpty()) {
                throw new IllegalArgumentException("remapIdentity needs a non-empty prefix and signedPrefix");
            }
            if (prefix.contains("*") || signedPrefix.contains("*")) {
                // containers-policy remaps literal prefixes only; a wildcard has no text to substitute.
                throw new IllegalArgumentException("remapIdentity prefixes cannot contain wildcards: " + prefix);
            }
        }

        @Override
        public boolean matches(DockerReference image, DockerReference signed) {
            return DEFAULT.matches(remap(image), signed);
        }

        private DockerReference remap(DockerReference image) {
            if (!RegistryScope.isNestedInside(image.name(), prefix)) {
                return image;
            }
            String remapped = signedPrefix + image.name().substring(prefix.length());
            return new DockerReference(remapped, image.tag(), image.digest());
        }
    }
}
