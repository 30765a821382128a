package dev.imagepipe.importer.registry.remote;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A STUB token server for tests; nothing real issues tokens here. It implements just enough of the Docker token
 * authentication spec for distribution 2.8's {@code auth: token:} to accept its tokens: RS256 JWTs whose header
 * carries the signing certificate in {@code x5c} (distribution verifies the chain against {@code rootcertbundle}),
 * with {@code iss} = {@link #ISSUER}, {@code aud} = {@link #SERVICE} and an {@code access} claim granting what the
 * {@code scope} parameter asks. It requires HTTP Basic credentials when constructed with them, and counts requests.
 *
 * <p>The key pair and self-signed certificate come from the JDK's {@code keytool}, so no crypto library is needed.
 */
final class TokenServerStub implements AutoCloseable {

    static final String ISSUER = "imagepipe-test-token-stub";
    static final String SERVICE = "imagepipe-test-registry";
    static final int EXPIRES_IN_SECONDS = 300;
    private static final String STORE_PASSWORD = "stub-keystore";

    private final HttpServer server;
    private final PrivateKey key;
    private final X509Certificate certificate;
    private final Path certificatePem;
    private final String expectedBasic;
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final ObjectMapper json = new ObjectMapper();

    private TokenServerStub(Path directory, String username, String password) throws Exception {
        Path keystore = directory.resolve("issuer.p12");
        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "issuer",
                        "-keyalg",
                        "RSA",
                        "-keysize",
                        "2048",
                        "-sigalg",
                        "SHA256withRSA",
                        "-dname",
                        "CN=" + ISSUER,
                        "-validity",
                        "2",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        keystore.toString(),
                        "-storepass",
                        STORE_PASSWORD,
                        "-keypass",
                        STORE_PASSWORD)
                .redirectErrorStream(true)
                .start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (keytool.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(keystore)) {
            store.load(in, STORE_PASSWORD.toCharArray());
        }
        this.key = (PrivateKey) store.getKey("issuer", STORE_PASSWORD.toCharArray());
        this.certificate = (X509Certificate) store.getCertificate("issuer");
        this.certificatePem = Files.writeString(
                directory.resolve("issuer.pem"),
                "-----BEGIN CERTIFICATE-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                                .encodeToString(certificate.getEncoded())
                        + "\n-----END CERTIFICATE-----\n");
        this.expectedBasic = username == null
                ? null
                : "Basic "
                        + Base64.getEncoder()
                                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/token", this::handle);
        server.start();
    }

    /** A stub that demands {@code username}/{@code password} as HTTP Basic on token requests. */
    static TokenServerStub requiringBasic(Path directory, String username, String password) throws Exception {
        return new TokenServerStub(directory, username, password);
    }

    /** The registry's {@code auth: token:} section pointing at this stub. */
    String registryAuthSection() {
        return "auth:\n  token:\n    realm: " + realm() + "\n    service: " + SERVICE + "\n    issuer: " + ISSUER
                + "\n    rootcertbundle: " + certificatePem + "\n";
    }

    String realm() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
    }

    int tokenRequests() {
        return tokenRequests.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        tokenRequests.incrementAndGet();
        try (exchange) {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (expectedBasic != null && !expectedBasic.equals(authorization)) {
                byte[] body = "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"bad credentials\"}]}"
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(401, body.length);
                exchange.getResponseBody().write(body);
                return;
            }
            Map<String, List<String>> query = query(exchange.getRequestURI().getRawQuery());
            Instant now = Instant.now();
            String token = sign(query.getOrDefault("scope", List.of()), now);
            byte[] body = json.writeValueAsBytes(Map.of(
                    "token", token,
                    "access_token", token,
                    "expires_in", EXPIRES_IN_SECONDS,
                    "issued_at", now.toString()));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    private String sign(List<String> scopes, Instant now) throws Exception {
        List<Map<String, Object>> access = new ArrayList<>();
        for (String scope : scopes) {
            String[] parts = scope.split(":");
            if (parts.length == 3) {
                access.add(Map.of("type", parts[0], "name", parts[1], "actions", List.of(parts[2].split(","))));
            }
        }
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("typ", "JWT");
        header.put("alg", "RS256");
        header.put("x5c", List.of(Base64.getEncoder().encodeToString(certificate.getEncoded())));
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("sub", "stub-user");
        claims.put("aud", SERVICE);
        claims.put("exp", now.getEpochSecond() + EXPIRES_IN_SECONDS);
        claims.put("nbf", now.getEpochSecond() - 1);
        claims.put("iat", now.getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("access", access);
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String signingInput = url.encodeToString(json.writeValueAsBytes(header)) + "."
                + url.encodeToString(json.writeValueAsBytes(claims));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(key);
        signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + url.encodeToString(signature.sign());
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        if (raw == null) {
            return result;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            result.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return result;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
