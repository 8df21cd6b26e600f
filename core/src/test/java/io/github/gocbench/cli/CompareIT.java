package io.github.gocbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gocbench.plan.Sweep;
import io.github.gocbench.results.ResultsWriter;
import io.github.gocbench.results.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code goc compare} end to end on embedded PostgreSQL, shrunk with the hidden size overrides
 * (races of at most 30 rounds in a 300 ms budget, steady runs of 300 ms) so it takes well under a
 * minute, then {@code goc report} on what it wrote. Checks the files and the plan's shape, not
 * the verdicts: with so few rounds a naive race may, rarely, see no anomaly.
 */
class CompareIT {

    @TempDir
    static Path out;

    private static GocCliIT.Run compare;
    private static Path folder;

    @BeforeAll
    static void runCompare() throws IOException {
        compare = GocCliIT.goc("compare", "--quick", "--db", "postgres", "--strategy", "naive,transactional,upsert",
                "--out", out.toString(),
                "--rounds", "30", "--race-budget", "300ms", "--duration", "300ms", "--warmup", "100ms");
        Path latest = out.resolve("latest");
        folder = Files.isDirectory(latest) ? latest.toRealPath() : null;
    }

    @Test
    void exitsZeroAndWritesResultsChartsReportAndLatest() throws IOException {
        assertThat(compare.exit()).as(compare.err()).isZero();
        assertThat(folder).isNotNull();
        assertThat(folder.getFileName().toString()).matches("\\d{8}-\\d{6}(-\\d+)?");
        for (String f : List.of("results.json", "results.csv", "report.md", "report.html")) {
            assertThat(folder.resolve(f)).isNotEmptyFile();
        }
        assertThat(folder.resolve("summary.md")).doesNotExist();
        List<Path> charts = charts(folder);
        assertThat(charts).anyMatch(p -> p.getFileName().toString().equals("verdict.png"))
                .anyMatch(p -> p.getFileName().toString().startsWith("throughput-"))
                .anyMatch(p -> p.getFileName().toString().startsWith("anomaly-"))
                .anyMatch(p -> p.getFileName().toString().startsWith("latency-"));
        for (Path png : charts.stream().filter(p -> p.toString().endsWith(".png")).toList()) {
            byte[] head = Files.readAllBytes(png);
            assertThat(head).as(png.toString()).startsWith(0x89, 'P', 'N', 'G');
            Path svg = png.resolveSibling(png.getFileName().toString().replace(".png", ".svg"));
            assertThat(Files.readString(svg)).as(svg.toString()).contains("<svg");
        }
        // charts embedded as SVG (crisp), the data files linked
        assertThat(Files.readString(folder.resolve("report.html"))).contains("data:image/svg+xml;base64,")
                .contains("<a href=\"results.json\">").contains("<a href=\"results.csv\">")
                .contains("How it was measured");
        assertThat(compare.out()).contains("results: " + folder.toAbsolutePath())
                .contains("report: " + folder.resolve("report.md")).contains(folder.resolve("report.html").toString());
    }

    @Test
    void quickPlanRacesAtEightThreadsAndRunsThreeSteadyWorkloadsOnce() throws IOException {
        List<RunResult> runs = ResultsWriter.readJson(folder.resolve("results.json"));
        List<RunResult> races = runs.stream().filter(r -> r.race() != null).toList();
        List<RunResult> steady = runs.stream().filter(r -> r.race() == null).toList();
        // 3 strategies x (autocommit, outer-tx, side-effect, no-unique at 8); 3 x 3 workloads x 2 thread counts
        assertThat(races).hasSize(12);
        assertThat(steady).hasSize(18);
        assertThat(races).extracting(r -> r.config().threads() + (r.config().conditions().outerTx() ? " outer-tx" : "")
                        + (r.config().conditions().sideEffect() ? " side-effect" : "")
                        + (r.config().conditions().unique() ? "" : " no-unique"))
                .containsOnly("8", "8 outer-tx", "8 side-effect", "8 no-unique");
        assertThat(steady).extracting(r -> r.config().threads()).containsOnly(1, 8);
        // hit-heavy, create-heavy and the seed blog's get-or-create then delete
        assertThat(steady).extracting(r -> r.config().keys() + " churn " + r.config().conditions().churn())
                .containsOnly("hotset:1000 churn 0.0", "new churn 0.0", "hot churn 1.0");
        // one run per point in --quick: the document's steadyPoints fold nothing
        com.fasterxml.jackson.databind.JsonNode points = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(folder.resolve("results.json").toFile()).path("steadyPoints");
        assertThat(points.size()).isEqualTo(18);
        points.forEach(p -> assertThat(p.path("runs").asInt()).isEqualTo(1));
        // the terminal summary answers first: ranking per server and situation, then the tables
        assertThat(compare.out()).contains("Which strategy?", "PostgreSQL 17.6 (embedded) · autocommit",
                "hit-heavy 1/8t", "create-heavy 1/8t", "get+delete 1/8t");
        assertThat(compare.out().indexOf("Which strategy?")).isLessThan(compare.out().indexOf("postgres: PostgreSQL"));
        assertThat(races).allSatisfy(r -> assertThat(r.race().rounds()).isBetween(Sweep.MIN_RACE_ROUNDS, 30));
    }

