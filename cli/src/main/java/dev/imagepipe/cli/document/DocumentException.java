package dev.imagepipe.cli.document;

/**
 * A document the CLI cannot accept: names the file, the path inside it ({@code registrySources.blockedRegistries[2]})
 * and the problem, so the user can go straight to the offending line.
 */
public final class DocumentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final String path;
    private final String problem;

    /**
     * @param source the file as the user named it
     * @param path the path inside the document; empty for the document as a whole
     * @param problem what is wrong, in the user's terms
     */
    public DocumentException(String source, String path, String problem) {
        super(path.isEmpty() ? source + ": " + problem : source + ": " + path + ": " + problem);
        this.source = source;
        this.path = path;
        this.problem = problem;
    }

    public String source() {
        return source;
    }

    public String path() {
        return path;
    }

    public String problem() {
        return problem;
    }
}
