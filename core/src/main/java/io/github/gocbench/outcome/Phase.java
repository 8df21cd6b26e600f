package io.github.gocbench.outcome;

import java.util.Locale;

/**
 * Whose statement failed (DESIGN.md, "phase"). A call of the workload runs more than the
 * strategy: in an outer transaction it first reads the key and commits afterwards, and with churn
 * it deletes the row after use. Only the strategy's own statements, and the outer commit that an
 * application would see, count against a strategy; the workload's read and churn delete are
 * reported apart, as workload noise, and never replace the call's outcome.
 */
public enum Phase {
    /** The strategy's get-or-create call itself. */
    CALL(true),
    /** The outer transaction's own read of the key, before the call (the workload's). */
    READ(false),
    /** The outer transaction's COMMIT after the call: what the application would see, so it counts. */
    COMMIT(true),
    /** The workload's churn DELETE after use (goc's own statement, not the strategy's). */
    CHURN(false);

    private final boolean countsAgainstStrategy;

    Phase(boolean countsAgainstStrategy) {
        this.countsAgainstStrategy = countsAgainstStrategy;
    }

    /** True when a failure in this phase is the strategy's anomaly; false for workload noise. */
    public boolean countsAgainstStrategy() {
        return countsAgainstStrategy;
    }

    /** The lower-case name used in JSON, CSV and reports: {@code call}, {@code read}, {@code commit}, {@code churn}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
