package io.github.gocbench.engine;

/**
 * The circumstances of every call in a run (DESIGN.md, "condition").
 *
 * @param isolation  isolation level of the session, or {@code null} for the server's default
 * @param outerTx    each call runs inside an already-open transaction that first reads the key
 * @param unique     whether the table has the unique constraint on {@code k}
 * @param sideEffect run the counted per-key hook just before each insert
 * @param churn      probability (0..1) that a caller deletes the row after use
 */
public record Conditions(Isolation isolation, boolean outerTx, boolean unique, boolean sideEffect, double churn) {

    /** Server-default isolation, autocommit, unique constraint, no hook, no churn. */
    public static final Conditions DEFAULT = new Conditions(null, false, true, false, 0.0);

    public Conditions {
        if (!(churn >= 0.0 && churn <= 1.0)) {
            throw new IllegalArgumentException("churn must be between 0 and 1, got " + churn);
        }
    }
}
