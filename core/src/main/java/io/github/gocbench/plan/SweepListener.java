package io.github.gocbench.plan;

import io.github.gocbench.engine.ProgressListener;
import io.github.gocbench.results.RunResult;
import io.github.gocbench.server.TargetInfo;
import io.github.gocbench.server.TargetSpec;
import io.github.gocbench.server.TargetUnavailableException;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The only way a {@link Sweep} talks to the outside (JMH's {@code OutputFormat} idea): the
 * command line prints progress and notes from it, {@code goc matrix} its grids and files. Every
 * method does nothing by default.
 */
public interface SweepListener {

    /** Hears nothing. */
    SweepListener NONE = new SweepListener() { };

    /** An embedded server or a container is being provided (this takes seconds). */
    default void serverStarting(TargetSpec spec) {
    }

    /** A server could not be opened and its steps are skipped. */
    default void serverUnavailable(TargetSpec spec, TargetUnavailableException e) {
    }

    /** Something the user should know that is not a run, e.g. a setting a server lacks. */
    default void note(String line) {
    }

    /**
     * A run starts.
     *
     * @param label      what runs, e.g. "[3/12] postgres naive race 100 rounds 8 threads"
     * @param estimateMs its estimated length
     * @param laterMs    the estimated time of everything after it, server starts included
     * @return the engine's progress listener for this run
     */
    default ProgressListener runStarting(String label, long estimateMs, LongSupplier laterMs) {
        return ProgressListener.NONE;
    }

    /** The run that last started has ended, with a result or not. */
    default void runEnded() {
    }

    /** A run's result. */
    default void runFinished(Sweep.Step step, RunResult result) {
    }

    /**
     * Every step on one server has run (not called when the sweep was stopped midway).
     *
     * @param started when opening the server began
     * @param wallMs  time from then until now
     * @param results the results on this server, in order
     */
    default void serverFinished(TargetSpec spec, TargetInfo info, Instant started, long wallMs,
                                List<RunResult> results) throws IOException {
    }
}
