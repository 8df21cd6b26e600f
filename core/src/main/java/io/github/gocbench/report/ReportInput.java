package io.github.gocbench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.gocbench.results.Provenance;
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
 * @param provenance where each goc results document among the sources came from (build, command,
 *                   host, bounds), for the report's header; empty for older documents and JMH files
 */
public record ReportInput(List<RunResult> runs, List<ThroughputPoint> benchmarks, List<Path> sources,
                          List<Provenance> provenance) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public ReportInput {
        runs = List.copyOf(runs);
        benchmarks = List.copyOf(benchmarks);
        sources = List.copyOf(sources);
        provenance = List.copyOf(provenance);
    }

    /** Input with the provenance read from the goc results documents among {@code sources}. */
    public ReportInput(List<RunResult> runs, List<ThroughputPoint> benchmarks, List<Path> sources) {
        this(runs, benchmarks, sources, provenanceOf(sources));
    }

    private static List<Provenance> provenanceOf(List<Path> sources) {
        List<Provenance> all = new ArrayList<>();
        for (Path f : sources) {
            try {
                if (!JmhResults.isJmh(JSON.readTree(f.toFile()))) {
                    Provenance p = ResultsWriter.readDocument(f).provenance();
                    if (p != null) {
                        all.add(p);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // a file the runs were read from a moment ago: nothing to add if it cannot be read again
            }
        }
        return all;
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
