package io.github.gocbench.cli;

import io.github.gocbench.outcome.Verdict;
import io.github.gocbench.results.ResultsWriter;
import io.github.gocbench.results.RunResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --json FILE} and {@code --fail-on-anomaly}: what a run leaves behind and how it exits. */
final class OutputOptions {

    @Option(names = "--json", paramLabel = "FILE",
            description = "Also write the results as JSON to FILE (its folder must exist; an existing file is"
                    + " never overwritten).")
    Path json;

    @Option(names = "--fail-on-anomaly",
            description = "Exit with code 1 when any run is UNSAFE (for CI).")
    boolean failOnAnomaly;

    /** Checks {@code --json} before anything runs, so bad input never costs a run. */
    void check() {
        if (json != null) {
            json = InputChecks.newFile("--json", json);
        }
    }

    /** Writes {@code --json} (atomically, by {@link ResultsWriter}) when asked. */
    void write(List<RunResult> results, Terminal term) throws IOException {
        if (json != null) {
            ResultsWriter.writeJson(json, results);
            term.note("wrote " + json);
        }
    }

    /** {@link ExitCodes#ANOMALY} when asked to fail on anomalies and some run is unsafe, else OK. */
    int exitCode(List<RunResult> results) {
        boolean unsafe = results.stream().anyMatch(r -> r.verdict() == Verdict.UNSAFE);
        return failOnAnomaly && unsafe ? ExitCodes.ANOMALY : ExitCodes.OK;
    }
}
