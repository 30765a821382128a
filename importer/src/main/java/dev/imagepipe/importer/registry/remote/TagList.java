package dev.imagepipe.importer.registry.remote;

import java.util.List;

/**
 * A repository's tags, in the registry's order.
 *
 * @param tags tag names, without repeats
 * @param truncated whether listing stopped at {@link ListTags#MAX_TAGS}
 */
public record TagList(List<String> tags, boolean truncated) {
    public TagList {
        tags = List.copyOf(tags);
    }
}
