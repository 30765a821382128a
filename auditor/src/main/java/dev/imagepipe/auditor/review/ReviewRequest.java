package dev.imagepipe.auditor.review;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code spec} of an ImageReview (seed 000): what the API server asks about one pod.
 *
 * @param namespace the namespace the pod is created in; stream tags resolve in it
 * @param images the image of every container, init container and ephemeral container (the API server sends all of
 *     them as {@code spec.containers}, A16), in order
 * @param annotations the pod's annotations whose key matches {@code *.image-policy.k8s.io/*}
 */
public record ReviewRequest(String namespace, List<String> images, Map<String, String> annotations) {

    public ReviewRequest {
        Objects.requireNonNull(namespace, "namespace");
        images = List.copyOf(images);
        annotations = Map.copyOf(annotations);
    }
}
