package io.github.gocbench.report;

import io.github.gocbench.results.RunResult;
import io.github.gocbench.results.SteadyPoints;
import io.github.gocbench.results.WorkloadKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Draws the report of {@code goc compare} and {@code goc report}: from saved results only, so
 * any saved run can be re-drawn. Writes into one folder
 * <pre>
 *   charts/verdict.png|svg             verdict grid (strategy × server/condition)
 *   charts/anomaly-*.png|svg           anomaly rate against threads, per server/workload/condition
 *   charts/throughput-*.png|svg        calls/s against threads, per server/keys/condition
 *   charts/latency-*.png|svg           p50/p99/p99.9 µs per strategy, per server/keys/condition
 *   charts/cost-*.png|svg              cost per successful call per strategy (counts; bytes in cost-bytes-*)
 *   charts/jmh-throughput-*.png|svg    JMH throughput, when JMH results were given
 *   report.md                          Markdown linking the charts
 *   report.html                        self-contained page, charts embedded as data: URIs
 * </pre>
 * Files are drawn into a temporary folder and moved into place. The folder is the one being
 * (re)drawn: a previous goc-bench report there is replaced, but report files goc-bench did not
 * write are never overwritten ({@link java.nio.file.FileAlreadyExistsException}); other files
 * (results.json, CSV) are left alone.
 */
public final class Report {

    private static final Logger log = LoggerFactory.getLogger(Report.class);

    static {
        Headless.ensure();
    }

    private Report() {
    }

    /** Draws the report of {@code results} into {@code outDir}; what {@code goc compare} calls. */
    public static ReportFiles write(List<RunResult> results, Path outDir) throws IOException {
        // the results saved beside the report (goc compare writes results.json first) are its data files
        Path saved = outDir.resolve("results.json");
        return write(Files.isRegularFile(saved) ? new ReportInput(results, List.of(), List.of(saved))
                : ReportInput.of(results), outDir);
    }

    /**
     * Re-draws from saved files (goc results JSON and/or JMH {@code -rf json}) into the folder
     * of the first file; what {@code goc report FILE...} calls.
     */
    public static ReportFiles redraw(List<Path> files) throws IOException {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no result files given");
        }
        Path dir = files.get(0).toAbsolutePath().getParent();
        return write(ReportInput.read(files), dir);
    }

    /**
     * Draws the report of {@code input} into {@code outDir}.
     *
     * @throws IllegalArgumentException when the input holds nothing to draw
     * @throws java.nio.file.FileAlreadyExistsException when {@code outDir} holds report files
     *         goc-bench did not write
     */
    public static ReportFiles write(ReportInput input, Path outDir) throws IOException {
        Headless.ensure();
        if (input.isEmpty()) {
            throw new IllegalArgumentException("nothing to draw: no runs and no JMH throughput results");
        }
        Files.createDirectories(outDir);
        ReportFolder.checkOwned(outDir);
        Path staging = ReportFolder.staging(outDir);
        try {
            Path chartsDir = staging.resolve(ReportFolder.CHARTS);
            VerdictGrid grid = VerdictGrid.of(input.runs());
            List<RenderedChart> charts = new ArrayList<>();
            for (ChartWriter.Drawing d : drawings(input, grid)) {
                charts.add(ChartWriter.write(d, chartsDir));
            }
            ReportPage page = new ReportPage(input, grid, charts);
            Files.writeString(staging.resolve(ReportFolder.HTML), page.html(), StandardCharsets.UTF_8);
            Files.writeString(staging.resolve(ReportFolder.MARKDOWN), page.markdown(), StandardCharsets.UTF_8);
            ReportFolder.publish(staging, outDir);
            Path published = outDir.resolve(ReportFolder.CHARTS);
            List<RenderedChart> moved = charts.stream().map(c -> c.movedTo(published)).toList();
            log.debug("report: {} charts in {}", moved.size(), outDir);
            return new ReportFiles(outDir, outDir.resolve(ReportFolder.MARKDOWN), outDir.resolve(ReportFolder.HTML),
                    moved);
        } finally {
            ReportFolder.deleteTree(staging);
        }
    }

    /** Per server label, the strategies a race in autocommit showed an anomaly of (steady runs are autocommit). */
    static Map<String, Set<String>> unsafeInAutocommit(List<RunResult> runs) {
        Map<String, Set<String>> out = new HashMap<>();
        for (Recommendation rec : Recommendation.of(runs)) {
            if (rec.situation().equals("autocommit")) {
                Set<String> s = out.computeIfAbsent(rec.server(), k -> new HashSet<>());
                rec.unsafe().forEach(u -> s.add(u.strategy()));
            }
        }
        return out;
    }

    /**
     * How the steady points were measured, e.g. "median of 3 runs of 1s after 0.25s warm-up",
     * or "" without steady runs.
     */
    static String steadyNote(List<RunResult> runs) {
        List<RunResult> steady = runs.stream().filter(r -> r.config() != null && r.totals() != null
                && r.config().workload() == WorkloadKind.STEADY).toList();
        if (steady.isEmpty()) {
            return "";
        }
        int repeats = SteadyPoints.of(steady).values().stream().mapToInt(SteadyPoints.Point::runs).max().orElse(1);
        RunResult.ConfigInfo c = steady.get(0).config();
        String run = seconds(c.durationSeconds()) + (c.warmupSeconds() == null ? ""
                : " after " + seconds(c.warmupSeconds()) + " warm-up");
        return repeats == 1 ? "one run of " + run : "median of " + repeats + " runs of " + run;
    }

    private static String seconds(Double s) {
        return s == null ? "?" : new java.math.BigDecimal(String.format(java.util.Locale.ROOT, "%.2f", s))
                .stripTrailingZeros().toPlainString() + " s";
    }

    /** Every chart of the report, in report order, with unique ids. */
    private static List<ChartWriter.Drawing> drawings(ReportInput input, VerdictGrid grid) {
        List<ChartWriter.Drawing> all = new ArrayList<>();
        if (!input.runs().isEmpty()) {
            all.add(grid.drawing());
        }
        all.addAll(AnomalyChart.drawings(input.runs()));
        all.addAll(ThroughputChart.drawings(ThroughputChart.points(input.runs()), "throughput", "Goodput",
                unsafeInAutocommit(input.runs()), steadyNote(input.runs())));
        all.addAll(LatencyChart.drawings(input.runs()));
        all.addAll(CostChart.drawings(input.runs())); // issue 17
        all.addAll(ThroughputChart.drawings(input.benchmarks(), "jmh-throughput", "JMH throughput"));
        Set<String> ids = new HashSet<>();
        List<ChartWriter.Drawing> unique = new ArrayList<>();
        for (ChartWriter.Drawing d : all) {
            String id = d.id();
            for (int n = 2; !ids.add(id); n++) {
                id = d.id() + "-" + n;
            }
            unique.add(new ChartWriter.Drawing(d.kind(), id, d.chart(), d.caption(), d.width(), d.height()));
        }
        return unique;
    }
}
