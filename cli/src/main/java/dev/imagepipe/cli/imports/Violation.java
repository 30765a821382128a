package dev.imagepipe.cli.imports;

/**
 * One reason a request is invalid (A2.3).
 *
 * @param path the field as OpenShift names it, e.g. {@code spec.images[0].from.kind}
 * @param message OpenShift's wording of the problem
 */
public record Violation(String path, String message) {

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
