package io.github.gocbench.engine;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run's monitoring thread: every 100 ms it aborts calls that have run longer than the call
 * bound and stops the run at its deadline; about once a second it reports progress.
 */
final class Watchdog implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(Watchdog.class);
    private static final long SCAN_MS = 100;

    private final List<Worker> workers;
    private final RunControl control;
    private final long callLimitNanos;
    private final ProgressListener listener;
    private final Runnable beforeProgress;
    private volatile boolean finished;
    private Thread thread;

    Watchdog(List<Worker> workers, RunControl control, Bounds bounds, ProgressListener listener,
             Runnable beforeProgress) {
        this.workers = workers;
        this.control = control;
        this.callLimitNanos = bounds.callTimeout().toNanos();
        this.listener = listener;
        this.beforeProgress = beforeProgress;
    }

    void start() {
        thread = new Thread(this, "goc-watchdog");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops the watchdog and waits (bounded) for it to end. */
    void finish() throws InterruptedException {
        finished = true;
        if (thread != null) {
            thread.interrupt();
            thread.join(TimeUnit.SECONDS.toMillis(5));
        }
    }

    @Override
    public void run() {
        long nextProgress = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        while (!finished) {
            try {
                Thread.sleep(SCAN_MS);
            } catch (InterruptedException e) {
                if (finished) {
                    return;
                }
            }
            long now = System.nanoTime();
            for (Worker w : workers) {
                w.checkTimeout(now, callLimitNanos);
            }
            if (!control.stopped() && control.pastDeadline()) {
                control.stopNow("deadline reached after " + control.elapsedMs() + " ms; the run was cut short");
            }
            if (now - nextProgress >= 0) {
                nextProgress = now + TimeUnit.SECONDS.toNanos(1);
                beforeProgress.run();
                report();
            }
        }
    }

    /** Sends one progress snapshot of the current phase (also used for the final one). */
    void report() {
        try {
            long calls = 0;
            for (Worker w : workers) {
                calls += w.calls();
            }
            listener.progress(new ProgressListener.Progress(control.phase(), control.fraction(),
                    control.elapsedMs(), calls, control.anomalies.sum()));
        } catch (RuntimeException e) {
            LOG.debug("progress listener failed", e);
        }
    }
}
