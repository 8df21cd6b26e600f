package io.github.gocbench.cli;

import io.github.gocbench.results.RunResult;
import java.util.List;

/** Prints finished runs: the outcome table, or one verdict line per run under {@code --quiet}. */
final class Runs {

    private Runs() {
    }

    static void print(List<RunResult> results, Terminal term) {
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
