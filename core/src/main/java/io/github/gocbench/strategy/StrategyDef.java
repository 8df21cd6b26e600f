package io.github.gocbench.strategy;

import io.github.gocbench.dialect.Table;
import java.util.function.Function;

/**
 * A strategy as a dialect offers it: its id, a one-line summary for {@code goc strategies}, and
 * how to build it for a table.
 */
public record StrategyDef(String id, String summary, Function<Table, Strategy> factory) {

    /** Builds the strategy for {@code table}. */
    public Strategy create(Table table) {
        return factory.apply(table);
    }
}