    @Test
    void latencyOfFailedCallsIsKeptApartFromTheSuccessfulOnes() throws IOException {
        List<RunResult> runs = ResultsWriter.readJson(folder.resolve("results.json"));
        for (RunResult r : runs) {
            long failed = r.totals().calls() - r.totals().successful();
            // failed-call percentiles exactly when some call failed; successful ones when some succeeded
            assertThat(r.failedLatencyMicros() != null).as(r.config() + ": " + r.outcomes()).isEqualTo(failed > 0);
            assertThat(r.latencyMicros().max() > 0).as(r.config() + ": " + r.outcomes())
                    .isEqualTo(r.totals().successful() > 0);
        }
        // naive's races at 8 threads and the get-or-create-then-delete runs make failures somewhere
        assertThat(runs).anyMatch(r -> r.failedLatencyMicros() != null);
    }

    @Test
    void reportOfTwoRunsOfTheSameConfigurationsRefusesInOneLine(@TempDir Path dir) throws IOException {
        Path copy = dir.resolve("again.json");
        Files.copy(folder.resolve("results.json"), copy);
        GocCliIT.Run r = GocCliIT.goc("report", folder.resolve("results.json").toString(), copy.toString(),
                "--out", dir.resolve("out").toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.errLines().get(0)).startsWith("goc report: ").contains("both measured postgres", "goc diff ")
                .doesNotContain("Exception").doesNotContain("Conditions[");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void reportRedrawsInPlaceAndIntoAnotherFolder(@TempDir Path other) throws IOException {
        Path md = folder.resolve("report.md");
        Files.setLastModifiedTime(md, FileTime.fromMillis(0));
        GocCliIT.Run inPlace = GocCliIT.goc("report", folder.resolve("results.json").toString());
        assertThat(inPlace.exit()).as(inPlace.err()).isZero();
        assertThat(Files.getLastModifiedTime(md).toMillis()).isPositive();
        assertThat(inPlace.out()).contains("report: " + md);

        Path dir = other.resolve("redrawn");
        GocCliIT.Run elsewhere = GocCliIT.goc("report", folder.resolve("results.json").toString(), "--out",
                dir.toString());
        assertThat(elsewhere.exit()).as(elsewhere.err()).isZero();
        assertThat(dir.resolve("report.md")).isNotEmptyFile();
        assertThat(dir.resolve("report.html")).isNotEmptyFile();
        assertThat(charts(dir).stream().map(p -> p.getFileName().toString()))
                .containsExactlyInAnyOrderElementsOf(charts(folder).stream().map(p -> p.getFileName().toString())
                        .toList());
    }

    @Test
    void reportOnAMissingFileOrOtherJsonIsOneLineAndExitTwo(@TempDir Path dir) throws IOException {
        Path other = Files.writeString(dir.resolve("other.json"), "{\"name\": \"not results\"}");
        Path text = Files.writeString(dir.resolve("notes.json"), "not json at all");
        for (Path f : List.of(dir.resolve("missing.json"), other, text)) {
            GocCliIT.Run r = GocCliIT.goc("report", f.toString());
            assertThat(r.exit()).as(f + ": " + r.err()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(r.errLines()).as(f.toString()).hasSize(1);
            assertThat(r.errLines().get(0)).startsWith("goc report: " + f).doesNotContain("Exception");
            assertThat(r.out()).isEmpty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactlyInAnyOrder(other, text);
        }
    }

    @Test
    void compareWithNoReachableDatabaseExitsThreeAndWritesNothing(@TempDir Path dir) throws IOException {
        GocCliIT.Run r = GocCliIT.goc("compare", "--quick", "--db", "postgres", "--db-url",
                "jdbc:postgresql://127.0.0.1:1/x", "--out", dir.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(r.errLines()).last().asString().startsWith("goc compare: no database could be used: postgres: ");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    private static List<Path> charts(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir.resolve("charts"))) {
            return s.sorted().toList();
        }
    }
}
