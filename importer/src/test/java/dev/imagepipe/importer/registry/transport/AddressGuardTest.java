package dev.imagepipe.importer.registry.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imagepipe.importer.registry.FailureReason;
import dev.imagepipe.importer.registry.RegistryException;
import dev.imagepipe.importer.registry.transport.AddressGuard.AddressClass;
import java.net.InetAddress;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressGuardTest {

    @ParameterizedTest
    @CsvSource({
        "127.0.0.1, LOOPBACK",
        "127.8.9.10, LOOPBACK",
        "::1, LOOPBACK",
        "10.1.2.3, PRIVATE",
        "172.16.0.1, PRIVATE",
        "172.31.255.255, PRIVATE",
        "172.32.0.1, PUBLIC",
        "192.168.1.1, PRIVATE",
        "fc00::1, PRIVATE",
        "fd12:3456::1, PRIVATE",
        "100.64.0.1, SHARED_CGNAT",
        "100.127.255.254, SHARED_CGNAT",
        "100.128.0.1, PUBLIC",
        "169.254.169.254, METADATA",
        "169.254.1.1, LINK_LOCAL",
        "fe80::1, LINK_LOCAL",
        "0.0.0.0, UNSPECIFIED",
        "::, UNSPECIFIED",
        "224.0.0.1, MULTICAST",
        "ff02::1, MULTICAST",
        "8.8.8.8, PUBLIC",
        "2001:4860:4860::8888, PUBLIC",
        "::ffff:10.0.0.1, PRIVATE"
    })
    void classifiesAddresses(String literal, AddressClass expected) throws Exception {
        assertThat(AddressGuard.classify(InetAddress.getByName(literal))).isEqualTo(expected);
    }

    @Test
    void refusesLoopbackUnlessAllowedNamingHostAndClass() {
        AddressGuard guard = new AddressGuard(Set.of());

        assertThatThrownBy(() -> guard.check("127.0.0.1"))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FailureReason.BLOCKED);
                    assertThat(e.isTransient()).isFalse();
                })
                .hasMessageContaining("127.0.0.1")
                .hasMessageContaining("loopback");
    }

    @Test
    void allowsPolicyNamedHosts() {
        assertThatCode(() -> new AddressGuard(Set.of("127.0.0.1")).check("127.0.0.1"))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesAHostWhenAnyResolvedAddressIsPrivate() {
        AddressGuard guard = new AddressGuard(Set.of(), host ->
                new InetAddress[] {InetAddress.getByName("8.8.8.8"), InetAddress.getByName("169.254.169.254")});

        assertThatThrownBy(() -> guard.check("registry.example.com"))
                .hasMessageContaining("registry.example.com")
                .hasMessageContaining("cloud metadata");
    }

    @Test
    void allowsHostsResolvingToPublicAddresses() {
        AddressGuard guard =
                new AddressGuard(Set.of(), host -> new InetAddress[] {InetAddress.getByName("93.184.216.34")});

        assertThatCode(() -> guard.check("registry.example.com")).doesNotThrowAnyException();
    }
}
