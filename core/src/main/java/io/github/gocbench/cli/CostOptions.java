package io.github.gocbench.cli;

import picocli.CommandLine.Option;

/**
 * {@code --no-cost}: turns the server-side cost probes off (issue 17), so a run issues no probe
 * statement of its own (no counter reads on the checker connection, no session statement on the
 * workers' connections). The server figures are then recorded as unavailable, "disabled by
 * --no-cost", never as 0; statements, round trips and retries are still counted on the client.
 * Mixed into {@code race}, {@code bench} and {@code compare}.
 */
final class CostOptions {

    @Option(names = "--no-cost",
            description = "Do not read the server's cost counters (WAL/redo, xids, tuples, ids): the run issues no"
                    + " probe statement; those figures are recorded as unavailable (statements, round trips and"
                    + " retries are still counted on the client).")
    boolean off;

    /** True when the server-side probes are on (no {@code --no-cost}). */
    boolean serverProbes() {
        return !off;
    }
}
