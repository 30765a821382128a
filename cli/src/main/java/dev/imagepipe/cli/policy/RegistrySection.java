package dev.imagepipe.cli.policy;

import dev.imagepipe.cli.document.Fields;
import dev.imagepipe.cli.document.Node;
import dev.imagepipe.schemas.avro.RegistryLocation;
import dev.imagepipe.schemas.avro.RegistrySources;
import dev.imagepipe.schemas.avro.RepositoryDigestMirrors;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The registry part of a policy document: {@code allowedRegistriesForImport} (A3), {@code registrySources} (A4) and
 * {@code repositoryDigestMirrors} (A5), with the field names of images.config.openshift.io and ImageContentPolicy.
 */
final class RegistrySection {

    private static final Set<String> LOCATION_FIELDS = Set.of("domainName", "insecure");
    private static final Set<String> SOURCES_FIELDS =
            Set.of("allowedRegistries", "blockedRegistries", "insecureRegistries", "containerRuntimeSearchRegistries");
    private static final Set<String> MIRROR_FIELDS = Set.of("source", "mirrors", "allowMirrorByTags");

    private RegistrySection() {}

    /** Each entry is {@code host[:port]}; a second colon can never parse (A3.2), so it is refused here already. */
    static List<RegistryLocation> allowedRegistries(List<Node> entries) {
        return entries.stream().map(RegistrySection::location).toList();
    }

    private static RegistryLocation location(Node entry) {
        Fields fields = entry.fields(LOCATION_FIELDS);
        Node domain = fields.required("domainName");
        String domainName = domain.nonEmptyString();
        if (domainName.indexOf(':') != domainName.lastIndexOf(':')) {
            throw domain.error("failed to parse allowed registry \"" + domainName + "\": too many colons");
        }
        return RegistryLocation.newBuilder()
                .setDomainName(domainName)
                .setInsecure(fields.bool("insecure", false))
                .build();
    }

    /** OpenShift rejects a configuration that sets both lists, as their meanings contradict each other. */
    static Optional<RegistrySources> sources(Optional<Node> node) {
        return node.map(n -> {
            Fields fields = n.fields(SOURCES_FIELDS);
            List<String> allowed = nonEmptyStrings(fields, "allowedRegistries");
            List<String> blocked = nonEmptyStrings(fields, "blockedRegistries");
            if (!allowed.isEmpty() && !blocked.isEmpty()) {
                throw n.error("only one of allowedRegistries and blockedRegistries may be set");
            }
            return RegistrySources.newBuilder()
                    .setAllowedRegistries(allowed)
                    .setBlockedRegistries(blocked)
                    .setInsecureRegistries(nonEmptyStrings(fields, "insecureRegistries"))
                    .setContainerRuntimeSearchRegistries(nonEmptyStrings(fields, "containerRuntimeSearchRegistries"))
                    .build();
        });
    }

    static List<RepositoryDigestMirrors> mirrors(List<Node> entries) {
        return entries.stream()
                .map(entry -> {
                    Fields fields = entry.fields(MIRROR_FIELDS);
                    return RepositoryDigestMirrors.newBuilder()
                            .setSource(fields.required("source").nonEmptyString())
                            .setMirrors(nonEmptyStrings(fields, "mirrors"))
                            .setAllowMirrorByTags(fields.bool("allowMirrorByTags", false))
                            .build();
                })
                .toList();
    }

    static List<String> nonEmptyStrings(Fields fields, String name) {
        return fields.list(name).stream().map(Node::nonEmptyString).toList();
    }
}
