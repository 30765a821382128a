package dev.imagepipe.schemas.topic;

import java.util.List;
import java.util.stream.Collectors;

/** Existing topics whose configuration would silently lose data; the message lists each topic and setting. */
public final class TopicVerificationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<TopicProblem> problems;

    public TopicVerificationException(List<TopicProblem> problems) {
        super(problems.stream()
                .map(TopicProblem::message)
                .collect(Collectors.joining("\n  ", "refusing to run against misconfigured topics:\n  ", "")));
        this.problems = List.copyOf(problems);
    }

    /** Every error found, one per topic setting. */
    public List<TopicProblem> problems() {
        return problems;
    }
}
