package dev.imagepipe.importer.signature;

import dev.imagepipe.importer.reference.ImageReference;
import dev.imagepipe.importer.registry.manifest.Digest;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lookaside stores by scope, as registries.d configures them (A14.2) and {@code ImportPolicy.signatureStores} carries
 * them: a scope is {@code registry}, {@code registry/namespace} or {@code registry/namespace/repo} in the normalized
 * form ({@code docker.io/library/busybox}); the most specific scope that is a path prefix of the repository wins.
 * Only {@code http} and {@code https} bases are accepted: a {@code file://} store makes no sense for a service.
 */
public final class SignatureStores {

    /**
     * One configured store.
     *
     * @param scope registry, registry/namespace or registry/namespace/repo
     * @param lookasideUrl the base URL; the repository path and digest are appended to it
     */
    public record Store(String scope, URI lookasideUrl) {

        public Store {
            scope = trimSlashes(scope);
            if (scope.isEmpty()) {
                throw new IllegalArgumentException("empty signature store scope");
            }
            String scheme = lookasideUrl.getScheme();
            if (!"http".equals(scheme) && !"https".equals(scheme)) {
                throw new IllegalArgumentException("lookaside URL must be http or https: " + lookasideUrl);
            }
            if (lookasideUrl.getHost() == null
                    || lookasideUrl.getRawQuery() != null
                    || lookasideUrl.getRawFragment() != null) {
                throw new IllegalArgumentException("lookaside URL needs a host and no query or fragment");
            }
        }

        public Store(String scope, String lookasideUrl) {
            this(scope, URI.create(lookasideUrl));
        }
    }

    private static final SignatureStores NONE = new SignatureStores(List.of());

    private final Map<String, URI> byScope = new LinkedHashMap<>();

    private SignatureStores(List<Store> stores) {
        // A later entry for the same scope replaces an earlier one, as a later registries.d file would.
        stores.forEach(store -> byScope.put(store.scope(), store.lookasideUrl()));
    }

    public static SignatureStores of(List<Store> stores) {
        return new SignatureStores(stores);
    }

    /** No lookaside store anywhere. */
    public static SignatureStores none() {
        return NONE;
    }

    /** The base URL for {@code repository}'s scope: the longest matching scope, if any. */
    public Optional<URI> lookasideBase(ImageReference repository) {
        String name = repository.normalizedName();
        while (true) {
            URI base = byScope.get(name);
            if (base != null) {
                return Optional.of(base);
            }
            int slash = name.lastIndexOf('/');
            if (slash < 0) {
                return Optional.empty();
            }
            name = name.substring(0, slash);
        }
    }

    /**
     * {@code <base>/<repository path>@<algorithm>=<hex>/signature-<index>}, e.g.
     * {@code https://sigs.example/library/busybox@sha256=0123.../signature-1} (containers/image's lookaside layout).
     *
     * @param index 1-based
     */
    public static URI signatureUri(URI base, String repositoryPath, Digest imageDigest, int index) {
        return URI.create(trimTrailingSlashes(base.toString()) + "/" + repositoryPath + "@" + imageDigest.algorithm()
                + "=" + imageDigest.hex() + "/signature-" + index);
    }

    private static String trimSlashes(String value) {
        String trimmed = trimTrailingSlashes(value.strip());
        return trimmed.startsWith("/") ? trimSlashes(trimmed.substring(1)) : trimmed;
    }

    private static String trimTrailingSlashes(String value) {
        String out = value;
        while (out.endsWith("/")) {
            out = out.substring(0, out.length() - 1);
        }
        return out;
    }

    @Override
    public String toString() {
        return "SignatureStores" + byScope;
    }
}
