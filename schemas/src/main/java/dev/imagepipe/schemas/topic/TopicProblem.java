package dev.imagepipe.schemas.topic;

/**
 * A difference between a topic on the broker and its declaration.
 *
 * @param topic the topic name
 * @param setting the topic setting that differs (e.g. {@code cleanup.policy}, {@code partitions})
 * @param expected what the catalog declares
 * @param actual what the broker reports
 * @param severity whether the app may run anyway
 * @param consequence what goes wrong if it does
 */
public record TopicProblem(
        String topic, String setting, String expected, String actual, Severity severity, String consequence) {

    /** Whether a problem stops the application. */
    public enum Severity {
        /** Running would silently lose or corrupt data: the app refuses to start. */
        ERROR,
        /** Allowed, but worth an operator's look. */
        WARNING
    }

    /** One line naming the topic, the setting, both values and the consequence. */
    public String message() {
        return "topic " + topic + ": " + setting + " is " + actual + " but should be " + expected + " (" + consequence
                + ")";
    }
}
