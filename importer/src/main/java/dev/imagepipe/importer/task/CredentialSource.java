package dev.imagepipe.importer.task;

import dev.imagepipe.importer.reference.ImageReference;
import dev.imagepipe.importer.registry.auth.Credential;
import java.util.List;

/** The credentials to try for an image, most specific first (A2.6); never read from topics. */
@FunctionalInterface
public interface CredentialSource {

    CredentialSource ANONYMOUS = (namespace, reference) -> List.of();

    List<Credential> forImage(String namespace, ImageReference reference);
}
