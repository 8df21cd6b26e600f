package io.github.gocbench.engine;

import io.github.gocbench.results.Provenance;
import java.time.Duration;

/**
 * What keeps a run from hanging: an overall deadline, server-side statement and lock timeouts,
 * and the per-call bound after which the watchdog aborts the connection.
 */
public record Bounds(Duration deadline, Duration statementTimeout, Duration lockTimeout, Duration callTimeout) {

    /** 10 minutes per run, 5 s per statement, 2 s per lock wait, 10 s per call. */
    public static final Bounds DEFAULT =
            new Bounds(Duration.ofMinutes(10), Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofSeconds(10));

    /** The bounds as recorded in a results document's provenance. */
    public Provenance.BoundsInfo info() {
        return Provenance.BoundsInfo.of(deadline, statementTimeout, lockTimeout, callTimeout);
    }
}
