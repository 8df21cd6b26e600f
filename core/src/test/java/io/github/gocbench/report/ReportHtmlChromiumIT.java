package io.github.gocbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens report.html in a real browser (Debian's headless Chromium): every embedded chart must
 * load and decode at its declared width, and the page must render. Skips when
 * {@code /usr/bin/chromium} is absent so a fresh machine's {@code ./mvnw verify} still passes.
 */
class ReportHtmlChromiumIT {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    /** Bound on one browser run; a page of 15 data: URIs renders in a few seconds. */
    static final long TIMEOUT_SECONDS = 90;

    /** Counts the images that decoded at their declared width, once the page has loaded. */
    static final String PROBE = """
            <script>
            window.addEventListener('load', function () {
              var imgs = Array.prototype.slice.call(document.images);
              var ok = imgs.filter(function (i) {
                return i.complete && i.naturalWidth > 0 && i.naturalWidth === parseInt(i.getAttribute('width'), 10);
              });
              document.body.setAttribute('data-image-count', String(imgs.length));
              document.body.setAttribute('data-loaded-count', String(ok.length));
            });
            </script>
            """;

    @TempDir
    static Path tmp;
    static ReportFiles files;

    @BeforeAll
    static void drawReport() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
                "SKIPPED: " + CHROMIUM + " is absent, so report.html is not checked in a browser "
                        + "(install it with: apt-get install -y chromium)");
        files = Report.write(SampleResults.all(), tmp.resolve("report"));
    }

    @Test
    void everyChartLoadsInTheBrowser() throws Exception {
        String html = Files.readString(files.html(), StandardCharsets.UTF_8);
        assertThat(html).contains("</body>");
        Path probe = files.dir().resolve("probe.html");
        Files.writeString(probe, html.replace("</body>", PROBE + "</body>"), StandardCharsets.UTF_8);

        String dom = chromium("--virtual-time-budget=10000", "--dump-dom", probe.toUri().toString());

        Matcher body = Pattern.compile("<body[^>]*data-image-count=\"(\\d+)\"[^>]*data-loaded-count=\"(\\d+)\"")
                .matcher(dom);
        assertThat(body.find()).as("the probe ran and wrote its counts; DOM starts: %s",
                dom.substring(0, Math.min(300, dom.length()))).isTrue();
        assertThat(Integer.parseInt(body.group(1))).as("images in the page").isEqualTo(files.charts().size());
        assertThat(Integer.parseInt(body.group(2))).as("images that loaded at their size")
                .isEqualTo(files.charts().size());
        assertThat(dom).contains("goc-bench report", "How to read this", "<table class=\"verdict\">");
    }

    @Test
    void pageRendersToAScreenshot() throws Exception {
        Path shot = Path.of("target", "chromium-it", "report.png").toAbsolutePath();
        Files.createDirectories(shot.getParent());
        Files.deleteIfExists(shot);
        chromium("--window-size=1200,2400", "--hide-scrollbars", "--screenshot=" + shot,
                files.html().toUri().toString());

        BufferedImage img = ImageIO.read(shot.toFile());
        assertThat(img).as("screenshot written to %s", shot).isNotNull();
        assertThat(img.getWidth()).isEqualTo(1200);
        // not blank: the verdict cells' fills (Okabe–Ito tints) are on the first screen
        boolean safeFill = false;
        boolean unsafeFill = false;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y) & 0xFFFFFF;
                safeFill |= rgb == (VerdictGrid.SAFE_FILL.getRGB() & 0xFFFFFF);
                unsafeFill |= rgb == (VerdictGrid.UNSAFE_FILL.getRGB() & 0xFFFFFF);
            }
        }
        assertThat(safeFill).as("SAFE cells drawn").isTrue();
        assertThat(unsafeFill).as("UNSAFE cells drawn").isTrue();
    }

    /** Runs headless Chromium with a fresh profile, bounded by {@link #TIMEOUT_SECONDS}; returns stdout. */
    private static String chromium(String... args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(tmp, "profile-");
        Path out = Files.createTempFile(tmp, "chromium-", ".out");
        Path err = Files.createTempFile(tmp, "chromium-", ".err");
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
            fail("chromium did not finish within " + TIMEOUT_SECONDS + " s: " + cmd);
        }
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as("chromium exit code; stderr: %s", stderr).isZero();
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
