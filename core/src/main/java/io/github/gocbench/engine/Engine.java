package io.github.gocbench.engine;

import io.github.gocbench.results.RunResult;
import io.github.gocbench.target.Target;

/**
 * Runs a workload of one strategy against one target and checks the invariants afterwards.
 * Every run is bounded (see {@link Bounds}); a run cut short still returns what it gathered,
 * marked incomplete.
 */
public final class Engine {

    private Engine() {
    }

    /**
     * Runs {@code config} against {@code target}: resets the table, starts one connection per
     * thread, runs the workload, classifies every call, checks invariants, and returns the result.
     *
     * @throws IllegalArgumentException when the strategy is unknown for the target's dialect
     */
    public static RunResult run(Target target, RunConfig config, ProgressListener progress) {
        throw new UnsupportedOperationException("TODO engine");
    }
}
