package io.github.gocbench.engine;

import io.github.gocbench.results.WorkloadKind;
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

    /** The kind results record: race or steady. */
    WorkloadKind kind();

    /**
     * Finds anomalies: {@code rounds} rounds, each on a fresh key, all threads released together
     * by a barrier; with {@code untilAnomaly}, the race ends after the first round that saw an
     * anomaly ({@code goc race --max-rate}: enough rounds to bound the rate, or one anomaly).
     */
    record Race(int threads, int rounds, boolean untilAnomaly) implements Workload {

        /** A race of all {@code rounds} rounds. */
        public Race(int threads, int rounds) {
            this(threads, rounds, false);
        }

        @Override
        public WorkloadKind kind() {
            return WorkloadKind.RACE;
        }
    }

    /** Measures throughput: threads free-running for {@code duration} after {@code warmup}. */
    record Steady(int threads, Duration duration, Duration warmup, KeySpec keys) implements Workload {
        @Override
        public WorkloadKind kind() {
            return WorkloadKind.STEADY;
        }
    }
}
