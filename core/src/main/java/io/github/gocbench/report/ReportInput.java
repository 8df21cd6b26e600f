package io.github.gocbench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.gocbench.results.ResultsWriter;
import io.github.gocbench.results.RunResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a report is drawn from: saved harness runs and, optionally, JMH throughput points.
 *
 * @param runs       result documents, as {@code goc} saved them
 * @param benchmarks throughput points read from JMH JSON files
 * @param sources    the files read, named in the report (file names only)
 */
public record ReportInput(List<RunResult> runs, List<ThroughputPoint> benchmarks, List<Path> sources) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public ReportInput {
        runs = List.copyOf(runs);
        benchmarks = List.copyOf(benchmarks);
        sources = List.copyOf(sources);
    }

    /** Input of runs only, e.g. the results {@code goc compare} just produced. */
    public static ReportInput of(List<RunResult> runs) {
        return new ReportInput(runs, List.of(), List.of());
    }

    /** True when there is nothing to draw. */
    public boolean isEmpty() {
        return runs.isEmpty() && benchmarks.isEmpty();
    }

    /**
     * Reads saved files: JMH JSON ({@code -rf json}) is recognised by its shape, anything else
     * is read as a goc results document by {@link ResultsWriter#readJson}.
     */
    public static ReportInput read(List<Path> files) throws IOException {
        List<RunResult> runs = new ArrayList<>();
        List<ThroughputPoint> points = new ArrayList<>();
        for (Path f : files) {
            if (JmhResults.isJmh(JSON.readTree(f.toFile()))) {
                points.addAll(JmhResults.read(f));
            } else {
                runs.addAll(ResultsWriter.readJson(f));
            }
        }
        return new ReportInput(runs, points, files);
    }
}
