package io.github.gocbench.cli;

import io.github.gocbench.outcome.Verdict;
import io.github.gocbench.results.ResultsWriter;
import io.github.gocbench.results.RunResult;
import io.github.gocbench.server.TargetUnavailableException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code --json FILE} and {@code --fail-on-anomaly}: what a run leaves behind and how it exits. */
final class OutputOptions {

    @Option(names = "--json", paramLabel = "FILE",
            description = "Also write the results as JSON to FILE (its folder must exist; an existing file is"
                    + " never overwritten).")
    Path json;

    @Option(names = "--fail-on-anomaly",
            description = "Exit with code 1 when any run is UNSAFE (for CI).")
    boolean failOnAnomaly;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** Checks {@code --json} before anything runs, so bad input never costs a run. */
    void check() {
        if (json != null) {
            json = InputChecks.newFile("--json", json);
        }
    }

    /**
     * Throws when no run made a single call because none could be prepared (no permission to
     * create or write the table, a read-only database, ...): that is a failed command, not a
     * measurement, so nothing is printed as a result and nothing is written.
     */
    static void requireSomethingRan(List<RunResult> results) throws TargetUnavailableException {
        if (!results.isEmpty() && results.stream().allMatch(r -> !r.complete() && r.totals().calls() == 0)) {
            String note = results.get(0).note();
            throw new TargetUnavailableException("the run could not be carried out: "
                    + (note == null ? "no call was made" : note) + "; nothing written");
        }
    }

    /** Writes {@code --json} (atomically, by {@link ResultsWriter}) when asked. */
    void write(List<RunResult> results, Terminal term) throws IOException {
        if (json != null) {
            ResultsWriter.writeJson(json, Goc.provenance(command), results);
            term.note("wrote " + json);
        }
    }

    /**
     * {@link ExitCodes#UNAVAILABLE} when a run was cut short (server lost, deadline, interrupted),
     * after one line on stderr saying why and where its partial results went;
     * {@link ExitCodes#ANOMALY} when asked to fail on anomalies and some run is unsafe; else OK.
     */
    int exitCode(List<RunResult> results, Terminal term) {
        RunResult cut = results.stream().filter(r -> !r.complete()).findFirst().orElse(null);
        if (cut != null) {
            String name = command == null ? "goc" : command.qualifiedName();
            long n = results.stream().filter(r -> !r.complete()).count();
            term.err().println(Errors.oneLine(name + ": " + (n > 1 ? n + " runs were" : "the run was")
                    + " cut short (" + (cut.note() == null ? "no reason recorded" : cut.note()) + "); "
                    + (json != null ? "partial results written to " + json + " (complete=false)"
                            : "the results above are partial")));
            term.err().flush();
            return ExitCodes.UNAVAILABLE;
        }
        boolean unsafe = results.stream().anyMatch(r -> r.verdict() == Verdict.UNSAFE);
        return failOnAnomaly && unsafe ? ExitCodes.ANOMALY : ExitCodes.OK;
    }
}
