package io.github.gocbench.engine;

import io.github.gocbench.strategy.Conditions;

/**
 * Everything that defines one run.
 *
 * @param strategy   strategy id, e.g. {@code naive}
 * @param workload   race or steady
 * @param conditions isolation, outer transaction, unique constraint, side effect, churn
 * @param bounds     deadline and timeouts
 */
public record RunConfig(String strategy, Workload workload, Conditions conditions, Bounds bounds) {
}
