package dev.imagepipe.schemas.topic;

import java.util.List;

/**
 * What {@link TopicAdmin#ensure} did.
 *
 * @param created topics that did not exist and were created
 * @param verified topics that existed and match their declaration, warnings aside
 * @param warnings differences that do not lose data
 */
public record TopicReport(List<String> created, List<String> verified, List<TopicProblem> warnings) {

    public TopicReport {
        created = List.copyOf(created);
        verified = List.copyOf(verified);
        warnings = List.copyOf(warnings);
    }
}
