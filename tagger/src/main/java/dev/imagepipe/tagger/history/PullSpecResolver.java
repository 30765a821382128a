package dev.imagepipe.tagger.history;

import java.util.Optional;

/**
 * Resolves a tag to the pull spec consumers should use (A12, OpenShift {@code ResolveReferenceForTagEvent}).
 * {@code Source} gives items[0] as imported; {@code Local} gives {@code <stream repository>@<digest>} through the
 * integrated registry, falling back to the source when the stream has no repository or the event no image (D9).
 * What is stored in the history never depends on the policy.
 */
public final class PullSpecResolver {

    /** What an empty tag name means, as everywhere in the image API (A1.7). */
    public static final String DEFAULT_TAG = "latest";

    private final RegistryHostnames hostnames;

    /**
     * @param hostnames used for a stream whose {@code status.dockerImageRepository} is still empty
     */
    public PullSpecResolver(RegistryHostnames hostnames) {
        this.hostnames = hostnames;
    }

    /** The pull spec of {@code tag} ({@code ""} is {@code latest}); empty if the tag has no image yet. */
    public Optional<String> resolve(ImageStreamState stream, String tag) {
        String name = tag.isEmpty() ? DEFAULT_TAG : tag;
        Optional<TagEvent> current = stream.statusTag(name).flatMap(TagHistory::current);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        ReferencePolicy policy =
                stream.specTag(name).map(SpecTag::effectiveReferencePolicy).orElse(ReferencePolicy.SOURCE);
        return Optional.of(resolve(current.get(), policy, localRepository(stream)));
    }

    /** The pull spec of {@code event} under {@code policy}, given the stream's repository in the internal registry. */
    public static String resolve(TagEvent event, ReferencePolicy policy, Optional<String> localRepository) {
        if (policy == ReferencePolicy.LOCAL && localRepository.isPresent() && event.hasImage()) {
            return localRepository.get() + "@" + event.image();
        }
        return event.dockerImageReference();
    }

    private Optional<String> localRepository(ImageStreamState stream) {
        String repository = stream.status().dockerImageRepository();
        return repository.isEmpty()
                ? hostnames.internalRepository(stream.namespace(), stream.name())
                : Optional.of(repository);
    }
}
