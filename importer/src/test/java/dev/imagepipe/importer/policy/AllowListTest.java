package dev.imagepipe.importer.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imagepipe.importer.policy.AllowList.Transport;
import dev.imagepipe.importer.reference.ImageReference;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * D3, except the two grandfathering rows: explicitly whitelisted repositories belong to stream validation on update
 * (A3.6), which is not part of the import gate.
 */
class AllowListTest {

    private static final String FOUR_LISTED =
            "\"localhost:5000\", \"docker.io:443\", \"example.com:*\", " + "\"registry.com:80\"";

    private static AllowList list(Transport transport, String... domains) {
        AllowList.Builder builder = AllowList.builder();
        for (String domain : domains) {
            builder.allow(domain, transport);
        }
        return builder.build();
    }

    private static AllowList fourEntries(Transport transport) {
        return list(transport, "localhost:5000", "docker.io", "example.com:*", "registry.com:80");
    }

    private static AllowList sixEntries(Transport transport) {
        return list(
                transport,
                "localhost:5000",
                "docker.io",
                "example.com:*",
                "registry.com:80",
                "*.foo.com",
                "*domain.ltd");
    }

    private static void assertAllowed(AllowList list, Transport transport, String... hosts) {
        for (String host : hosts) {
            assertThat(list.rejection(host, transport)).as(host).isEmpty();
        }
    }

    private static void assertRejected(AllowList list, Transport transport, String listed, String... hosts) {
        for (String host : hosts) {
            assertThat(list.rejection(host, transport))
                    .as(host)
                    .contains("registry \"" + host + "\" not allowed by whitelist: " + listed);
        }
    }

    @Test
    void emptyListRejectsHostnameNamingIt() {
        assertThat(AllowList.builder().build().rejection("example.com", Transport.SECURE))
                .contains("registry \"example.com\" not allowed by empty whitelist");
    }

    @Test
    void emptyListRejectsShortNameAsDockerHubOnDefaultPort() {
        assertThat(AllowList.builder().build().rejection(ImageReference.parse("busybox"), Transport.SECURE))
                .contains("registry \"docker.io:443\" not allowed by empty whitelist");
    }

    @Test
    void secureStarAllowsOnlyPort443() {
        AllowList list = list(Transport.SECURE, "*");

        assertAllowed(list, Transport.SECURE, "docker.io", "example.com", "localhost", "localhost:443");
        assertRejected(list, Transport.SECURE, "\"*:443\"", "localhost:5000", "localhost:80");
    }

    @Test
    void insecureStarAllowsOnlyPort80() {
        AllowList list = list(Transport.INSECURE, "*");

        assertAllowed(list, Transport.INSECURE, "localhost:80", "localhost", "docker.io");
        assertRejected(list, Transport.INSECURE, "\"*:80\"", "localhost:443", "localhost:5000");
    }

    @Test
    void anyTransportAdmitsBareHostWhenPatternPortIs80() {
        AllowList list = list(Transport.INSECURE, "*");

        assertAllowed(list, Transport.ANY, "localhost:80", "localhost");
        assertRejected(list, Transport.ANY, "\"*:80\"", "localhost:443");
    }

    @Test
    void starStarAllowsEveryHostAndPortOverEveryTransport() {
        AllowList list = list(Transport.SECURE, "*:*");

        for (Transport transport : Transport.values()) {
            assertAllowed(
                    list, transport, "localhost:5000", "localhost:80", "localhost:443", "docker.io", "example.com");
        }
    }

    @Test
    void secureEntriesAdmitListedPortsAndDockerHubAliases() {
        AllowList list = fourEntries(Transport.SECURE);

        assertAllowed(
                list,
                Transport.SECURE,
                "example.com:5000",
                "example.com:80",
                "example.com",
                "localhost:5000",
                "registry-1.docker.io:443",
                "registry.com:80");
        assertRejected(list, Transport.SECURE, FOUR_LISTED, "localhost:443", "registry.com:443", "registry.com");
    }

    @Test
    void secureEntriesAdmitReferencesOnDockerHubAndRejectOthers() {
        AllowList list = fourEntries(Transport.SECURE);

        assertThat(list.rejection(
                        new ImageReference("index.docker.io", "", "", Optional.empty(), Optional.empty()),
                        Transport.SECURE))
                .isEmpty();
        assertThat(list.rejection(ImageReference.parse("busybox"), Transport.SECURE))
                .isEmpty();
        assertThat(list.rejection(ImageReference.parse("registry.example.com/app"), Transport.SECURE))
                .contains("registry \"registry.example.com\" not allowed by whitelist: " + FOUR_LISTED);
    }

