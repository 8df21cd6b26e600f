package io.github.gocbench.engine;

import java.lang.management.ManagementFactory;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
    /** Per worker: bytes it allocated in the measured period, and its measured calls. */
    private final AtomicLongArray allocated;
    private final AtomicLongArray allocatedCalls;
    /** Per worker: its thread's CPU time (user + system) in the measured period, nanoseconds, or -1. */
    private final AtomicLongArray cpu;
    /**
     * The cost window's gate (issue 17): every worker waits here once, on reaching the measured
     * window, and the last one to arrive reads the server's counters and restarts the window's
     * clock, so no warm-up call is in flight while the counters are read. {@code null} without
     * cost probing.
     */
    private final CyclicBarrier gate;
    private final CostWindow cost;
    private final long gateTimeoutNanos;
    /** The JVM's per-thread allocation counter, or {@code null} where it has none (or it is off). */
    private static final com.sun.management.ThreadMXBean THREADS = threadBean();

    private static com.sun.management.ThreadMXBean threadBean() {
        try {
            if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
                    && t.isThreadAllocatedMemorySupported() && t.isThreadAllocatedMemoryEnabled()) {
                return t;
            }
        } catch (RuntimeException | LinkageError e) {
            // no jdk.management module: allocation is simply not reported
        }
        return null;
    }

    SteadyRun(Workload.Steady workload, long base, RunControl control, long seed) {
        this(workload, base, control, seed, null, 0);
    }

    /** A steady run whose measured window is also {@code cost}'s window; workers wait at most {@code gateTimeoutNanos} for each other there. */
    SteadyRun(Workload.Steady workload, long base, RunControl control, long seed, CostWindow cost,
              long gateTimeoutNanos) {
        this.cost = cost;
        this.gateTimeoutNanos = gateTimeoutNanos;
        this.gate = cost == null ? null : new CyclicBarrier(workload.threads(), () -> {
            cost.open();
            long now = System.nanoTime();
            measureStartNanos = now;
            measureEndNanos = now + workload.duration().toNanos();
        });
        this.workload = workload;
        this.base = base;
        this.control = control;
        this.seed = seed;
        int slots = workload.keys().slots();
        this.ledger = slots > 0 && slots <= KeyLedger.MAX_SLOTS ? new KeyLedger(slots) : null;
        this.warmupNanos = workload.warmup().toNanos();
        this.durationNanos = workload.duration().toNanos();
        this.lastCallEndNanos = new AtomicLongArray(workload.threads());
        this.allocated = new AtomicLongArray(workload.threads());
        this.allocatedCalls = new AtomicLongArray(workload.threads());
        this.cpu = new AtomicLongArray(workload.threads());
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
        long allocatedAtStart = -1;
        long cpuAtStart = -1;
        long measuredCalls = 0;
        boolean inWindow = false;
        try {
            while (!control.stopped()) {
                long now = System.nanoTime();
                if (!inWindow && cost != null && now - measureStartNanos >= 0) {
                    inWindow = true;
                    w.sessionEdge(cost.sessionSql()); // PostgreSQL: the warm-up's statistics flushed before the gate
                    passGate(w);
                    w.markWindowStart();
                    now = System.nanoTime();
                }
                if (now - measureEndNanos >= 0) {
                    return;
                }
                boolean measured = now - measureStartNanos >= 0;
                if (measured && allocatedAtStart < 0) {
                    allocatedAtStart = Math.max(0, allocatedBytes());
                    cpuAtStart = cpuNanos();
                }
                step(w, keys, now, measured);
                if (measured) {
                    measuredCalls++;
                }
            }
        } finally {
            if (inWindow) {
                w.markWindowEnd();
                w.sessionEdge(cost.sessionSql());
            }
            if (allocatedAtStart >= 0 && allocatedBytes() >= 0) {
                allocated.set(w.index, allocatedBytes() - allocatedAtStart);
                allocatedCalls.set(w.index, measuredCalls);
            }
            long cpuAtEnd = cpuNanos();
            cpu.set(w.index, cpuAtStart >= 0 && cpuAtEnd >= 0 ? cpuAtEnd - cpuAtStart : -1);
        }
    }

    /**
     * One call of worker {@code w} on the stream's next key, starting at {@code now} (the loop's
     * clock read is the call's start: one read fewer per call), counted when {@code measured}.
     * A method of its own so the JIT compiles it: {@link #work}'s loop is entered once per thread
     * and at a few thousand calls per second never reaches the on-stack-replacement threshold, so
     * a body written inline ran interpreted for the whole run (JFR, issue 12).
     */
    private void step(Worker w, KeySpec.KeyStream keys, long now, boolean measured) throws TargetLostException {
        long key = keys.next();
        w.begin(key, now);
        CallRecord c = w.call(ledger, ledger == null ? 0 : (int) (key - base), false);
        if (measured) {
            w.count(c, true, null);
            lastCallEndNanos.lazySet(w.index, c.endNanos);
        }
        w.recover(c);
    }

    private void passGate(Worker w) {
        try {
            gate.await(gateTimeoutNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cost.missed("worker " + w.index + " was interrupted at the window's start");
        } catch (BrokenBarrierException | TimeoutException e) {
            if (!control.stopped()) {
                cost.missed("not every worker reached the measured window within "
                        + TimeUnit.NANOSECONDS.toMillis(gateTimeoutNanos) + " ms (a call in flight ran long)");
            }
        }
    }

    /** Lets the workers waiting at the cost gate go (the run is being stopped). */
    void breakGate() {
        if (gate != null) {
            gate.reset();
        }
    }

    /** Bytes this thread has allocated so far, or -1 where the JVM cannot tell. */
    private static long allocatedBytes() {
        return THREADS != null ? THREADS.getCurrentThreadAllocatedBytes() : -1;
    }

    /** CPU time of this thread so far (user + system, ns), or -1 where the JVM cannot tell. */
    private static long cpuNanos() {
        return THREADS != null && THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
    }

    /**
     * Client CPU time per measured call of the worker threads (user + system: the engine's, the
     * strategy's and the driver's work, socket system calls included), microseconds, from
     * {@code ThreadMXBean.getCurrentThreadCpuTime}; -1 when the JVM does not measure it or no
     * call was measured.
     */
    double cpuMicrosPerCall() {
        long nanos = 0;
        long calls = 0;
        for (int i = 0; i < cpu.length(); i++) {
            if (cpu.get(i) < 0) {
                return -1;
            }
            nanos += cpu.get(i);
            calls += allocatedCalls.get(i);
        }
        return calls == 0 ? -1 : nanos / 1e3 / calls;
    }

    /**
     * Bytes allocated per measured call by the worker threads (the engine's, the strategy's and
     * the driver's together), from {@code ThreadMXBean.getThreadAllocatedBytes}; -1 when the JVM
     * does not measure it or no call was measured.
     */
    double bytesPerCall() {
        long bytes = 0;
        long calls = 0;
        for (int i = 0; i < allocated.length(); i++) {
            bytes += allocated.get(i);
            calls += allocatedCalls.get(i);
        }
        return calls == 0 || THREADS == null ? -1 : (double) bytes / calls;
    }

    /** Measured calls behind {@link #bytesPerCall()}. */
    long allocationCalls() {
        long calls = 0;
        for (int i = 0; i < allocatedCalls.length(); i++) {
            calls += allocatedCalls.get(i);
        }
        return calls;
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
