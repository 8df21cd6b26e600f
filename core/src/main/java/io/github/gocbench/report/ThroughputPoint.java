package io.github.gocbench.report;

/**
 * One measured throughput: a strategy at a thread count on one server, key distribution and
 * condition. Built from steady {@code RunResult}s (one per run; repeated runs of a point are
 * folded when drawn) or from JMH results (one per benchmark, with its error), so both draw alike.
 *
 * @param server         server label, e.g. "PostgreSQL 17.6 (embedded)"
 * @param keys           key distribution, e.g. {@code hot}, {@code hotset:16}
 * @param condition      condition label, e.g. {@code autocommit} or {@code outer-tx}
 * @param strategy       strategy id
 * @param threads        number of threads
 * @param callsPerSecond measured (successful) calls per second
 * @param low            lower end of the measurement's own error (JMH: score - scoreError), or the value
 * @param high           upper end of the measurement's own error, or the value
 * @param mostlyFailed   more than half of the run's calls failed
 */
public record ThroughputPoint(String server, String keys, String condition, String strategy, int threads,
                              double callsPerSecond, double low, double high, boolean mostlyFailed) {

    /** A point without an error of its own. */
    public ThroughputPoint(String server, String keys, String condition, String strategy, int threads,
                           double callsPerSecond) {
        this(server, keys, condition, strategy, threads, callsPerSecond, callsPerSecond, callsPerSecond, false);
    }
}
