package io.github.gocbench.results;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gocbench.dialect.DbFamily;
import io.github.gocbench.outcome.Outcome;
import io.github.gocbench.outcome.Verdict;
import io.github.gocbench.server.Provision;
import io.github.gocbench.server.TargetInfo;
import io.github.gocbench.strategy.Conditions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Repeated steady runs folded into median, min and max; written to JSON and CSV; failed-call latency kept apart. */
class SteadyPointsTest {

    @TempDir
    Path dir;

    private static final TargetInfo PG = new TargetInfo(DbFamily.POSTGRES, "PostgreSQL", "17.6", Provision.EMBEDDED,
            "jdbc:postgresql://localhost/postgres", Map.of());

    /** A 2-second steady run with {@code ok} successful and {@code dup} failed calls. */
    static RunResult steady(String strategy, String keys, double churn, int threads, long ok, long dup) {
        Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
        outcomes.put(Outcome.FOUND, ok);
        outcomes.put(Outcome.DUPLICATE_KEY, dup);
        return new RunResult("goc-bench", "dev", Instant.EPOCH, new RunResult.HostInfo(2, "17", "Linux"), PG,
                new RunResult.ConfigInfo(strategy, WorkloadKind.STEADY, threads, null, 2.0, 0.5, keys,
                        new Conditions(null, false, true, false, churn)),
                new RunResult.Totals(ok + dup, 2.0, (ok + dup) / 2.0), outcomes, Map.of(),
                new RunResult.Latency(100, 150, 200, 300, 400), 0, null, dup > 0 ? Verdict.UNSAFE : Verdict.SAFE,
                null, true, null, RunResult.SCHEMA_VERSION, null, null, null, null,
                dup > 0 ? new RunResult.Latency(10, 20, 30, 40, 50) : null);
    }

    @Test
    void repeatedRunsFoldIntoMedianMinAndMaxPerConfiguration() {
        List<RunResult> runs = List.of(
                steady("upsert", "new", 0, 8, 18_000, 0), steady("upsert", "new", 0, 8, 2_000, 0),
                steady("upsert", "new", 0, 8, 6_000, 0),
                // another configuration each: other threads, other churn
                steady("upsert", "new", 0, 1, 1_000, 0), steady("upsert", "hot", 1.0, 8, 500, 1_500));
        Map<SteadyPoints.Key, SteadyPoints.Point> points = SteadyPoints.of(runs);
        assertThat(points).hasSize(3);
        SteadyPoints.Point p = points.get(SteadyPoints.Key.of(runs.get(0)));
        assertThat(p.runs()).isEqualTo(3);
        // goodput = successful calls / 2 s: 9,000, 1,000 and 3,000; the median, not the mean (4,333)
        assertThat(p.goodputMedian()).isEqualTo(3_000.0);
        assertThat(p.goodputMin()).isEqualTo(1_000.0);
        assertThat(p.goodputMax()).isEqualTo(9_000.0);
        SteadyPoints.Point churn = points.get(SteadyPoints.Key.of(runs.get(4)));
        assertThat(churn.runs()).isEqualTo(1);
        assertThat(churn.churn()).isEqualTo(1.0);
        assertThat(churn.failedShareMax()).isEqualTo(0.75);
        assertThat(SteadyPoints.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
        assertThat(SteadyPoints.median(new double[0])).isZero();
    }

    @Test
    void jsonAndCsvCarryTheSpreadAndTheFailedCallLatency() throws Exception {
        List<RunResult> runs = List.of(steady("upsert", "new", 0, 8, 18_000, 0),
                steady("upsert", "new", 0, 8, 2_000, 0), steady("naive", "hot", 1.0, 8, 500, 1_500));
        Path json = dir.resolve("r.json");
        ResultsWriter.writeJson(json, runs);
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile());
        assertThat(tree.path("steadyPoints").size()).isEqualTo(2);
        assertThat(tree.path("steadyPoints").get(0).path("goodputMedian").asDouble()).isEqualTo(5_000.0);
        assertThat(tree.path("steadyPoints").get(0).path("goodputMin").asDouble()).isEqualTo(1_000.0);
        assertThat(tree.path("steadyPoints").get(0).path("goodputMax").asDouble()).isEqualTo(9_000.0);
        // read back: the failed-call latency survives, and a run without failures has none
        List<RunResult> back = ResultsWriter.readJson(json);
        assertThat(back).containsExactlyElementsOf(runs);
        assertThat(back.get(2).failedLatencyMicros()).isEqualTo(new RunResult.Latency(10, 20, 30, 40, 50));
        assertThat(back.get(0).failedLatencyMicros()).isNull();

        Path csv = dir.resolve("r.csv");
        ResultsWriter.writeCsv(csv, runs);
        List<String> lines = Files.readAllLines(csv);
        List<String> header = List.of(lines.get(0).split(","));
        List<String> first = List.of(lines.get(1).split(",", -1));
        List<String> naive = List.of(lines.get(3).split(",", -1));
        assertThat(first.get(header.indexOf("repeats"))).isEqualTo("2");
        assertThat(first.get(header.indexOf("goodput_median_per_s"))).isEqualTo("5000.0");
        assertThat(first.get(header.indexOf("goodput_min_per_s"))).isEqualTo("1000.0");
        assertThat(first.get(header.indexOf("goodput_max_per_s"))).isEqualTo("9000.0");
        assertThat(first.get(header.indexOf("failed_p99_us"))).isEmpty();
        assertThat(naive.get(header.indexOf("failed_p99_us"))).isEqualTo("30.0");
        assertThat(naive.get(header.indexOf("p99_us"))).isEqualTo("200.0");
    }
}
