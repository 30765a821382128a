package dev.imagepipe.bench;

/**
 * The three registry workloads of the client benchmark, implemented once by the client under test and once by a bare
 * {@code java.net.http} loop issuing the same requests.
 */
interface RegistryOps {

    /** One HEAD of a tag's manifest: what an unchanged tag costs. */
    void head(String repository, String tag) throws Exception;

    /** GET of a single-platform manifest and its config blob: a new digest. */
    void fetchImage(String repository, String tag) throws Exception;

    /** GET of an index, then each child's manifest and config blob: a full multi-arch expansion. */
    void expand(String repository, String tag) throws Exception;
}
