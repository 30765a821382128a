package dev.imagepipe.auditor.review;

import dev.imagepipe.tagger.signature.ConditionStatus;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-memory view a review reads: imported images by digest, signature verdicts by image, the current image of
 * every stream tag, and the policy in force. One thread writes (the feed), any number read; every read is a hash
 * lookup, which is what keeps review latency bounded.
 */
public final class ImagePolicyView {

    private final String policyName;
    private final Map<String, ImportedImage> images = new ConcurrentHashMap<>();
    /** Image digest to (signature key to its Trusted status); an entry is an immutable map, replaced on change. */
    private final Map<String, Map<String, ConditionStatus>> signatures = new ConcurrentHashMap<>();

    private final Map<String, TagPointer> tags = new ConcurrentHashMap<>();
    private volatile ReviewPolicy policy;

    /** @param policyName the policy this view follows; until it arrives, {@link ReviewPolicy#importerDefault} applies */
    public ImagePolicyView(String policyName) {
        this.policyName = Objects.requireNonNull(policyName, "policyName");
        this.policy = ReviewPolicy.importerDefault(policyName);
    }

    public String policyName() {
        return policyName;
    }

    public void putImage(ImportedImage image) {
        images.put(image.digest(), image);
    }

    public void removeImage(String digest) {
        images.remove(digest);
    }

    /**
     * Records the Trusted status of a signature.
     *
     * @param key the {@code signatures} topic's key, {@code <image digest>@<signature name>}
     * @throws IllegalArgumentException when the key has no {@code @}
     */
    public void putSignature(String key, ConditionStatus trusted) {
        Objects.requireNonNull(trusted, "trusted");
        signatures.compute(digestOf(key), (digest, old) -> {
            Map<String, ConditionStatus> next = old == null ? new HashMap<>() : new HashMap<>(old);
            next.put(key, trusted);
            return Map.copyOf(next);
        });
    }

    /** Forgets a signature, by its {@code signatures} topic key. */
    public void removeSignature(String key) {
        signatures.computeIfPresent(digestOf(key), (digest, old) -> {
            Map<String, ConditionStatus> next = new HashMap<>(old);
            next.remove(key);
            return next.isEmpty() ? null : Map.copyOf(next);
        });
    }

    private static String digestOf(String signatureKey) {
        int at = signatureKey.indexOf('@');
        if (at <= 0) {
            throw new IllegalArgumentException(
                    "signature key \"" + signatureKey + "\" is not <image digest>@<signature name>");
        }
        return signatureKey.substring(0, at);
    }

    public void putTag(TagPointer tag) {
        tags.put(tag.key(), tag);
    }

    /** Forgets a tag, by its {@code tags} topic key {@code ns/stream:tag}. */
    public void removeTag(String key) {
        tags.remove(key);
    }

    /** Replaces the policy in force; its name must be this view's. */
    public void putPolicy(ReviewPolicy next) {
        if (!next.name().equals(policyName)) {
            throw new IllegalArgumentException(
                    "this view follows policy \"" + policyName + "\", not \"" + next.name() + "\"");
        }
        policy = next;
    }

    /** The policy was deleted: the importer's default applies again, as it does in the importer. */
    public void removePolicy() {
        policy = ReviewPolicy.importerDefault(policyName);
    }

    public Optional<ImportedImage> image(String digest) {
        return Optional.ofNullable(images.get(digest));
    }

    /** Whether at least one signature of the image is {@code Trusted=True}. */
    public boolean hasTrustedSignature(String digest) {
        return signatures.getOrDefault(digest, Map.of()).containsValue(ConditionStatus.TRUE);
    }

    public Optional<TagPointer> tag(String namespace, String stream, String tag) {
        return Optional.ofNullable(tags.get(TagPointer.key(namespace, stream, tag)));
    }

    public ReviewPolicy policy() {
        return policy;
    }

    public int imageCount() {
        return images.size();
    }

    /** Images with at least one signature. */
    public int signedImageCount() {
        return signatures.size();
    }

    public int tagCount() {
        return tags.size();
    }
}
