package dev.imagepipe.importer.fetch;

import dev.imagepipe.importer.policy.RegistryPolicy;
import dev.imagepipe.importer.reference.ImageReference;
import dev.imagepipe.importer.registry.auth.Credential;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One image to fetch. Start from {@link #of} and adjust with the {@code with...} methods.
 *
 * @param reference the reference as the user wrote it; every {@code dockerImageReference} is built from it
 * @param mode how a manifest list is imported
 * @param insecure the request's {@code importPolicy.insecure}
 * @param preferArch the target tag's {@code prefer-arch} annotation (Legacy list imports)
 * @param preferOs the target tag's {@code prefer-os} annotation (Legacy list imports)
 * @param includeManifest whether the Images keep the raw manifest JSON; when false it is stripped (A11.2)
 * @param credentials candidate credentials, most specific first; empty means anonymous
 * @param eventTime the {@code Created} of a list kept as such (A7.4: event time, never the wall clock)
 * @param policy the registry policy: allow-list, blocked and insecure scopes, mirrors
 */
public record FetchRequest(
        ImageReference reference,
        ImportMode mode,
        boolean insecure,
        Optional<String> preferArch,
        Optional<String> preferOs,
        boolean includeManifest,
        List<Credential> credentials,
        Optional<Instant> eventTime,
        RegistryPolicy policy) {

    public FetchRequest {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(preferArch, "preferArch");
        Objects.requireNonNull(preferOs, "preferOs");
        credentials = List.copyOf(credentials);
        Objects.requireNonNull(eventTime, "eventTime");
        Objects.requireNonNull(policy, "policy");
    }

    /** Legacy mode, secure, no platform preference, manifest stripped, anonymous, no event time. */
    public static FetchRequest of(ImageReference reference, RegistryPolicy policy) {
        return new FetchRequest(
                reference,
                ImportMode.LEGACY,
                false,
                Optional.empty(),
                Optional.empty(),
                false,
                List.of(),
                Optional.empty(),
                policy);
    }

    public FetchRequest withMode(ImportMode value) {
        return new FetchRequest(
                reference, value, insecure, preferArch, preferOs, includeManifest, credentials, eventTime, policy);
    }

    public FetchRequest withInsecure(boolean value) {
        return new FetchRequest(
                reference, mode, value, preferArch, preferOs, includeManifest, credentials, eventTime, policy);
    }

    public FetchRequest withPreferredPlatform(Optional<String> arch, Optional<String> os) {
        return new FetchRequest(reference, mode, insecure, arch, os, includeManifest, credentials, eventTime, policy);
    }

    public FetchRequest withIncludeManifest(boolean value) {
        return new FetchRequest(reference, mode, insecure, preferArch, preferOs, value, credentials, eventTime, policy);
    }

    public FetchRequest withCredentials(List<Credential> value) {
        return new FetchRequest(
                reference, mode, insecure, preferArch, preferOs, includeManifest, value, eventTime, policy);
    }

    public FetchRequest withEventTime(Instant value) {
        return new FetchRequest(
                reference,
                mode,
                insecure,
                preferArch,
                preferOs,
                includeManifest,
                credentials,
                Optional.of(value),
                policy);
    }

    /** Credentials are secrets: show how many, not which. */
    @Override
    public String toString() {
        return "FetchRequest[" + reference.exact() + ", " + mode + ", insecure=" + insecure + ", preferArch="
                + preferArch.orElse("") + ", preferOs=" + preferOs.orElse("") + ", includeManifest="
                + includeManifest + ", " + credentials.size() + " credential(s), eventTime="
                + eventTime.map(Instant::toString).orElse("") + "]";
    }
}
