package io.github.gocbench.cli;

import io.github.gocbench.results.RunResult;
import io.github.gocbench.server.TargetUnavailableException;
import java.io.IOException;
import java.util.List;

/**
 * Runs a command's steps and leaves their results behind: the outcome table (or one verdict line
 * per run under {@code --quiet}), {@code --json}, and the exit code.
 */
final class Runs {

    private Runs() {
    }

    /**
     * The tail shared by {@code race} and {@code bench}: runs the steps under {@link GracefulStop}
     * (Ctrl-C keeps what was measured), fails when nothing could run at all, prints the results,
     * writes {@code --json} and returns the exit code from {@link OutputOptions#exitCode}.
     */
    static int sweep(List<Sweep.Step> steps, Terminal term, OutputOptions output)
            throws TargetUnavailableException, IOException {
        try (GracefulStop stop = GracefulStop.install()) {
            List<RunResult> results = new Sweep(steps).run(term, false);
            stop.writing();
            OutputOptions.requireSomethingRan(results);
            print(results, term);
            output.write(results, term);
            return output.exitCode(results, term);
        }
    }

    private static void print(List<RunResult> results, Terminal term) {
        if (term.quiet()) {
            for (RunResult r : results) {
                term.out().println(ResultReport.quietLine(r));
            }
        } else {
            if (!results.isEmpty() && results.get(0).target() != null) {
                var t = results.get(0).target();
                term.out().println(t.product() + " " + t.version() + " (" + t.provision().cliName() + ")");
            }
            term.out().print(ResultReport.table(results));
        }
        term.out().flush();
    }
}
