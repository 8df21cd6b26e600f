package io.github.gocbench.engine;

import io.github.gocbench.outcome.Failure;
import io.github.gocbench.outcome.Phase;
import io.github.gocbench.results.RunResult.FirstAnomaly;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the threads of one run share: the clock, the stop flag and why it was raised, the live
 * anomaly counter for progress (calls are counted per worker), the first anomaly, and the executor that aborts connections.
 */
final class RunControl {

    private final long lengthNanos;
    /** Set before any worker or watchdog thread starts (see {@link #restartClock}). */
    long startNanos = System.nanoTime();
    long deadlineNanos;
    final LongAdder anomalies = new LongAdder();
    final ExecutorService abortExecutor;

    private volatile boolean stop;
    private final AtomicReference<String> note = new AtomicReference<>();
    private final AtomicReference<FirstAnomaly> firstAnomaly = new AtomicReference<>();
    private volatile Runnable onStop = () -> { };
    private volatile String phase = "prepare";
    private volatile double fraction;

    RunControl(long deadlineNanosFromNow) {
        this.lengthNanos = deadlineNanosFromNow;
        this.deadlineNanos = startNanos + deadlineNanosFromNow;
        AtomicInteger n = new AtomicInteger();
        this.abortExecutor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "goc-abort-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts the clock again: elapsed times and the deadline count from now. For a run that had
     * to wait for its table; call before any worker or watchdog thread starts.
     */
    void restartClock() {
        startNanos = System.nanoTime();
        deadlineNanos = startNanos + lengthNanos;
    }

    /** Milliseconds since the run started. */
    long elapsedMs() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    long elapsedMs(long nanoTime) {
        return TimeUnit.NANOSECONDS.toMillis(nanoTime - startNanos);
    }

    boolean stopped() {
        return stop;
    }

    boolean pastDeadline() {
        return System.nanoTime() - deadlineNanos >= 0;
    }

    /** Nanoseconds left until the deadline, at least 0. */
    long remainingNanos() {
        return Math.max(0, deadlineNanos - System.nanoTime());
    }

    /** Ends the run normally (planned work done): workers stop at their next check. */
    void finish() {
        stop = true;
    }

    /**
     * Cuts the run short: records {@code why} (the first reason wins) and cancels calls in flight.
     */
    void stopNow(String why) {
        note.compareAndSet(null, why);
        stop = true;
        onStop.run();
    }

    void onStop(Runnable r) {
        this.onStop = r;
    }

    /** Why the run was cut short, or {@code null}. */
    String note() {
        return note.get();
    }

    void phase(String phase, double fraction) {
        this.phase = phase;
        this.fraction = fraction;
    }

    void fraction(double fraction) {
        this.fraction = fraction;
    }

    String phase() {
        return phase;
    }

    double fraction() {
        return fraction;
    }

    /** Records {@code failure}, of {@code phase}, as the first anomaly unless one was already recorded. */
    void anomaly(Failure failure, Phase phase, Integer round, long atNanos) {
        if (firstAnomaly.get() == null) {
            firstAnomaly.compareAndSet(null, new FirstAnomaly(failure.outcome().name(), round, elapsedMs(atNanos),
                    failure.sqlState(), failure.vendorCode(), failure.message(), phase));
        }
    }

    /** Records a broken invariant as the first anomaly unless one was already recorded. */
    void anomaly(String kind, Integer round, long atNanos, String message) {
        if (firstAnomaly.get() == null) {
            firstAnomaly.compareAndSet(null, new FirstAnomaly(kind, round, elapsedMs(atNanos), null, null, message));
        }
    }

    FirstAnomaly firstAnomaly() {
        return firstAnomaly.get();
    }

    void close() {
        abortExecutor.shutdownNow();
    }
}
