package io.github.gocbench.engine;

import java.time.Duration;

/** How keys are chosen and how threads are released. */
public sealed interface Workload permits Workload.Race, Workload.Steady {

    /**
     * Most threads a run may have (each owns a connection): the one bound the engine checks and
     * the command line states ({@code --threads 1..1024}).
     */
    int MAX_THREADS = 1024;

    /** Number of threads, each owning one connection. */
    int threads();

    /** Workload name as in results: {@code race} or {@code steady}. */
    String name();

    /**
     * Finds anomalies: {@code rounds} rounds, each on a fresh key, all threads released together
     * by a barrier.
     */
    record Race(int threads, int rounds) implements Workload {
        @Override
        public String name() {
            return "race";
        }
    }

    /** Measures throughput: threads free-running for {@code duration} after {@code warmup}. */
    record Steady(int threads, Duration duration, Duration warmup, KeySpec keys) implements Workload {
        @Override
        public String name() {
            return "steady";
        }
    }
}
