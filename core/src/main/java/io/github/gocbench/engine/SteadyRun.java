package io.github.gocbench.engine;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The steady workload: every worker calls in a loop on keys from the run's {@link KeySpec} for
 * the warm-up, then for the measured duration. Only calls that start inside the measured period
 * are counted (outcomes, latency, retries, invariants); the key ledger is fed during the warm-up
 * too, so rows created then are known when measuring starts.
 *
 * <p>A ledger (time-based invariant checks) is kept for bounded key sets of up to
 * {@link KeyLedger#MAX_SLOTS} keys. {@code new} keys are never raced, and larger key sets are
 * checked only by the per-call side-effect rule and the end-of-run duplicate-row query.
 */
final class SteadyRun {

    private final Workload.Steady workload;
    private final long base;
    private final RunControl control;
    private final KeyLedger ledger;
    private final long seed;
    private final long warmupNanos;
    private final long durationNanos;
    private volatile long measureStartNanos;
    private volatile long measureEndNanos;
    /** Per worker: end of its last counted call (each worker writes only its own slot). */
    private final AtomicLongArray lastCallEndNanos;

    SteadyRun(Workload.Steady workload, long base, RunControl control, long seed) {
        this.workload = workload;
        this.base = base;
        this.control = control;
        this.seed = seed;
        int slots = workload.keys().slots();
        this.ledger = slots > 0 && slots <= KeyLedger.MAX_SLOTS ? new KeyLedger(slots) : null;
        this.warmupNanos = workload.warmup().toNanos();
        this.durationNanos = workload.duration().toNanos();
        this.lastCallEndNanos = new AtomicLongArray(workload.threads());
    }

    /** Fixes the measured window relative to now; call once, just before the workers start. */
    void start() {
        long now = System.nanoTime();
        measureStartNanos = now + warmupNanos;
        measureEndNanos = measureStartNanos + durationNanos;
    }

    /** The loop of worker {@code w}. */
    void work(Worker w) throws TargetLostException {
        KeySpec.KeyStream keys = workload.keys().stream(base, w.index, workload.threads(), seed + 31L * w.index);
        while (!control.stopped()) {
            long now = System.nanoTime();
            if (now - measureEndNanos >= 0) {
                return;
            }
            boolean measured = now - measureStartNanos >= 0;
            long key = keys.next();
            w.begin(key, now); // the loop's clock read is the call's start: one read fewer per call
            CallRecord c = w.call(ledger, ledger == null ? 0 : (int) (key - base), false);
            if (measured) {
                w.count(c, true, null);
                lastCallEndNanos.lazySet(w.index, c.endNanos);
            }
            w.recover(c);
        }
    }

    /** Called by the monitor about once a second. */
    void updatePhase() {
        long now = System.nanoTime();
        if (now - measureStartNanos < 0) {
            long total = warmupNanos + durationNanos;
            control.phase("warmup", total == 0 ? 0 : (double) (now - (measureStartNanos - warmupNanos)) / total);
        } else {
            double f = (double) (warmupNanos + Math.min(durationNanos, now - measureStartNanos))
                    / (warmupNanos + durationNanos);
            control.phase("measure", Math.min(1.0, f));
        }
    }

    /** Measured seconds: from the start of the measured period to the end of its last counted call. */
    double seconds() {
        long last = 0;
        for (int i = 0; i < lastCallEndNanos.length(); i++) {
            long v = lastCallEndNanos.get(i);
            if (v != 0 && (last == 0 || v - last > 0)) {
                last = v;
            }
        }
        if (last == 0) {
            return 0;
        }
        return Math.max(0, last - measureStartNanos) / 1e9;
    }
}
