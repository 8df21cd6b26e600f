package io.github.gocbench.strategy;

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

    /**
     * The conditions a {@link Situation} stands for: unique constraint, no side-effect hook, no churn,
     * and the situation's isolation and outer transaction. The one mapping from what a strategy
     * declares for to what the engine runs; the race suites and the matrix use it alike.
     */
    public static Conditions of(Situation situation) {
        return switch (situation) {
            case AUTOCOMMIT -> DEFAULT;
            case OUTER_READ_COMMITTED -> new Conditions(Isolation.READ_COMMITTED, true, true, false, 0.0);
            case OUTER_REPEATABLE_READ -> new Conditions(Isolation.REPEATABLE_READ, true, true, false, 0.0);
        };
    }

    public Conditions {
        if (!(churn >= 0.0 && churn <= 1.0)) {
            throw new IllegalArgumentException("churn must be between 0 and 1, got " + churn);
        }
    }
}