    @Test
    void insecureEntriesWithGlobsAdmitMatchingHostsOnPort80() {
        AllowList list = sixEntries(Transport.INSECURE);

        assertAllowed(
                list,
                Transport.INSECURE,
                "a.b.c.d.foo.com:80",
                "domain.ltd",
                "index.docker.io",
                "my.domain.ltd:80",
                "mydomain.ltd",
                "registry.com",
                "registry.foo.com");
    }

    @Test
    void rejectionListsFirstFourPatternsAndCountsTheRest() {
        AllowList list = sixEntries(Transport.INSECURE);

        assertRejected(
                list,
                Transport.INSECURE,
                "\"localhost:5000\", \"docker.io:80\", \"example.com:*\", \"registry.com:80\", and 2 more ...",
                "foo.com",
                "my.domain.ltd:443");
    }

    @Test
    void rejectionListsAllPatternsWhenThereAreAtMostFive() {
        AllowList list = list(Transport.SECURE, "a.com", "b.com", "c.com", "d.com", "e.com");

        assertRejected(
                list,
                Transport.SECURE,
                "\"a.com:443\", \"b.com:443\", \"c.com:443\", \"d.com:443\", " + "\"e.com:443\"",
                "f.com");
    }

    @Test
    void anyTransportMatchesSecureGlobEntriesByPort() {
        AllowList list = sixEntries(Transport.SECURE);

        assertAllowed(list, Transport.ANY, "my.domain.ltd:443", "my.domain.ltd", "registry.com", "domain.ltd");
        for (String host : List.of("a.b.c.d.foo.com:80", "my.domain.ltd:80", "registry.com:443", "foo.com")) {
            assertThat(list.rejection(host, Transport.ANY)).as(host).isPresent();
        }
    }

    @Test
    void anyTransportAdmitsPullSpecsByRegistryAsWritten() {
        AllowList list = sixEntries(Transport.INSECURE);

        for (String spec : List.of(
                "repository:latest",
                "nm/repo:latest",
                "index.docker.io/bar",
                "my.domain.ltd/bar:1.3.4",
                "mydomain.ltd/my/repo/sitory")) {
            assertThat(list.rejection(ImageReference.parse(spec), Transport.ANY))
                    .as(spec)
                    .isEmpty();
        }
        for (String spec : List.of("foo.com/foo", "my.domain.ltd:443/a/b", "registry.com:443/ab:tag")) {
            assertThat(list.rejection(ImageReference.parse(spec), Transport.ANY))
                    .as(spec)
                    .isPresent();
        }
    }

    @Test
    void bareHostWithAnyTransportAddsPort443ThenPort80() {
        AllowList list = list(Transport.ANY, "foo.com");

        assertRejected(list, Transport.ANY, "\"foo.com:443\", \"foo.com:80\"", "sub.foo.com");
    }

    @Test
    void duplicateEntriesAreIgnored() {
        AllowList list = list(Transport.INSECURE, "foo.com", "foo.com");

        assertThat(list.patterns()).containsExactly("foo.com:80");
        assertRejected(list, Transport.ANY, "\"foo.com:80\"", "sub.foo.com");
    }

    @Test
    void entryWithTooManyColonsIsAConfigurationError() {
        assertThatThrownBy(() -> AllowList.builder().allow("0:1:2:3", Transport.SECURE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("failed to parse allowed registry \"0:1:2:3\": too many colons");
    }

    @Test
    void policyWithNoEntriesAllowsEveryRegistry() {
        AllowList list = AllowList.forPolicy(List.of(), Optional.empty());

        assertAllowed(list, Transport.SECURE, "quay.io", "localhost:5000", "docker.io");
    }

    @Test
    void policyAlwaysAllowsTheInternalRegistry() {
        AllowList list = AllowList.forPolicy(
                List.of(new AllowedRegistry("quay.io", false)),
                Optional.of("image-registry.openshift-image-registry.svc:5000"));

        assertAllowed(list, Transport.SECURE, "quay.io", "image-registry.openshift-image-registry.svc:5000");
        assertThat(list.patterns()).containsExactly("quay.io:443", "image-registry.openshift-image-registry.svc:5000");
    }

    @Test
    void policyInsecureEntryMeansPort80() {
        AllowList list = AllowList.forPolicy(List.of(new AllowedRegistry("insecure.local", true)), Optional.empty());

        assertAllowed(list, Transport.SECURE, "insecure.local:80");
        assertThat(list.rejection("insecure.local:443", Transport.SECURE)).isPresent();
    }
}
