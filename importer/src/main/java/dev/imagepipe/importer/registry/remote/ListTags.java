package dev.imagepipe.importer.registry.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.imagepipe.importer.registry.FailureReason;
import dev.imagepipe.importer.registry.RegistryException;
import dev.imagepipe.importer.registry.transport.BodyLimits;
import dev.imagepipe.importer.registry.transport.RegistryRequest;
import dev.imagepipe.importer.registry.transport.RegistryResponse;
import java.io.IOException;
import java.net.URI;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /v2/<name>/tags/list?n=}: every tag, following {@code Link: <…>; rel="next"} where the registry paginates
 * (OCI distribution spec "Listing Tags"). Registries that ignore {@code n} (distribution 2.8's filesystem driver)
 * answer everything in one page without a {@code Link}, which ends the listing just the same.
 */
public final class ListTags {

    private static final Logger log = LoggerFactory.getLogger(ListTags.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A thousand per page: Docker Hub's maximum {@code n}; fewer round trips, well within the page cap. */
    public static final int PAGE_SIZE = 1000;

    /**
     * Ten thousand tags at most: far beyond any repository an import lists usefully (A9 imports the first N in
     * priority order), and it bounds memory and requests against a registry that paginates forever.
     */
    public static final int MAX_TAGS = 10_000;

    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]*)>\\s*;[^,]*rel=\"?next\"?");

    private ListTags() {}

    public static TagList list(RemoteRepository repository) {
        Set<String> tags = new LinkedHashSet<>();
        Set<URI> visited = new HashSet<>();
        URI page = repository.uri("tags/list?n=" + PAGE_SIZE);
        while (page != null && visited.add(page)) {
            RegistryResponse response = repository.sendOrThrow(
                    RegistryRequest.get(page, BodyLimits.TAG_PAGE), "tags of " + repository.describe());
            for (JsonNode tag : parse(response, repository).path("tags")) {
                if (tags.size() == MAX_TAGS) {
                    log.warn("{}: more than {} tags; listing truncated", repository.describe(), MAX_TAGS);
                    return new TagList(java.util.List.copyOf(tags), true);
                }
                tags.add(tag.asText());
            }
            page = nextPage(response).map(page::resolve).orElse(null);
        }
        return new TagList(java.util.List.copyOf(tags), false);
    }

    /** The target of a {@code rel="next"} link, when there is one. */
    static Optional<String> nextPage(RegistryResponse response) {
        for (String link : response.headers("Link")) {
            Matcher matcher = NEXT_LINK.matcher(link);
            if (matcher.find()) {
                return Optional.of(matcher.group(1));
            }
        }
        return Optional.empty();
    }

    private static JsonNode parse(RegistryResponse response, RemoteRepository repository) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new RegistryException(
                    FailureReason.REGISTRY_UNAVAILABLE, "tags of " + repository.describe() + ": response is not JSON");
        }
    }
}
