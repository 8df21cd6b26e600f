package io.github.gocbench.report;

/** The kinds of chart a report holds, in the order the report shows them. */
public enum ChartKind {
    /** Verdict grid: strategy rows, condition columns, SAFE or the anomalies seen. */
    VERDICT,
    /** Anomaly rate against threads, one line per strategy. */
    ANOMALY,
    /** Throughput (calls/s) against threads, one line per strategy. */
    THROUGHPUT,
    /** Latency percentiles p50 / p99 / p99.9 as grouped bars per strategy. */
    LATENCY,
    /** What a successful call cost the server and the wire, grouped bars per metric (issue 17). */
    COST
}
