package io.github.gocbench.cli;

import io.github.gocbench.strategy.Conditions;
import io.github.gocbench.strategy.Isolation;
import picocli.CommandLine.Option;

/**
 * The conditions of every call (DESIGN.md, "condition"): isolation level, outer transaction,
 * unique constraint, side-effect hook. Churn is {@link ChurnOptions}, mixed in by the commands
 * that allow it.
 */
final class ConditionOptions {

    @Option(names = "--isolation", paramLabel = "LEVEL",
            description = "read-committed, repeatable-read or serializable (default: the server's).")
    String isolation;

    @Option(names = "--outer-tx",
            description = "Run each call inside an already-open transaction that first reads the key,"
                    + " as an application request would.")
    boolean outerTx;

    @Option(names = "--no-unique",
            description = "Create the table without the unique constraint on the key"
                    + " (duplicates then show up as duplicate rows).")
    boolean noUnique;

    @Option(names = "--side-effect",
            description = "Run a counted hook just before each insert (the seed's something_special())"
                    + " and report keys where it ran more than once.")
    boolean sideEffect;

    /** The isolation asked for, or null for the server's default. */
    Isolation isolation() {
        if (isolation == null) {
            return null;
        }
        try {
            return Isolation.parse(isolation);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    /** The conditions with {@code churn} (already validated, e.g. by {@link ChurnOptions#probability}). */
    Conditions conditions(double churn) {
        return new Conditions(isolation(), outerTx, !noUnique, sideEffect, churn);
    }
}
