package dev.imagepipe.importer.policy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The registry side of an import policy, in domain form (the topology maps the Avro {@code ImportPolicy} to it):
 * images.config.openshift.io's {@code allowedRegistriesForImport} and {@code registrySources}, and the
 * ImageContentPolicy mirrors.
 *
 * @param allowedRegistriesForImport registries normal users may import from; empty allows all (A3)
 * @param blockedRegistries scopes never contacted, as source or mirror (A4)
 * @param insecureRegistries scopes reached without verified TLS (A4)
 * @param allowedRegistries {@code registrySources.allowedRegistries}: kept for completeness; like OpenShift, imports do
 *     not consult it (it configures the container runtime, A4.1)
 * @param digestMirrors ImageContentPolicy {@code repositoryDigestMirrors} (A5)
 * @param internalRegistryHostname {@code host[:port]} of the integrated registry, always allowed for import
 * @param additionalTrustedCA extra CA certificates trusted for imports, as a PEM bundle
 */
public record RegistryPolicy(
        List<AllowedRegistry> allowedRegistriesForImport,
        List<String> blockedRegistries,
        List<String> insecureRegistries,
        List<String> allowedRegistries,
        List<MirrorSet> digestMirrors,
        Optional<String> internalRegistryHostname,
        Optional<String> additionalTrustedCA) {

    public RegistryPolicy {
        allowedRegistriesForImport = List.copyOf(allowedRegistriesForImport);
        blockedRegistries = List.copyOf(blockedRegistries);
        insecureRegistries = List.copyOf(insecureRegistries);
        allowedRegistries = List.copyOf(allowedRegistries);
        digestMirrors = List.copyOf(digestMirrors);
        Objects.requireNonNull(internalRegistryHostname, "internalRegistryHostname");
        Objects.requireNonNull(additionalTrustedCA, "additionalTrustedCA");
    }

    /** A policy that allows every registry and configures nothing else. */
    public static RegistryPolicy allowAll() {
        return new RegistryPolicy(
                List.of(), List.of(), List.of(), List.of(), List.of(), Optional.empty(), Optional.empty());
    }

    /**
     * The hosts this policy names explicitly, which the SSRF guard lets resolve to private addresses: every host
     * (port and path dropped) of the allowed registries for import, the allowed and insecure registry sources, the
     * mirror sources and mirrors, and the internal registry. Wildcards are left out, as they name no single host, and
     * so are blocked registries, which naming does not allow.
     */
    public Set<String> registryHostsAllowedPrivate() {
        Stream<String> named = Stream.of(
                        allowedRegistriesForImport.stream().map(AllowedRegistry::domainName),
                        allowedRegistries.stream(),
                        insecureRegistries.stream(),
                        digestMirrors.stream().map(MirrorSet::source),
                        digestMirrors.stream().flatMap(set -> set.mirrors().stream()),
                        internalRegistryHostname.stream())
                .flatMap(s -> s);
        Set<String> hosts = new LinkedHashSet<>();
        named.map(RegistryPolicy::hostOf)
                .filter(host -> !host.isEmpty() && !host.contains("*") && !host.contains("?"))
                .forEach(hosts::add);
        return Set.copyOf(hosts);
    }

    private static String hostOf(String location) {
        int slash = location.indexOf('/');
        String hostPort = slash < 0 ? location : location.substring(0, slash);
        int colon = hostPort.indexOf(':');
        return colon < 0 ? hostPort : hostPort.substring(0, colon);
    }
}
