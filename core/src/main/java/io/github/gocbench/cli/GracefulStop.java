package io.github.gocbench.cli;

import io.github.gocbench.server.EmbeddedServers;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C and SIGTERM during a run: keep what was measured. While installed, a JVM shutdown hook
 * interrupts the command's thread (which cuts the engine run in flight short and makes the sweep
 * stop before its next run) and then waits, bounded, until the command has written its partial
 * results. The embedded servers' own hook waits for the same signal before stopping the servers
 * ({@link EmbeddedServers#holdStopUntil}), since JVM shutdown hooks run concurrently.
 *
 * <p>Use: {@code install()} before the sweep; {@link #writing()} before writing results (from
 * then on the thread is no longer interrupted, so file channels are not closed under the write);
 * {@link #close()} when done, which also releases the hook.
 */
final class GracefulStop implements AutoCloseable {

    /** Longest the hook waits for the results to be written; within the 5 s users give Ctrl-C. */
    static final long FLUSH_WAIT_MS = 3500;

    private final Thread worker;
    private final Thread hook;
    private final CountDownLatch done = new CountDownLatch(1);
    private boolean writing;    // guarded by this
    private volatile String signalled;

    private GracefulStop(Thread worker) {
        this.worker = worker;
        this.hook = new Thread(this::onShutdown, "goc-graceful-stop");
    }

    /** Installs the hook for the calling thread's run. */
    static GracefulStop install() {
        GracefulStop s = new GracefulStop(Thread.currentThread());
        EmbeddedServers.holdStopUntil(s.done);
        Runtime.getRuntime().addShutdownHook(s.hook);
        return s;
    }

    private void onShutdown() {
        synchronized (this) {
            signalled = "the JVM is shutting down (Ctrl-C or SIGTERM)";
            if (!writing) {
                worker.interrupt();
            }
        }
        try {
            done.await(FLUSH_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Why the run was stopped early, or {@code null} when it was not. */
    String stopped() {
        return signalled;
    }

    /**
     * The command starts writing results: no more interrupts, and a pending one is cleared so
     * that interruptible file channels stay open.
     */
    synchronized void writing() {
        writing = true;
        Thread.interrupted();
    }

    @Override
    public void close() {
        done.countDown();
        EmbeddedServers.releaseHold(done);
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // shutting down already: the hook is running and returns now that done is counted down
        }
    }
}
