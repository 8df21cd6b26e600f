package io.github.gocbench.report;

/**
 * One measured throughput: a strategy at a thread count on one server, key distribution and
 * condition. Built from steady {@code RunResult}s or from JMH results, so both draw alike.
 *
 * @param server         server label, e.g. "PostgreSQL 17.6 (embedded)"
 * @param keys           key distribution, e.g. {@code hot}, {@code hotset:16}
 * @param condition      condition label, e.g. {@code autocommit} or {@code outer-tx}
 * @param strategy       strategy id
 * @param threads        number of threads
 * @param callsPerSecond measured calls per second
 */
public record ThroughputPoint(String server, String keys, String condition, String strategy, int threads,
                              double callsPerSecond) {
}
