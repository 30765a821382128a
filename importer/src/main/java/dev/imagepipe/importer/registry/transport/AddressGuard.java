package dev.imagepipe.importer.registry.transport;

import dev.imagepipe.importer.registry.FailureReason;
import dev.imagepipe.importer.registry.RegistryException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The SSRF guard: refuses to contact a host whose addresses, after DNS resolution, are loopback, link-local,
 * private, carrier-grade NAT, the cloud metadata address, unspecified or multicast, unless the caller's policy names
 * the host. The transport checks it before the first request and on every redirect hop.
 *
 * <p>Known gap: the HTTP client resolves the name again when it connects, so a DNS answer that changes between the two
 * lookups (rebinding) is not caught here.
 */
public final class AddressGuard {

    /** What kind of address a host resolved to; everything but {@link #PUBLIC} is refused by default. */
    public enum AddressClass {
        PUBLIC("public"),
        LOOPBACK("loopback"),
        LINK_LOCAL("link-local"),
        PRIVATE("private"),
        SHARED_CGNAT("carrier-grade NAT (100.64.0.0/10)"),
        METADATA("cloud metadata"),
        UNSPECIFIED("unspecified"),
        MULTICAST("multicast");

        private final String description;

        AddressClass(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /** Resolves a host name to its addresses; {@link InetAddress#getAllByName} outside tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final Set<String> allowedHosts;
    private final Resolver resolver;

    /** A guard allowing exactly {@code allowedHosts} (host names or literal addresses, case-insensitive). */
    public AddressGuard(Set<String> allowedHosts) {
        this(allowedHosts, InetAddress::getAllByName);
    }

    public AddressGuard(Set<String> allowedHosts, Resolver resolver) {
        this.allowedHosts =
                allowedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.resolver = resolver;
    }

    /**
     * Resolves {@code host} and refuses it when any address is not public and the host is not allowed.
     *
     * @throws RegistryException {@link FailureReason#BLOCKED} naming the host and address class, or {@link
     *     FailureReason#REGISTRY_UNAVAILABLE} (transient) when the name does not resolve
     */
    public void check(String host) {
        String bare = stripBrackets(host).toLowerCase(Locale.ROOT);
        if (allowedHosts.contains(bare)) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(bare);
        } catch (UnknownHostException e) {
            throw new RegistryException(
                    FailureReason.REGISTRY_UNAVAILABLE,
                    "registry host " + bare + " does not resolve",
                    0,
                    java.util.List.of(),
                    true,
                    null,
                    null);
        }
        for (InetAddress address : addresses) {
            AddressClass addressClass = classify(address);
            if (addressClass != AddressClass.PUBLIC) {
                throw new RegistryException(
                        FailureReason.BLOCKED,
                        "registry host " + bare + " resolves to " + addressClass.description() + " address "
                                + address.getHostAddress() + "; refused unless the policy names the host");
            }
        }
    }

    /** The class of one address. */
    public static AddressClass classify(InetAddress address) {
        byte[] b = address.getAddress();
        if (address.isAnyLocalAddress()) {
            return AddressClass.UNSPECIFIED;
        }
        if (address.isLoopbackAddress()) {
            return AddressClass.LOOPBACK;
        }
        if (address.isMulticastAddress()) {
            return AddressClass.MULTICAST;
        }
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 169 && second == 254 && (b[2] & 0xff) == 169 && (b[3] & 0xff) == 254) {
                return AddressClass.METADATA;
            }
            if (first == 0) {
                return AddressClass.UNSPECIFIED; // 0.0.0.0/8: "this network"
            }
            if (first == 100 && (second & 0xc0) == 64) {
                return AddressClass.SHARED_CGNAT;
            }
            if (first == 10 || (first == 172 && (second & 0xf0) == 16) || (first == 192 && second == 168)) {
                return AddressClass.PRIVATE;
            }
            if (first == 169 && second == 254) {
                return AddressClass.LINK_LOCAL;
            }
            return AddressClass.PUBLIC;
        }
        if (address instanceof Inet6Address) {
            if (address.isLinkLocalAddress()) {
                return AddressClass.LINK_LOCAL;
            }
            // fd00:ec2::254 is AWS's IPv6 metadata address; it lies in fc00::/7 and is refused as private anyway.
            if ((b[0] & 0xfe) == 0xfc || address.isSiteLocalAddress()) {
                return AddressClass.PRIVATE;
            }
        }
        return AddressClass.PUBLIC;
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
