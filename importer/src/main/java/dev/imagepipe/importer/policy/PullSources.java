package dev.imagepipe.importer.policy;

import dev.imagepipe.importer.reference.ImageReference;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The ordered places to fetch one reference from: its mirrors ({@link MirrorResolver}), then the source itself,
 * always last. Candidates in a blocked scope are dropped, mirrors included, so a blocked source with mirrors can still
 * be imported through them; each candidate is insecure when the request asked for it or an insecure scope holds it.
 */
public final class PullSources {

    private final MirrorResolver mirrors;
    private final RegistrySources registrySources;

    public PullSources(MirrorResolver mirrors, RegistrySources registrySources) {
        this.mirrors = mirrors;
        this.registrySources = registrySources;
    }

    /**
     * The candidates for {@code reference}, in the order to try them; empty when every candidate is blocked.
     *
     * @param requestedInsecure the request's {@code importPolicy.insecure}
     */
    public List<PullSource> forReference(ImageReference reference, boolean requestedInsecure) {
        List<ImageReference> candidates = new ArrayList<>(mirrors.mirrorsFor(reference));
        candidates.add(reference);
        String sourceName = reference.normalizedName();
        Set<String> seen = new HashSet<>();
        List<PullSource> sources = new ArrayList<>();
        for (ImageReference candidate : candidates) {
            String name = candidate.normalizedName();
            if (!seen.add(name) || registrySources.isBlocked(candidate)) {
                continue;
            }
            sources.add(new PullSource(
                    candidate, !name.equals(sourceName), registrySources.isInsecure(candidate, requestedInsecure)));
        }
        return List.copyOf(sources);
    }
}
