package dev.imagepipe.importer.request;

import dev.imagepipe.importer.fetch.ImportMode;
import dev.imagepipe.importer.reference.ImageReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plans a valid request into fetches (A6.1): spec images asking for the same repository and tag or digest, with the
 * same import mode and insecure flag, are fetched once and the result fans out to each. Unlike OpenShift, whose
 * repositories come out in map order, the plan keeps spec order, so replays repeat it exactly.
 */
public final class ImportPlanner {

    private ImportPlanner() {}

    /**
     * @param request a request {@link RequestValidator} accepted
     * @param defaultMode the policy's import mode for specs that set none (A2.2)
     */
    public static List<PlannedFetch> plan(ImportRequest request, ImportMode defaultMode) {
        Map<FetchKey, List<Integer>> byKey = new LinkedHashMap<>();
        Map<FetchKey, String> written = new LinkedHashMap<>();
        for (int i = 0; i < request.images().size(); i++) {
            ImportRequest.ImageSpec spec = request.images().get(i);
            ImportMode mode = spec.importMode().orElse(defaultMode);
            FetchKey key = FetchKey.of(ImageReference.parse(spec.fromName()), mode, spec.insecure());
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
            written.putIfAbsent(key, spec.fromName());
        }
        List<PlannedFetch> plan = new ArrayList<>();
        byKey.forEach((key, indexes) ->
                plan.add(new PlannedFetch(plan.size(), written.get(key), false, indexes, key.mode(), key.insecure())));
        request.repository()
                .ifPresent(repository -> plan.add(new PlannedFetch(
                        plan.size(),
                        repository.fromName(),
                        true,
                        List.of(),
                        repository.importMode().orElse(defaultMode),
                        repository.insecure())));
        return List.copyOf(plan);
    }

    /**
     * The tag a spec image is imported into (A2.2): {@code to.name} when given, else the tag of {@code from}; a
     * digest-only or tag-less {@code from} without {@code to} is imported but not tagged.
     */
    public static Optional<String> targetTag(ImportRequest.ImageSpec spec) {
        if (spec.toName().isPresent()) {
            return spec.toName();
        }
        return ImageReference.parse(spec.fromName()).tag();
    }

    /**
     * What makes two spec images the same fetch. The repository is compared as written, not canonicalised, because
     * each spec's {@code dockerImageReference} is built from its own spelling (A5.4.7); the preferred platform is
     * request-wide, so it is not needed.
     */
    private record FetchKey(String repository, String tagOrDigest, ImportMode mode, boolean insecure) {

        static FetchKey of(ImageReference reference, ImportMode mode, boolean insecure) {
            String tagOrDigest = reference
                    .digest()
                    .map(digest -> "@" + digest)
                    .orElse(":" + reference.tag().orElse(ImageReference.DEFAULT_TAG));
            ImageReference repository = new ImageReference(
                    reference.registry(), reference.namespace(), reference.name(), Optional.empty(), Optional.empty());
            return new FetchKey(repository.exact(), tagOrDigest, mode, insecure);
        }
    }
}
