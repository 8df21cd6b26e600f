package io.github.gocbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Report.write on a realistic result set: files, image sizes, SVG text, Markdown and HTML content. */
class ReportTest {

    /** One drawing shared by the tests that only read it (drawing 15 charts takes a few seconds). */
    @TempDir
    static Path shared;
    static ReportFiles files;

    @TempDir
    Path dir;

    @BeforeAll
    static void drawOnce() throws Exception {
        files = Report.write(SampleResults.all(), shared);
    }

    /** The charts SampleResults must produce, by file stem. */
    static final Set<String> EXPECTED_CHARTS = Set.of(
            "verdict",
            // race: every server × condition
            "anomaly-postgresql-17-6-embedded-race-autocommit", "anomaly-postgresql-17-6-embedded-race-outer-tx",
            "anomaly-mariadb-11-4-5-embedded-race-autocommit", "anomaly-mariadb-11-4-5-embedded-race-outer-tx",
            // steady: only PostgreSQL's naive saw anomalies there
            "anomaly-postgresql-17-6-embedded-keys-hot-autocommit",
            "anomaly-postgresql-17-6-embedded-keys-hotset-16-autocommit",
            "throughput-postgresql-17-6-embedded-hot-autocommit",
            "throughput-postgresql-17-6-embedded-hotset-16-autocommit",
            "throughput-mariadb-11-4-5-embedded-hot-autocommit",
            "throughput-mariadb-11-4-5-embedded-hotset-16-autocommit",
            "latency-postgresql-17-6-embedded-keys-hot-autocommit",
            "latency-postgresql-17-6-embedded-keys-hotset-16-autocommit",
            "latency-mariadb-11-4-5-embedded-keys-hot-autocommit",
            "latency-mariadb-11-4-5-embedded-keys-hotset-16-autocommit");

    @Test
    void writesEveryChartAsPngAndSvgPlusMarkdownAndHtml() throws Exception {
        Path dir = shared;

        assertThat(files.markdown()).isEqualTo(dir.resolve("report.md"));
        assertThat(files.html()).isEqualTo(dir.resolve("report.html"));
        assertThat(files.charts()).extracting(RenderedChart::id).containsExactlyInAnyOrderElementsOf(EXPECTED_CHARTS);
        Set<String> onDisk;
        try (Stream<Path> s = Files.list(dir.resolve("charts"))) {
            onDisk = s.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> expectedFiles = new TreeSet<>();
        EXPECTED_CHARTS.forEach(id -> expectedFiles.addAll(List.of(id + ".png", id + ".svg")));
        assertThat(onDisk).isEqualTo(expectedFiles);
        for (Path p : List.of(files.markdown(), files.html())) {
            assertThat(Files.size(p)).as(p.toString()).isGreaterThan(0);
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).as("no staging folder left behind")
                    .containsExactlyInAnyOrder("charts", "report.md", "report.html");
        }
        assertThat(System.getProperty("java.awt.headless")).as("set before AWT was used").isEqualTo("true");
    }

    @Test
    void pngsDecodeAtTheirSizeAndSvgsCarryTitleAndEveryStrategy() throws Exception {
        for (RenderedChart c : files.charts()) {
            BufferedImage img = ImageIO.read(c.png().toFile());
            assertThat(img).as(c.png().toString()).isNotNull();
            assertThat(img.getWidth()).as(c.id()).isEqualTo(c.width());
            assertThat(img.getHeight()).as(c.id()).isEqualTo(c.height());
            if (c.kind() != ChartKind.VERDICT) {
                assertThat(c.width()).isEqualTo(StrategyPlots.WIDTH);
                assertThat(c.height()).isEqualTo(StrategyPlots.HEIGHT);
            }

            List<String> texts = ChartFiles.svgTexts(c.svg());
            assertThat(texts).as(c.id()).contains(c.title());
            // every strategy of the sample appears in every chart: legend (or grid rows)
            for (String s : SampleResults.STRATEGIES) {
                assertThat(texts).as(c.id() + " names " + s).anyMatch(t -> t.equals(s) || t.startsWith(s + " ("));
            }
        }
        RenderedChart grid = files.charts().stream().filter(c -> c.kind() == ChartKind.VERDICT).findFirst().get();
        assertThat(ChartFiles.svgTexts(grid.svg())).contains("✓ <0.20%", "dup 56%", "dup, idmismatch 56%",
                "deadlock 11%", "notfound 11%", "PostgreSQL 17.6 · outer-tx", "MariaDB 11.4.5 · autocommit");
    }

