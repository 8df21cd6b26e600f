package io.github.gocbench.engine;

import io.github.gocbench.dialect.Dialect;
import io.github.gocbench.outcome.Failure;
import io.github.gocbench.outcome.Messages;
import io.github.gocbench.outcome.Outcome;
import io.github.gocbench.outcome.Phase;
import io.github.gocbench.server.Sessions;
import io.github.gocbench.server.Target;
import io.github.gocbench.strategy.Got;
import io.github.gocbench.strategy.NotFoundAfterConflictException;
import io.github.gocbench.strategy.SideEffect;
import io.github.gocbench.strategy.Strategy;
import io.github.gocbench.strategy.Table;
import io.github.gocbench.wire.Wire;
import io.github.gocbench.wire.WireCounter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread's connection and its calls. Runs a call as the run's conditions say (outer
 * transaction, churn delete, side-effect hook), classifies failures, keeps its own counters and
 * latency recorder, and cooperates with the watchdog: while a call runs its start time is
 * published, and the watchdog may abort the connection, after which the worker reconnects.
 *
 * <p>A call has two parts: {@link #begin} (with an outer transaction: open it and read the key,
 * as an application request does before its get-or-create) and {@link #call} (the strategy, the
 * churn delete, the commit). A race runs {@code begin} <em>before</em> its threads are released,
 * so every caller's snapshot predates the round's inserts (see {@link RaceRun}); a steady run
 * runs both back to back ({@link #execute}).
 *
 * <p>The hot path takes no lock and allocates nothing of its own: the watchdog hand-shake is one
 * atomic word ({@link #state}), counters are single-writer, latency goes to a
 * {@link SingleWriterRecorder}, and the call record is reused.
 */
final class Worker {

    private static final Logger LOG = LoggerFactory.getLogger(Worker.class);

    /** Latencies above one hour are recorded as one hour. */
    static final long MAX_LATENCY_MICROS = TimeUnit.HOURS.toMicros(1);

    /** {@link #state}: no call part in flight. */
    private static final long IDLE = 0;
    /** {@link #state}: the watchdog aborted the call part in flight for running too long. */
    private static final long MARK_TIMED_OUT = -1;
    /** {@link #state}: the run's stop cancelled the call part in flight. */
    private static final long MARK_CANCELLED = -2;
    private static final int OUTCOMES = Outcome.values().length;

    final int index;
    private final Target target;
    private final Dialect dialect;
    private final Strategy strategy;
    private final RunConfig config;
    private final RunControl control;
    private final String selectSql;
    private final String deleteSql;
    private final String countSql;
    /** Without the unique constraint, with churn, in autocommit: count the key's rows right after a create. */
    private final boolean countAfterCreate;
    private final double churn;
    private final boolean outerTx;
    private final SplittableRandom random;
    private final CallRecord call = new CallRecord();
    private final SideEffect hook;
    private int invocations;

    private volatile Connection connection;
    private PreparedStatement select;
    private PreparedStatement delete;
    private PreparedStatement count;

    /**
     * The watchdog hand-shake, one word: {@link #IDLE}; while a call part runs, its start as
     * {@code nanoTime - origin} (always &gt; 0, and different for every part, so a stale value
     * never matches again); or a mark the watchdog or the stop set by compare-and-set in place of
     * the start it saw. The worker ends a part with {@code getAndSet(IDLE)}: exactly one of the
     * two wins, and both agree on whether the connection was aborted.
     */
    private final AtomicLong state = new AtomicLong(IDLE);
    private final long origin = System.nanoTime() - 1;

    // counters written by this worker only (plain increments, published with lazySet)
    private final AtomicLongArray outcomes = new AtomicLongArray(Outcome.values().length);
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong sideEffectSurplus = new AtomicLong();
    private final AtomicLong doubleCreates = new AtomicLong();
    private final AtomicLong idMismatches = new AtomicLong();
    private final AtomicLong duplicateRows = new AtomicLong();
    /** Failures per {@link Phase} x {@link Outcome} (index {@code phase * OUTCOMES + outcome}), noise included. */
    private final AtomicLongArray failures = new AtomicLongArray(Phase.values().length * OUTCOMES);
    /** Latency of successful calls (CREATED, FOUND). */
    private final SingleWriterRecorder latency = new SingleWriterRecorder(MAX_LATENCY_MICROS, 3);
    /** Latency of failed calls: a failure often returns fast (or only after a timeout), apart from the good ones. */
    private final SingleWriterRecorder failedLatency = new SingleWriterRecorder(MAX_LATENCY_MICROS, 3);
    /** Successful calls by retries (last bucket: that many or more); single writer, read after the run. */
    private final long[] retryHistogram = new long[CostWindow.RETRY_BUCKETS];
    /** What this worker's connections sent, counted on the socket (issue 17). */
    private final WireCounter wire;
    private long windowStatements0;
    private long windowRoundTrips0;
    private long windowStatements;
    private long windowRoundTrips;
    private Long sessionId;
    /** A race's per-round statement log (issue 18 forensics), or {@code null}: steady runs never record. */
    private RoundLog roundLog;

    Worker(int index, Target target, Strategy strategy, Table table, RunConfig config, RunControl control, long seed) {
        this.index = index;
        this.target = target;
        this.dialect = target.dialect();
        this.strategy = strategy;
        this.config = config;
        this.control = control;
        this.selectSql = "SELECT id FROM " + table.name() + " WHERE k = ?";
        this.deleteSql = "DELETE FROM " + table.name() + " WHERE id = ?";
        this.countSql = "SELECT count(*) FROM " + table.name() + " WHERE k = ?";
        this.churn = config.conditions().churn();
        this.outerTx = config.conditions().outerTx();
        this.countAfterCreate = churn > 0 && !outerTx && !config.conditions().unique();
        this.random = new SplittableRandom(seed);
        this.hook = config.conditions().sideEffect() ? key -> invocations++ : SideEffect.NONE;
        this.wire = new WireCounter("postgres".equals(dialect.id())
                ? WireCounter.Protocol.POSTGRES : WireCounter.Protocol.MYSQL);
    }

    /** Opens this worker's connection; called before the clock starts. */
    void open() throws SQLException {
        connection = recorded(Wire.counting(wire, this::openSession));
        select = null;
        delete = null;
        count = null;
    }

    /** A new session with the run's server-side bounds and isolation, in autocommit. */
    private Connection openSession() throws SQLException {
        Bounds b = config.bounds();
        return Sessions.open(target, b.statementTimeout(), b.lockTimeout(), config.conditions().isolation());
    }

    /**
     * Runs one whole call on {@code key} starting now: {@link #begin} then {@link #call}.
     *
     * @return this worker's reused record of the call; pass it to {@link #recover} after counting
     */
    CallRecord execute(long key, KeyLedger ledger, int slot) {
        begin(key, System.nanoTime());
        return call(ledger, slot, false);
    }

    /**
     * Starts a call on {@code key} at {@code start} (a {@code nanoTime} the caller just read):
     * resets the call record and, in an outer transaction, opens it and reads the key. A failure
     * here is the workload's ({@link Phase#READ}, noise, never the strategy's); {@link #call}
     * then runs nothing.
     */
    void begin(long key, long start) {
        CallRecord c = call;
        c.reset(key);
        c.startNanos = start;
        invocations = 0;
        if (!outerTx) {
            return;
        }
        enter(start);
        try {
            connection.setAutoCommit(false);
            readKey(key);
        } catch (SQLException e) {
            failed(c, e, Phase.READ);
        } catch (RuntimeException e) {
            failed(c, e, Phase.READ);
        }
        leave(c, Phase.READ);
    }

    /**
     * Runs the rest of the call {@link #begin} started: the strategy, then (with churn) the
     * delete, and the outer transaction's commit. With a ledger, the call's answer is checked
     * against it ({@code slot} is the key's ledger slot) and churn deletes are recorded in it.
     * Each failure is kept with its {@link Phase}: the strategy's call and the outer commit are
     * the call's outcome; the churn step's failure is noise beside the strategy's answer.
     *
     * @param fromNow the call's time counts from now (a race's release), not from {@code begin}
     * @return this worker's reused record of the call; pass it to {@link #recover} after counting
     */
    CallRecord call(KeyLedger ledger, int slot, boolean fromNow) {
        CallRecord c = call;
        if (c.outcome != null || c.noise != null || c.cancelled) {
            c.endNanos = System.nanoTime(); // begin failed or was cut short: nothing more to run
            return c;
        }
        long start = fromNow ? System.nanoTime() : c.startNanos;
        c.startNanos = start;
        long key = c.key;
        Connection conn = connection;
        enter(start);
        long end;
        Phase at = Phase.CALL;
        try {
            boolean deleteAfter = churn > 0 && (churn >= 1.0 || random.nextDouble() < churn);
            Got got = strategy.getOrCreate(conn, key, hook);
            c.answered = true;
            c.id = got.id();
            c.created = got.created();
            c.outcome = got.created() ? Outcome.CREATED : Outcome.FOUND;
            c.retries = got.retries();
            if (outerTx) {
                if (deleteAfter) {
                    at = Phase.CHURN;
                    if (ledger != null) {
                        ledger.onDeleteStart(slot, got.id(), System.nanoTime());
                    }
                    deleteRow(got.id());
                }
                at = Phase.COMMIT;
                conn.commit();
                conn.setAutoCommit(true);
                end = System.nanoTime();
                c.ledgerFlags = ledger == null ? 0 : ledger.onSuccess(slot, got.id(), got.created(), start, end);
            } else {
                end = System.nanoTime();
                c.ledgerFlags = ledger == null ? 0 : ledger.onSuccess(slot, got.id(), got.created(), start, end);
                if (deleteAfter) {
                    at = Phase.CHURN;
                    if (countAfterCreate && got.created() && rowsOf(key) > 1) {
                        c.ledgerFlags |= KeyLedger.DUPLICATE_ROWS; // two rows of the key stood at once
                    }
                    if (ledger != null) {
                        ledger.onDeleteStart(slot, got.id(), System.nanoTime());
                    }
                    deleteRow(got.id());
                    end = System.nanoTime();
                }
            }
        } catch (SQLException e) {
            failed(c, e, at);
            end = System.nanoTime();
        } catch (RuntimeException e) {
            failed(c, e, at);
            end = System.nanoTime();
        }
        c.endNanos = end;
        c.invocations = invocations;
        leave(c, at);
        return c;
    }

    /** Publishes that a call part started at {@code start}, for the watchdog and the stop. */
    private void enter(long start) {
        long v = start - origin;
        state.lazySet(v > 0 ? v : 1);
    }

    /**
     * Ends a call part: takes back the hand-shake word and applies what the watchdog or stop did.
     * A timeout in {@code at} is the strategy's only where {@code at} counts against it.
     */
    private void leave(CallRecord c, Phase at) {
        long was = state.getAndSet(IDLE);
        if (was == MARK_TIMED_OUT) {
            Failure f = new Failure(Outcome.TIMEOUT, null, 0, "call exceeded "
                    + config.bounds().callTimeout().toMillis() + " ms; the watchdog aborted its connection");
            record(c, f, at);
            c.needsReconnect = true;
        } else if (was == MARK_CANCELLED) {
            c.cancelled = true;
            c.needsReconnect = true;
        }
    }

    private void failed(CallRecord c, SQLException e, Phase at) {
        Outcome o = e instanceof NotFoundAfterConflictException
                ? Outcome.NOT_FOUND_AFTER_CONFLICT : dialect.classify(e);
        if (o == null) {
            o = Outcome.OTHER;
        }
        record(c, Failure.of(o, e), at);
        c.needsReconnect = o == Outcome.CONNECTION_LOST || !cleanUp();
    }

    private void failed(CallRecord c, RuntimeException e, Phase at) {
        // a strategy bug must not kill the harness, nor vanish
        record(c, new Failure(Outcome.OTHER, null, 0, Messages.firstLine(e.toString())), at);
        LOG.debug("strategy {} threw", strategy.id(), e);
        c.needsReconnect = !cleanUp();
    }

    /** Keeps {@code f} as the call's outcome when {@code at} is the strategy's, else as workload noise. */
    private static void record(CallRecord c, Failure f, Phase at) {
        if (at.countsAgainstStrategy()) {
            c.outcome = f.outcome();
            c.failure = f;
            c.phase = at;
        } else {
            c.noise = f.outcome();
            c.noiseFailure = f;
            c.noisePhase = at;
        }
    }

    /**
     * Opens a new connection when the last call left this one unusable (aborted or broken);
     * call after counting the call.
     *
     * @throws TargetLostException when no new connection could be opened
     */
    void recover(CallRecord c) throws TargetLostException {
        if (c.needsReconnect) {
            reconnect();
        }
    }

    /**
     * Counts {@code c}: workload noise by phase; then, when the strategy ran, its outcome,
     * latency, retries, and (when asked) side effects and ledger flags.
     */
    void count(CallRecord c, boolean invariants, Integer round) {
        if (c.cancelled) {
            return;
        }
        if (c.noise != null) {
            int i = c.noisePhase.ordinal() * OUTCOMES + c.noise.ordinal();
            failures.lazySet(i, failures.get(i) + 1);
        }
        if (c.outcome == null) {
            return; // the strategy never ran: its outer read failed (noise, counted above)
        }
        int o = c.outcome.ordinal();
        outcomes.lazySet(o, outcomes.get(o) + 1);
        long micros = Math.min(MAX_LATENCY_MICROS, Math.max(0, (c.endNanos - c.startNanos) / 1000));
        (c.outcome.isAnomaly() ? failedLatency : latency).recordValue(micros);
        if (c.retries != 0) {
            retries.lazySet(retries.get() + c.retries);
        }
        if (c.outcome == Outcome.CREATED || c.outcome == Outcome.FOUND) {
            retryHistogram[Math.min(Math.max(c.retries, 0), CostWindow.RETRY_BUCKETS - 1)]++;
        }
        calls.lazySet(calls.get() + 1);
        if (c.outcome.isAnomaly()) {
            int i = c.phase.ordinal() * OUTCOMES + o;
            failures.lazySet(i, failures.get(i) + 1);
            control.anomalies.increment();
            control.anomaly(c.failure, c.phase, round, c.endNanos);
        }
        if (invariants) {
            int surplus = Invariants.sideEffectSurplus(c.outcome, c.invocations);
            if (surplus > 0) {
                sideEffectSurplus.addAndGet(surplus);
                control.anomalies.increment();
                control.anomaly("REPEATED_SIDE_EFFECT", round, c.endNanos, "key " + c.key + ": the hook ran "
                        + c.invocations + " times in a call that answered " + c.outcome);
            }
            if ((c.ledgerFlags & KeyLedger.DOUBLE_CREATE) != 0) {
                doubleCreates.incrementAndGet();
                control.anomalies.increment();
                control.anomaly("DOUBLE_CREATE", round, c.endNanos, "key " + c.key
                        + ": created again while a row created earlier provably still existed");
            }
            if ((c.ledgerFlags & KeyLedger.ID_MISMATCH) != 0) {
                idMismatches.incrementAndGet();
                control.anomalies.increment();
                control.anomaly("ID_MISMATCH", round, c.endNanos, "key " + c.key + ": got id " + c.id
                        + " while another row of the key provably existed");
            }
            if ((c.ledgerFlags & KeyLedger.DUPLICATE_ROWS) != 0) {
                duplicateRows.incrementAndGet();
                control.anomalies.increment();
                control.anomaly("DUPLICATE_ROWS", round, c.endNanos, "key " + c.key
                        + ": two rows of the key provably stood at once");
            }
        }
    }

    /** Watchdog: aborts this worker's connection when its call has run longer than {@code limitNanos}. */
    void checkTimeout(long now, long limitNanos) {
        long v = state.get();
        if (v > 0 && now - (origin + v) > limitNanos) {
            abortIfStill(v, MARK_TIMED_OUT);
        }
    }

    /** Cancels the call in flight, if any (the run is being cut short). */
    void cancel() {
        long v = state.get();
        if (v > 0) {
            abortIfStill(v, MARK_CANCELLED);
        }
    }

    /**
     * Aborts the connection when the call part that published {@code v} is still running. The
     * connection is read before the compare-and-set: the worker changes it only between calls,
     * and a won compare-and-set proves the part that published {@code v} never ended.
     */
    private void abortIfStill(long v, long mark) {
        Connection c = connection;
        if (state.compareAndSet(v, mark) && c != null) {
            try {
                c.abort(control.abortExecutor);
            } catch (SQLException | RuntimeException e) {
                LOG.debug("abort failed", e);
            }
        }
    }

    /** Closes this worker's connection (end of run). */
    void close() {
        Connection c = connection;
        connection = null;
        Sessions.closeQuietly(c);
    }

    private void readKey(long key) throws SQLException {
        if (select == null) {
            select = connection.prepareStatement(selectSql);
        }
        select.setLong(1, key);
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                rs.getLong(1); // the request reads the key first, as an app would
            }
        }
    }

    /** Rows the key has now, read on this worker's own connection (autocommit: committed rows). */
    private long rowsOf(long key) throws SQLException {
        if (count == null) {
            count = connection.prepareStatement(countSql);
        }
        count.setLong(1, key);
        try (ResultSet rs = count.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private void deleteRow(long id) throws SQLException {
        if (delete == null) {
            delete = connection.prepareStatement(deleteSql);
        }
        delete.setLong(1, id);
        delete.executeUpdate();
    }

    /** Rolls back and restores autocommit after a failed call; false when the connection is unusable. */
    private boolean cleanUp() {
        try {
            if (connection.isClosed()) {
                return false;
            }
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            return true;
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    private void reconnect() throws TargetLostException {
        Sessions.closeQuietly(connection);
        Connection fresh;
        try {
            fresh = Wire.counting(wire, this::openSession);
        } catch (SQLException e) {
            connection = null;
            throw new TargetLostException("worker " + index + " could not reconnect: "
                    + Messages.firstLine(e.getMessage()), e);
        }
        connection = recorded(fresh);
        select = null;
        delete = null;
        count = null;
    }

    /**
     * From now on this worker's connections note their statements in {@code log} (a race's
     * forensics): the current connection is wrapped, and each one opened after it.
     */
    void recordInto(RoundLog log) {
        roundLog = log;
        connection = recorded(connection);
        select = null;
        delete = null;
        count = null;
    }

    /** {@code raw} wrapped for the round log, its session id read once; {@code raw} itself without one. */
    private Connection recorded(Connection raw) {
        RoundLog log = roundLog;
        if (log == null || raw == null) {
            return raw;
        }
        log.connection(Forensics.sessionId(raw, dialect));
        return RecordingConnection.wrap(raw, log);
    }

    Dialect dialect() {
        return dialect;
    }

    long outcome(Outcome o) {
        return outcomes.get(o.ordinal());
    }

    /** Calls counted so far (read by progress reports while the run goes on). */
    long calls() {
        return calls.get();
    }

    long retries() {
        return retries.get();
    }

    long sideEffectSurplus() {
        return sideEffectSurplus.get();
    }

    long doubleCreates() {
        return doubleCreates.get();
    }

    long idMismatches() {
        return idMismatches.get();
    }

    long duplicateRows() {
        return duplicateRows.get();
    }

    /** Failures of {@code outcome} in {@code phase} (the strategy's and the workload's alike). */
    long failures(Phase phase, Outcome outcome) {
        return failures.get(phase.ordinal() * OUTCOMES + outcome.ordinal());
    }

    /** Successful calls by retries (read after the run). */
    long[] retryHistogram() {
        return retryHistogram.clone();
    }

    WireCounter wire() {
        return wire;
    }

    /** Marks the start of the cost window in the wire counts (on this worker's thread, or before it starts). */
    void markWindowStart() {
        windowStatements0 = wire.statements();
        windowRoundTrips0 = wire.roundTrips();
    }

    /** Marks the end of the cost window (on this worker's thread, or after it ended). */
    void markWindowEnd() {
        windowStatements = wire.statements() - windowStatements0;
        windowRoundTrips = wire.roundTrips() - windowRoundTrips0;
    }

    long windowStatements() {
        return windowStatements;
    }

    long windowRoundTrips() {
        return windowRoundTrips;
    }

    /** The server's id of this worker's session as last read by {@link #sessionEdge}, or {@code null}. */
    Long sessionId() {
        return sessionId;
    }

    /**
     * Runs the cost probe's session statement on this worker's own connection (PostgreSQL: flushes
     * its table statistics) and keeps the session id it returns; quiet when it fails.
     */
    void sessionEdge(String sql) {
        Connection c = connection;
        if (sql == null || c == null) {
            return;
        }
        try (java.sql.Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            if (rs.next()) {
                sessionId = rs.getLong(1);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.debug("worker {}: cost session statement failed", index, e);
        }
    }

    /** The latencies of successful calls recorded so far (moves them out of the recorder). */
    Histogram takeLatency() {
        return latency.getIntervalHistogram();
    }

    /** The latencies of failed calls recorded so far (moves them out of the recorder). */
    Histogram takeFailedLatency() {
        return failedLatency.getIntervalHistogram();
    }
}
