package io.github.gocbench.benchmarks;

import io.github.gocbench.outcome.Outcome;
import io.github.gocbench.strategy.Got;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What each call answered, counted next to the benchmark's score: JMH reports every public
 * field below as a secondary result in the same JSON ({@code secondaryMetrics}), so throughput
 * and failures of one run can never be separated.
 *
 * <p>EVENTS counters are totals (summed over threads), not rates: divide by {@link #calls} for
 * the rate, e.g. {@code duplicateKey / calls}. {@code calls} equals the sum of all outcome
 * fields; {@code retries} counts loops/retries inside calls that still answered. JMH allows
 * {@code @AuxCounters} only on {@code Scope.Thread} state, and the fields are reset at every
 * iteration so a warm-up's counts never leak into a measurement.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class AnomalyCounters {

    /** Every call, whatever it answered. */
    public long calls;
    /** Good answers. */
    public long created;
    public long found;
    /** Anomalies (DESIGN.md, "Call outcomes"). */
    public long duplicateKey;
    public long notFoundAfterConflict;
    public long deadlock;
    public long serializationFailure;
    public long lockTimeout;
    public long timeout;
    public long connectionLost;
    /** Snapshot conflicts and anything the dialect could not name. */
    public long otherFailure;
    /** Loops/retries strategies reported inside calls that answered. */
    public long retries;

    @Setup(Level.Iteration)
    public void reset() {
        calls = created = found = 0;
        duplicateKey = notFoundAfterConflict = deadlock = serializationFailure = 0;
        lockTimeout = timeout = connectionLost = otherFailure = retries = 0;
    }

    /** Counts a good answer. */
    void answered(Got got) {
        calls++;
        retries += got.retries();
        if (got.created()) {
            created++;
        } else {
            found++;
        }
    }

    /** Counts a failed call by its classified outcome. */
    void failed(Outcome outcome) {
        calls++;
        switch (outcome) {
            case DUPLICATE_KEY -> duplicateKey++;
            case NOT_FOUND_AFTER_CONFLICT -> notFoundAfterConflict++;
            case DEADLOCK -> deadlock++;
            case SERIALIZATION_FAILURE -> serializationFailure++;
            case LOCK_TIMEOUT -> lockTimeout++;
            case TIMEOUT -> timeout++;
            case CONNECTION_LOST -> connectionLost++;
            case CREATED, FOUND -> throw new IllegalArgumentException("not a failure: " + outcome);
            default -> otherFailure++;
        }
    }
}
