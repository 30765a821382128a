package dev.imagepipe.importer.registry.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imagepipe.importer.registry.FailureReason;
import dev.imagepipe.importer.registry.RegistryException;
import dev.imagepipe.importer.registry.auth.Credential;
import dev.imagepipe.testing.fixture.ImageFixtures;
import dev.imagepipe.testing.fixture.PushedImage;
import dev.imagepipe.testing.registry.LocalRegistryProcess;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mindrot.jbcrypt.BCrypt;

/**
 * Basic (htpasswd) and bearer-token authentication against real distribution 2.8 processes. All share one storage
 * directory: fixtures go in through an open instance, and are read through the protected ones.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class RegistryAuthIT {

    private static final String REPO = "auth/app";
    private static final String USER = "alice";
    private static final String PASSWORD = "correct-horse-battery-staple";
    private static final String TOKEN_USER = "bob";
    private static final String TOKEN_PASSWORD = "token-server-secret-pw";

    /** bcrypt's minimum cost: the hash's strength is irrelevant in a test, its speed is not. */
    private static final int BCRYPT_COST = 4;

    private static Path work;
    private static LocalRegistryProcess open;
    private static LocalRegistryProcess htpasswd;
    private static LocalRegistryProcess tokenAuth;
    private static TokenServerStub tokenServer;
    private static PushedImage image;
    private static RequestOptions loopback;

    @BeforeAll
    static void start() throws Exception {
        work = Files.createTempDirectory("imagepipe-auth-it-");
        Path storage = Files.createDirectories(work.resolve("storage"));
        open = LocalRegistries.start(storage);
        image = new ImageFixtures(open.endpoint()).pushOciImage(REPO, "1");

        Path htpasswdFile = Files.writeString(
                work.resolve("htpasswd"), USER + ":" + BCrypt.hashpw(PASSWORD, BCrypt.gensalt(BCRYPT_COST)) + "\n");
        htpasswd = LocalRegistries.start(
                storage, "auth:\n  htpasswd:\n    realm: imagepipe-test\n    path: " + htpasswdFile + "\n");

        tokenServer = TokenServerStub.requiringBasic(
                Files.createDirectories(work.resolve("token")), TOKEN_USER, TOKEN_PASSWORD);
        tokenAuth = LocalRegistries.start(storage, tokenServer.registryAuthSection());

        loopback = RequestOptions.defaults().withInsecure(true).withAllowedPrivateHosts(Set.of("127.0.0.1"));
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {tokenAuth, tokenServer, htpasswd, open}) {
            if (closeable != null) {
                closeable.close();
            }
        }
        LocalRegistries.deleteRecursively(work);
    }

    @Test
    void basicAuthWithTheRightPasswordGetsTheManifest() {
        try (var client = new RegistryClient()) {
            RawManifest manifest = client.getManifest(
                    htpasswd.endpoint().hostPort(),
                    REPO,
                    "1",
                    loopback.withCredentials(List.of(Credential.basic(USER, PASSWORD))));

            assertThat(manifest.bytes()).isEqualTo(image.image().manifest().bytes());
        }
    }

    @Test
    void wrongPasswordIsUnauthorizedWithoutThePasswordInMessageOrLog() {
        String wrong = "wrong-password-never-to-be-logged";
        String wrongHeader = Base64.getEncoder().encodeToString((USER + ":" + wrong).getBytes(StandardCharsets.UTF_8));
        RequestOptions options = loopback.withCredentials(List.of(Credential.basic(USER, wrong)));

        Captured captured = captureStderr(() -> {
            try (var client = new RegistryClient()) {
                client.getManifest(htpasswd.endpoint().hostPort(), REPO, "1", options);
            }
        });

        assertThat(captured.thrown()).isInstanceOfSatisfying(RegistryException.class, e -> {
            assertThat(e.reason()).isEqualTo(FailureReason.UNAUTHORIZED);
            assertThat(e.status()).isEqualTo(401);
        });
        assertThat(captured.thrown().getMessage()).doesNotContain(wrong).doesNotContain(wrongHeader);
        assertThat(captured.stderr()).doesNotContain(wrong).doesNotContain(wrongHeader);
        assertThat(options.toString()).doesNotContain(wrong);
    }

    @Test
    void triesEveryMatchingCredentialBeforeFailing() {
        try (var client = new RegistryClient()) {
            ManifestDescriptor head = client.head(
                    htpasswd.endpoint().hostPort(),
                    REPO,
                    "1",
                    loopback.withCredentials(
                            List.of(Credential.basic(USER, "stale-password"), Credential.basic(USER, PASSWORD))));

            assertThat(head.digest()).contains(image.digest());
        }
    }

    @Test
    void anonymousAccessToAnHtpasswdRegistryIsUnauthorized() {
        try (var client = new RegistryClient()) {
            assertThatThrownBy(() -> client.head(htpasswd.endpoint().hostPort(), REPO, "1", loopback))
                    .isInstanceOfSatisfying(
                            RegistryException.class, e -> assertThat(e.reason()).isEqualTo(FailureReason.UNAUTHORIZED));
        }
    }

    @Test
    void bearerFlowGetsATokenFromTheIssuerAndReusesItAcrossVerbs() {
        RequestOptions options = loopback.withCredentials(List.of(Credential.basic(TOKEN_USER, TOKEN_PASSWORD)));
        String registry = tokenAuth.endpoint().hostPort();
        try (var client = new RegistryClient()) {
            int before = tokenServer.tokenRequests();

            ManifestDescriptor head = client.head(registry, REPO, "1", options);
            RawManifest manifest = client.getManifest(registry, REPO, "1", options);
            byte[] config =
                    client.getBlob(registry, REPO, image.image().config().digest(), options);
            TagList tags = client.listTags(registry, REPO, options);

            assertThat(head.digest()).contains(image.digest());
            assertThat(manifest.bytes()).isEqualTo(image.image().manifest().bytes());
            assertThat(config).isEqualTo(image.image().config().bytes());
            assertThat(tags.tags()).containsExactly("1");
            assertThat(tokenServer.tokenRequests() - before)
                    .as("token requests")
                    .isEqualTo(1);
        }
    }

    @Test
    void bearerFlowWithCredentialsTheIssuerRejectsIsUnauthorized() {
        String wrong = "rejected-by-the-token-issuer";
        RequestOptions options = loopback.withCredentials(List.of(Credential.basic(TOKEN_USER, wrong)));
        try (var client = new RegistryClient()) {
            assertThatThrownBy(() -> client.head(tokenAuth.endpoint().hostPort(), REPO, "1", options))
                    .isInstanceOfSatisfying(
                            RegistryException.class, e -> assertThat(e.reason()).isEqualTo(FailureReason.UNAUTHORIZED))
                    .message()
                    .doesNotContain(wrong);
        }
    }

    private record Captured(Throwable thrown, String stderr) {}

    private static Captured captureStderr(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        Throwable thrown = null;
        System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } catch (RuntimeException e) {
            thrown = e;
        } finally {
            System.setErr(original);
        }
        String stderr = buffer.toString(StandardCharsets.UTF_8);
        original.print(stderr);
        return new Captured(thrown, stderr);
    }
}
