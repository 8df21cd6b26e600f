package io.github.gocbench.engine;

import io.github.gocbench.strategy.Conditions;

/**
 * Everything that defines one run.
 *
 * @param strategy     strategy id, e.g. {@code naive}
 * @param workload     race or steady
 * @param conditions   isolation, outer transaction, unique constraint, side effect, churn
 * @param bounds       deadline and timeouts
 * @param serverProbes false when the server-side cost probes are off ({@code --no-cost}): the run
 *                     issues no probe statement and its server cost figures are unavailable with
 *                     {@link #PROBES_OFF} as the reason (issue 17)
 */
public record RunConfig(String strategy, Workload workload, Conditions conditions, Bounds bounds,
                        boolean serverProbes) {

    /** Why a run's server cost figures are unavailable when its probes are off. */
    public static final String PROBES_OFF = "disabled by --no-cost";

    /** A run with the server-side cost probes on. */
    public RunConfig(String strategy, Workload workload, Conditions conditions, Bounds bounds) {
        this(strategy, workload, conditions, bounds, true);
    }

    /** This run with the server-side cost probes on or off. */
    public RunConfig withServerProbes(boolean on) {
        return new RunConfig(strategy, workload, conditions, bounds, on);
    }
}
