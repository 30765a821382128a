package dev.imagepipe.importer.policy;

import java.util.List;
import java.util.Objects;

/**
 * One {@code repositoryDigestMirrors} entry of an ImageContentPolicy (config.openshift.io/v1).
 *
 * @param source the repository users write in pull specs ({@code quay.io/openshift})
 * @param mirrors repositories holding the same images, in priority order
 * @param allowMirrorByTags whether the mirrors may also serve tag references; by default only digest references
 */
public record MirrorSet(String source, List<String> mirrors, boolean allowMirrorByTags) {

    public MirrorSet {
        Objects.requireNonNull(source, "source");
        mirrors = List.copyOf(mirrors);
    }
}
