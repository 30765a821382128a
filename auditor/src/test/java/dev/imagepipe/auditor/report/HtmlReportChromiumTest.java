package dev.imagepipe.auditor.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imagepipe.auditor.fixtures.KnownTimeline;
import dev.imagepipe.testing.Prerequisites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the HTML report in headless Chromium (Debian's {@code chromium}): the page loads and draws, and the DOM the
 * browser builds from it holds the tag rows. Skipped locally without Chromium; fails on CI.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class HtmlReportChromiumTest {

    /** A report page of a few tags compresses to some kilobytes; an empty white page is far below this. */
    static final long NON_TRIVIAL_PNG_BYTES = 5_000;

    /** Wide enough for the timeline table without wrapping digests. */
    static final String WINDOW_SIZE = "1280,2000";

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private static Path chromium;

    @TempDir
    Path directory;

    @BeforeAll
    static void findChromium() {
        chromium = Prerequisites.requireExecutable("chromium", "apt-get install -y chromium");
    }

    @Test
    void rendersAScreenshotAndADomWithTheTagRows() throws Exception {
        Path page = directory.resolve("report.html");
        Files.writeString(
                page, HtmlReport.render(Reports.of(KnownTimeline.create().records())));
        Path screenshot = directory.resolve("report.png");

        run(
                "--screenshot=" + screenshot,
                "--window-size=" + WINDOW_SIZE,
                page.toUri().toString());
        String dom = run("--dump-dom", page.toUri().toString());

        byte[] png = Files.readAllBytes(screenshot);
        assertThat(png).startsWith(PNG_SIGNATURE);
        assertThat((long) png.length).isGreaterThan(NON_TRIVIAL_PNG_BYTES);
        assertThat(dom).contains("data-stream=\"prod/api\"");
        assertThat(dom).contains("data-tag=\"prod/api:stable\" data-kind=\"Added\"");
        assertThat(dom).contains("data-tag=\"prod/api:stable\" data-kind=\"Moved\"");
        assertThat(dom).contains("data-tag=\"prod/api:stable\" data-kind=\"ImportFailed\"");
        assertThat(dom).contains("data-tag=\"prod/api:stable\" data-kind=\"Recovered\"");
        assertThat(dom).contains("data-tag=\"prod/api:latest\" data-kind=\"Added\"");
    }

    /** Runs headless Chromium to completion and returns its standard output. */
    private String run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                chromium.toString(),
                "--headless",
                "--no-sandbox", // tests may run as root in containers, where the sandbox cannot start
                "--disable-gpu",
                "--user-data-dir=" + directory.resolve("profile")));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .redirectError(directory.resolve("chromium.log").toFile())
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(() -> readLog()).isZero();
        return out;
    }

    private String readLog() {
        try {
            return Files.readString(directory.resolve("chromium.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
