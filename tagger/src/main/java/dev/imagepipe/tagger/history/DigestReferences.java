package dev.imagepipe.tagger.history;

/** Pull specs by digest, as TagEvents record them (A11.1, rest.go {@code mostAccuratePullSpec}). */
final class DigestReferences {

    private DigestReferences() {}

    /**
     * {@code reference} with its tag or digest replaced by {@code digest}: {@code <repository as written>@<digest>}.
     * The importer already writes references this way; this only guards against one that still names a tag.
     */
    static String byDigest(String reference, String digest) {
        if (digest.isEmpty()) {
            return reference;
        }
        String repository = reference;
        int at = repository.indexOf('@');
        if (at >= 0) {
            repository = repository.substring(0, at);
        }
        int colon = repository.lastIndexOf(':');
        if (colon > repository.lastIndexOf('/')) {
            repository = repository.substring(0, colon); // a tag, not a registry port: ports come before a '/'
        }
        return repository + "@" + digest;
    }
}