    @Test
    void markdownHoldsTheVerdictTableEnvironmentAndLinksEveryChart() throws Exception {
        Path dir = shared;
        String md = Files.readString(files.markdown(), StandardCharsets.UTF_8);

        assertThat(md).startsWith(ReportPage.MARKER)
                .contains("| strategy | MariaDB 11.4.5 · autocommit | MariaDB 11.4.5 · outer-tx "
                        + "| PostgreSQL 17.6 · autocommit | PostgreSQL 17.6 · outer-tx |")
                .contains("| `naive` | dup 56% | dup, idmismatch 56% | dup 56% | dup 56% |")
                .contains("| `transactional` | ✓ <0.20% | deadlock 11% | ✓ <0.20% | notfound 11% |")
                .contains("| `upsert` | ✓ <0.20% | ✓ <0.20% | ✓ <0.20% | ✓ <0.20% |")
                .contains("- `idmismatch`: ", "- `notfound`: ", "- `deadlock`: ", "- `dup`: ")
                .contains("## How to read this")
                .contains("2 cores · OpenJDK 64-Bit Server VM 17.0.15+6-Debian")
                .contains("| PostgreSQL 17.6 (embedded) | PostgreSQL | 17.6 | embedded |")
                .contains("fsync=off", "innodb_flush_log_at_trx_commit=1")
                .contains("84 runs (36 race, 48 steady)");
        for (RenderedChart c : files.charts()) {
            assertThat(md).contains("](charts/" + c.id() + ".png)", "(charts/" + c.id() + ".svg)");
        }
        // the verdict table's rows come in DESIGN.md strategy order (the ranking above it is by goodput)
        int verdict = md.indexOf("## Verdict");
        assertThat(md.indexOf("| `naive` |", verdict)).isLessThan(md.indexOf("| `transactional` |", verdict));
        assertThat(md.indexOf("| `transactional` |", verdict)).isLessThan(md.indexOf("| `upsert` |", verdict));
        assertThat(md.indexOf("## Which strategy?")).isBetween(0, verdict);
    }

    @Test
    void htmlEmbedsEveryChartAsTheSameSvgBytes() throws Exception {
        Path dir = shared;
        String html = Files.readString(files.html(), StandardCharsets.UTF_8);

        assertThat(html).startsWith("<!DOCTYPE html>").contains(ReportPage.HTML_MARKER)
                .contains("<table class=\"verdict\">").contains("<td class=\"safe\"")
                .contains("<td class=\"unsafe\" title=\"3 runs\">dup, idmismatch 56%</td>")
                .doesNotContain("src=\"charts/").doesNotContain("href=\"http");
        Matcher m = Pattern.compile("<figure id=\"([^\"]+)\">\\s*<img src=\"data:image/svg\\+xml;base64,([A-Za-z0-9+/=]+)\"")
                .matcher(html);
        List<String> embedded = new ArrayList<>();
        while (m.find()) {
            Path png = dir.resolve("charts").resolve(m.group(1) + ".svg");
            assertThat(Base64.getDecoder().decode(m.group(2))).as(m.group(1)).isEqualTo(Files.readAllBytes(png));
            embedded.add(m.group(1));
        }
        assertThat(embedded).containsExactlyInAnyOrderElementsOf(EXPECTED_CHARTS);
    }

    @Test
    void redrawingTheSameResultsGivesTheSameFiles() throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        ReportFiles fa = Report.write(SampleResults.all(), a);
        Report.write(SampleResults.all(), b);
        assertThat(Files.readString(b.resolve("report.md"))).isEqualTo(Files.readString(fa.markdown()));
        for (RenderedChart c : fa.charts()) {
            assertThat(Files.readAllBytes(b.resolve("charts").resolve(c.id() + ".svg")))
                    .as(c.id()).isEqualTo(Files.readAllBytes(c.svg()));
        }
    }

    @Test
    void redrawReplacesThePreviousReportInTheFolderAndDropsStaleCharts() throws Exception {
        Report.write(SampleResults.all(), dir);
        Files.writeString(dir.resolve("results.json"), "[]");
        ReportFiles second = Report.write(SampleResults.race(), dir);

        try (Stream<Path> s = Files.list(dir.resolve("charts"))) {
            assertThat(s.map(p -> p.getFileName().toString())).as("steady charts of the first drawing are gone")
                    .noneMatch(n -> n.startsWith("throughput-") || n.startsWith("latency-postgresql-17-6-embedded-keys"))
                    .hasSize(second.charts().size() * 2);
        }
        assertThat(Files.readString(second.markdown())).contains("36 runs (36 race, 0 steady)");
        assertThat(dir.resolve("results.json")).as("other files are left alone").hasContent("[]");
    }

    @Test
    void refusesToOverwriteReportFilesItDidNotWrite() throws Exception {
        Files.writeString(dir.resolve("report.md"), "# my own notes\n");
        assertThatThrownBy(() -> Report.write(SampleResults.all(), dir))
                .isInstanceOf(FileAlreadyExistsException.class).hasMessageContaining("report.md");
        assertThat(dir.resolve("report.md")).hasContent("# my own notes");
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s).hasSize(1);
        }

        Path other = dir.resolve("other");
        Files.createDirectories(other.resolve("charts"));
        Files.writeString(other.resolve("charts/logo.png"), "not ours");
        assertThatThrownBy(() -> Report.write(SampleResults.all(), other))
                .isInstanceOf(FileAlreadyExistsException.class).hasMessageContaining("charts");
    }

    @Test
    void refusesToDrawNothing() {
        assertThatThrownBy(() -> Report.write(List.of(), dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nothing to draw");
    }
}
