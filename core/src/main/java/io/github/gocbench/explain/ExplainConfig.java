package io.github.gocbench.explain;

import io.github.gocbench.strategy.Isolation;
import java.time.Duration;

/**
 * What {@code goc explain} explores.
 *
 * @param strategy        strategy id
 * @param isolation       session isolation, or null for the server's default
 * @param outerTx         each call inside an open transaction that first reads the key
 * @param unique          the table has the unique constraint on the key
 * @param callers         2 or 3
 * @param preemptions     the most preemptions a schedule may have (CHESS bound); ignored for 2 callers
 * @param maxSchedules    stop after this many schedules
 * @param deadline        stop exploring after this long
 * @param scheduleTimeout one schedule's bound (a step neither returning nor blocking)
 */
public record ExplainConfig(String strategy, Isolation isolation, boolean outerTx, boolean unique, int callers,
                            int preemptions, int maxSchedules, Duration deadline, Duration scheduleTimeout) {

    /** The defaults for a strategy: autocommit, server isolation, unique key, 2 callers. */
    public static ExplainConfig of(String strategy) {
        return new ExplainConfig(strategy, null, false, true, 2, 2, 20_000, Duration.ofMinutes(10),
                Duration.ofSeconds(30));
    }

    public ExplainConfig {
        if (callers < 2 || callers > 3) {
            throw new IllegalArgumentException("--callers must be 2 or 3, got " + callers);
        }
        if (preemptions < 0) {
            throw new IllegalArgumentException("--preemptions must not be negative, got " + preemptions);
        }
        if (maxSchedules < 1) {
            throw new IllegalArgumentException("--max-schedules must be at least 1, got " + maxSchedules);
        }
    }

    /** A copy with other conditions. */
    public ExplainConfig with(Isolation isolation, boolean outerTx, int callers) {
        return new ExplainConfig(strategy, isolation, outerTx, unique, callers, preemptions, maxSchedules, deadline,
                scheduleTimeout);
    }

    /** A copy with another preemption bound. */
    public ExplainConfig withPreemptions(int bound) {
        return new ExplainConfig(strategy, isolation, outerTx, unique, callers, bound, maxSchedules, deadline,
                scheduleTimeout);
    }

    /** Whether preemptions are bounded (3 callers). */
    public boolean bounded() {
        return callers > 2;
    }

    /** The conditions in the words of {@code goc race}: {@code autocommit}, {@code outer-tx repeatable-read}. */
    public String conditions() {
        String iso = isolation == null ? "server isolation" : isolation.name().toLowerCase().replace('_', '-');
        return (outerTx ? "outer-tx, " : "autocommit, ") + iso + (unique ? "" : ", no unique constraint");
    }
}
