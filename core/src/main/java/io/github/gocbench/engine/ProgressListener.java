package io.github.gocbench.engine;

/** Receives progress of a running run, about once a second, from one thread. */
@FunctionalInterface
public interface ProgressListener {

    /** Ignores progress. */
    ProgressListener NONE = p -> { };

    /** Called with a snapshot of the run so far. */
    void progress(Progress progress);

    /**
     * A snapshot of a run in progress.
     *
     * @param phase     e.g. "warmup", "measure", "race"
     * @param fraction  0..1 of the planned work done
     * @param elapsedMs milliseconds since the run started
     * @param calls     calls completed so far
     * @param anomalies anomalous calls so far
     */
    record Progress(String phase, double fraction, long elapsedMs, long calls, long anomalies) {
    }
}
