package io.github.gocbench.engine;

import java.sql.SQLException;

/**
 * One caller's statements in the current race round, in arrays allocated once: the SQL (the
 * strategy's own string, not copied), its first integer parameter, start and end
 * ({@code System.nanoTime()}), and what it returned. Written by its worker's thread only, between
 * the race's barriers; read and cleared by the barrier action, which the barrier orders after
 * every write. Statements beyond the capacity are counted, not kept.
 */
final class RoundLog {

    /** What a kept statement returned. */
    enum Kind { RUNNING, ROWS, AFFECTED, OK, ERROR }

    final int capacity;
    final String[] sql;
    final long[] param;
    final boolean[] hasParam;
    final long[] start;
    final long[] end;
    final Kind[] kind;
    /** ROWS: rows the caller read; AFFECTED: the update count. */
    final long[] count;
    /** ROWS: the first number the caller read from the first row, when {@link #hasValue}. */
    final long[] value;
    final boolean[] hasValue;
    final SQLException[] error;
    private int size;
    private int dropped;
    /** The server's id of the current connection's session, or {@code null}. */
    private Long connection;
    /** The connection of each kept statement (a reconnect mid-round changes it). */
    final Long[] connectionOf;

    RoundLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
        sql = new String[capacity];
        param = new long[capacity];
        hasParam = new boolean[capacity];
        start = new long[capacity];
        end = new long[capacity];
        kind = new Kind[capacity];
        count = new long[capacity];
        value = new long[capacity];
        hasValue = new boolean[capacity];
        error = new SQLException[capacity];
        connectionOf = new Long[capacity];
    }

    /**
     * A statement starts now: its slot, or -1 when the buffer is full (the statement is counted
     * as dropped).
     */
    int begin(String text, boolean withParam, long p, long now) {
        if (size == capacity) {
            dropped++;
            return -1;
        }
        int i = size++;
        sql[i] = text;
        hasParam[i] = withParam;
        param[i] = p;
        start[i] = now;
        end[i] = now;
        kind[i] = Kind.RUNNING;
        count[i] = 0;
        hasValue[i] = false;
        error[i] = null;
        connectionOf[i] = connection;
        return i;
    }

    void ended(int i, Kind k, long n, long now) {
        if (i >= 0) {
            kind[i] = k;
            count[i] = n;
            end[i] = now;
        }
    }

    void failed(int i, SQLException e, long now) {
        if (i >= 0) {
            kind[i] = Kind.ERROR;
            error[i] = e;
            end[i] = now;
        }
    }

    /** The caller read one more row of statement {@code i}'s result. */
    void row(int i) {
        if (i >= 0) {
            count[i]++;
        }
    }

    /** The caller read the number {@code v} from statement {@code i}'s result (the first one is kept). */
    void read(int i, long v) {
        if (i >= 0 && !hasValue[i] && count[i] == 1) {
            hasValue[i] = true;
            value[i] = v;
        }
    }

    void connection(Long id) {
        connection = id;
    }

    Long connection() {
        return connection;
    }

    int size() {
        return size;
    }

    int dropped() {
        return dropped;
    }

    /** Forgets the round's statements (the barrier action, between rounds). */
    void clear() {
        java.util.Arrays.fill(error, 0, size, null);
        size = 0;
        dropped = 0;
    }
}
