package io.github.gocbench.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Forensics of one anomalous race round (issue 18): every statement each caller sent in the
 * round, with its start and end on one clock, the server session it ran on, and what it
 * returned. Kept for the first few anomalous rounds of a race only, so a rare anomaly that
 * {@code goc explain} cannot reproduce still leaves its evidence.
 *
 * @param round     the round (1-based)
 * @param key       the key the callers raced on
 * @param anomalies what made the round anomalous (outcome or invariant names)
 * @param callers   one entry per caller, in worker order
 * @param steps     the statements, ordered by start time
 * @param dropped   statements not kept because a caller's buffer was full
 */
public record Timeline(int round, long key, List<String> anomalies, List<Caller> callers, List<Step> steps,
                       int dropped) {

    /**
     * One caller of the round.
     *
     * @param index      the worker (0 = caller A)
     * @param connection the server's id of its session (PostgreSQL {@code pg_backend_pid()},
     *                   MariaDB/MySQL {@code CONNECTION_ID()}), read once when the connection opened;
     *                   {@code null} when it could not be read
     * @param answer     what its call answered: {@code CREATED #id}, {@code FOUND #id}, or the outcome
     */
    public record Caller(int index, @JsonInclude(JsonInclude.Include.NON_NULL) Long connection, String answer) {
    }

    /**
     * One statement (or commit, rollback, savepoint) a caller sent.
     *
     * @param caller      its caller's index
     * @param sql         the SQL, the round's key shown as {@code :k}
     * @param startNanos  {@code System.nanoTime()} when the caller sent it, relative to the round's
     *                    release (negative: before the release, e.g. an outer transaction's read)
     * @param endNanos    when it returned, on the same clock
     * @param result      what it returned: rows read, rows affected, {@code ok}, or the error
     * @param sqlState    the error's SQLState, {@code null} when it did not fail
     * @param vendorCode  the error's vendor code (0: the server gave none), {@code null} when it did not fail
     */
    public record Step(int caller, String sql, long startNanos, long endNanos, String result,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String sqlState,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Integer vendorCode) {
    }

    public Timeline {
        anomalies = List.copyOf(anomalies);
        callers = List.copyOf(callers);
        steps = List.copyOf(steps);
    }
}
