package dev.imagepipe.importer.reference;

/**
 * An image reference that does not parse. The message names the input and the problem; {@link #problem()} is the
 * problem alone, worded as OpenShift words it ({@code repository name must be lowercase}, {@code invalid reference
 * format}, ...), so status messages can match OpenShift's.
 */
public final class InvalidReferenceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String input;
    private final String problem;

    public InvalidReferenceException(String input, String problem) {
        super("invalid image reference \"" + input + "\": " + problem);
        this.input = input;
        this.problem = problem;
    }

    /** The text that failed to parse, as given. */
    public String input() {
        return input;
    }

    /** What is wrong with it, without the input. */
    public String problem() {
        return problem;
    }
}
