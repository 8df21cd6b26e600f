package io.github.gocbench.results;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gocbench.outcome.Outcome;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Goodput accounting (issue 14 item 1): successful calls per second, failures beside it. */
class GoodputTest {

    @TempDir
    Path dir;

    private static RunResult withOutcomes(long created, long found, long deadlocks, long seconds) {
        RunResult sample = ResultsWriterTest.sample("select-for-update", 0);
        Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
        outcomes.put(Outcome.CREATED, created);
        outcomes.put(Outcome.FOUND, found);
        outcomes.put(Outcome.DEADLOCK, deadlocks);
        long calls = created + found + deadlocks;
        return new RunResult(sample.tool(), sample.toolVersion(), sample.time(), sample.host(), sample.target(),
                sample.config(), new RunResult.Totals(calls, seconds, calls / (double) seconds), outcomes,
                sample.invariants(), sample.latencyMicros(), 0, sample.race(), sample.verdict(), null, true, null);
    }

    @Test
    void aRunWithOnlyFailuresHasGoodputZero() {
        RunResult r = withOutcomes(0, 0, 1_648, 2);
        assertThat(r.totals().callsPerSecond()).isEqualTo(824.0);
        assertThat(r.totals().goodput()).isZero();
        assertThat(r.totals().successful()).isZero();
        assertThat(r.totals().failureRate()).isEqualTo(824.0);
        assertThat(r.totals().failedShare()).isEqualTo(1.0);
    }

    @Test
    void goodputCountsCreatedAndFoundOnly() {
        RunResult r = withOutcomes(100, 500, 400, 4);
        assertThat(r.totals().callsPerSecond()).isEqualTo(250.0);
        assertThat(r.totals().goodput()).isEqualTo(150.0);
        assertThat(r.totals().failureRate()).isEqualTo(100.0);
        assertThat(r.totals().failedShare()).isEqualTo(0.4);
    }

    @Test
    void goodputIsWrittenToJsonAndCsvAndReadBack() throws Exception {
        RunResult r = withOutcomes(10, 30, 60, 2);
        Path json = dir.resolve("r.json");
        ResultsWriter.writeJson(json, List.of(r));
        assertThat(java.nio.file.Files.readString(json)).contains("\"goodputPerSecond\" : 20.0")
                .contains("\"failuresPerSecond\" : 30.0");
        RunResult back = ResultsWriter.readJson(json).get(0);
        assertThat(back.totals().goodput()).isEqualTo(20.0);
        List<String> header = ResultsWriter.csvHeader();
        List<String> row = ResultsWriter.csvRow(r);
        assertThat(row.get(header.indexOf("goodput_per_s"))).isEqualTo("20.0");
        assertThat(row.get(header.indexOf("failures_per_s"))).isEqualTo("30.0");
        assertThat(row.get(header.indexOf("calls_per_s"))).isEqualTo("50.0");
    }
}
