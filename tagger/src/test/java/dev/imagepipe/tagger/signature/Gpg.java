package dev.imagepipe.tagger.signature;

import dev.imagepipe.testing.Prerequisites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code gpg} in a private, throw-away home: generates keys, exports them armored and signs payloads as
 * {@code gpg --sign} does for simple signing. Missing gpg skips the tests locally and fails them on CI.
 */
public final class Gpg implements AutoCloseable {

    /** A hung gpg (e.g. waiting for a pinentry) must not hang the build; real calls take well under a second. */
    private static final long PROCESS_LIMIT_SECONDS = 60;

    private final Path executable;
    private final Path home;

    private Gpg(Path executable, Path home) {
        this.executable = executable;
        this.home = home;
    }

    /** A gpg with an empty home under {@code dir}. */
    public static Gpg in(Path dir) throws IOException {
        Path gpg = Prerequisites.requireExecutable("gpg", "apt-get install gnupg");
        Path home = Files.createDirectory(
                dir.resolve("gnupg"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        return new Gpg(gpg, home);
    }

    /** Generates an unprotected signing key for {@code userId} with {@code algorithm} (e.g. ed25519, rsa2048). */
    public void generateKey(String userId, String algorithm) {
        run(null, "--passphrase", "", "--quick-gen-key", userId, algorithm, "sign", "never");
    }

    /** The ASCII-armored public key of {@code userId}. */
    public String exportPublicKey(String userId) {
        return new String(run(null, "--armor", "--export", userId), StandardCharsets.US_ASCII);
    }

    /** The 16-hex-digit long key ID of {@code userId}'s primary key, lowercase. */
    public String longKeyId(String userId) {
        String listing = new String(run(null, "--with-colons", "--list-keys", userId), StandardCharsets.UTF_8);
        return listing.lines()
                .filter(line -> line.startsWith("pub:"))
                .map(line -> line.split(":")[4].toLowerCase())
                .findFirst()
                .orElseThrow();
    }

    /** A binary OpenPGP signed message of {@code data} by {@code userId}, compressed as gpg does by default. */
    public byte[] sign(String userId, byte[] data) {
        return run(data, "--local-user", userId, "--sign");
    }

    /** As {@link #sign}, but uncompressed, so the payload bytes can be found (and altered) in the message. */
    public byte[] signUncompressed(String userId, byte[] data) {
        return run(data, "--local-user", userId, "--compress-algo", "none", "--sign");
    }

    private byte[] run(byte[] stdin, String... args) {
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--batch", "--yes", "--no-tty"));
        command.addAll(List.of(args));
        try {
            Path input = Files.write(Files.createTempFile(home, "in", ".bin"), stdin == null ? new byte[0] : stdin);
            Path output = Files.createTempFile(home, "out", ".bin");
            Path errors = Files.createTempFile(home, "err", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectInput(input.toFile())
                    .redirectOutput(output.toFile())
                    .redirectError(errors.toFile());
            builder.environment().put("GNUPGHOME", home.toString());
            Process process = builder.start();
            if (!process.waitFor(PROCESS_LIMIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("gpg did not finish: " + command);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("gpg failed: " + command + "\n" + Files.readString(errors));
            }
            return Files.readAllBytes(output);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run gpg", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running gpg", e);
        }
    }

    /** Stops the gpg-agent this home started, so no process outlives the tests. */
    @Override
    public void close() throws IOException, InterruptedException {
        Path gpgconf = executable.resolveSibling("gpgconf");
        if (Files.isExecutable(gpgconf)) {
            ProcessBuilder builder = new ProcessBuilder(gpgconf.toString(), "--kill", "gpg-agent")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            builder.environment().put("GNUPGHOME", home.toString());
            builder.start().waitFor(PROCESS_LIMIT_SECONDS, TimeUnit.SECONDS);
        }
    }
}
