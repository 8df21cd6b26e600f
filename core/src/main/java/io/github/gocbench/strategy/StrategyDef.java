package io.github.gocbench.strategy;

import java.util.function.Function;

/**
 * A strategy as a dialect offers it: its id, a one-line summary for {@code goc strategies}, how
 * to build it for a table, and the outcomes it declares per situation ({@link Expect}), which the
 * race suites hold it to.
 */
public record StrategyDef(String id, String summary, Function<Table, Strategy> factory, Expect expect) {

    /** A strategy with no declared outcomes ({@link Expect#UNDECLARED}). */
    public StrategyDef(String id, String summary, Function<Table, Strategy> factory) {
        this(id, summary, factory, Expect.UNDECLARED);
    }

    /** Builds the strategy for {@code table}. */
    public Strategy create(Table table) {
        return factory.apply(table);
    }
}
