package io.github.gocbench.engine;

import io.github.gocbench.dialect.Dialect;
import io.github.gocbench.strategy.Table;
import io.github.gocbench.outcome.Failure;
import io.github.gocbench.outcome.Outcome;
import io.github.gocbench.strategy.Got;
import io.github.gocbench.strategy.NotFoundAfterConflictException;
import io.github.gocbench.strategy.SideEffect;
import io.github.gocbench.strategy.Strategy;
import io.github.gocbench.server.Target;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread's connection and its calls. Runs a call as the run's conditions say (outer
 * transaction, churn delete, side-effect hook), classifies failures, keeps its own counters and
 * latency recorder, and cooperates with the watchdog: while a call runs its start time is
 * published, and the watchdog may abort the connection, after which the worker reconnects.
 */
final class Worker {

    private static final Logger LOG = LoggerFactory.getLogger(Worker.class);

    /** Latencies above one hour are recorded as one hour. */
    static final long MAX_LATENCY_MICROS = TimeUnit.HOURS.toMicros(1);

    private static final int NOT_ABORTED = 0;
    private static final int TIMED_OUT = 1;
    private static final int CANCELLED = 2;

    final int index;
    private final Target target;
    private final Dialect dialect;
    private final Strategy strategy;
    private final RunConfig config;
    private final RunControl control;
    private final String selectSql;
    private final String deleteSql;
    private final double churn;
    private final SplittableRandom random;
    private final CallRecord call = new CallRecord();
    private final SideEffect hook;
    private int invocations;

    private volatile Connection connection;
    private PreparedStatement select;
    private PreparedStatement delete;

    // watchdog hand-shake, guarded by 'guard'
    private final Object guard = new Object();
    private long callStartNanos;
    private int abortReason;

    // counters written by this worker only; atomics so the final read (and progress) is safe
    private final AtomicLongArray outcomes = new AtomicLongArray(Outcome.values().length);
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong sideEffectSurplus = new AtomicLong();
    private final AtomicLong doubleCreates = new AtomicLong();
    private final AtomicLong idMismatches = new AtomicLong();
    private final Recorder latency = new Recorder(MAX_LATENCY_MICROS, 3);

    Worker(int index, Target target, Strategy strategy, Table table, RunConfig config, RunControl control, long seed) {
        this.index = index;
        this.target = target;
        this.dialect = target.dialect();
        this.strategy = strategy;
        this.config = config;
        this.control = control;
        this.selectSql = "SELECT id FROM " + table.name() + " WHERE k = ?";
        this.deleteSql = "DELETE FROM " + table.name() + " WHERE id = ?";
        this.churn = config.conditions().churn();
        this.random = new SplittableRandom(seed);
        this.hook = config.conditions().sideEffect() ? key -> invocations++ : SideEffect.NONE;
    }

    /** Opens this worker's connection; called before the clock starts. */
    void open() throws SQLException {
        connection = Sessions.open(target, config);
        select = null;
        delete = null;
    }

    /**
     * Runs one call on {@code key}. With a ledger, the call's answer is checked against it
     * ({@code slot} is the key's ledger slot) and churn deletes are recorded in it.
     *
     * @return this worker's reused record of the call; pass it to {@link #recover} after counting
     */
    CallRecord execute(long key, KeyLedger ledger, int slot) {
        CallRecord c = call;
        c.reset(key);
        invocations = 0;
        long start = System.nanoTime();
        synchronized (guard) {
            callStartNanos = start;
            abortReason = NOT_ABORTED;
        }
        c.startNanos = start;
        boolean broken = false;
        try {
            boolean deleteAfter = churn > 0 && (churn >= 1.0 || random.nextDouble() < churn);
            Got got;
            if (config.conditions().outerTx()) {
                connection.setAutoCommit(false);
                readKey(key);
                got = strategy.getOrCreate(connection, key, hook);
                if (deleteAfter) {
                    if (ledger != null) {
                        ledger.onDeleteStart(slot, got.id(), System.nanoTime());
                    }
                    deleteRow(got.id());
                }
                connection.commit();
                connection.setAutoCommit(true);
                c.ledgerFlags = ledger == null ? 0
                        : ledger.onSuccess(slot, got.id(), got.created(), start, System.nanoTime());
            } else {
                got = strategy.getOrCreate(connection, key, hook);
                c.ledgerFlags = ledger == null ? 0
                        : ledger.onSuccess(slot, got.id(), got.created(), start, System.nanoTime());
                if (deleteAfter) {
                    if (ledger != null) {
                        ledger.onDeleteStart(slot, got.id(), System.nanoTime());
                    }
                    deleteRow(got.id());
                }
            }
            c.outcome = got.created() ? Outcome.CREATED : Outcome.FOUND;
            c.id = got.id();
            c.retries = got.retries();
        } catch (SQLException e) {
            Outcome o = e instanceof NotFoundAfterConflictException
                    ? Outcome.NOT_FOUND_AFTER_CONFLICT : dialect.classify(e);
            if (o == null) {
                o = Outcome.OTHER;
            }
            c.outcome = o;
            c.failure = Failure.of(o, e);
            broken = o == Outcome.CONNECTION_LOST || !cleanUp();
        } catch (RuntimeException e) {
            // a strategy bug must not kill the harness, nor vanish
            c.outcome = Outcome.OTHER;
            c.failure = new Failure(Outcome.OTHER, null, 0, oneLine(e.toString()));
            LOG.debug("strategy {} threw", strategy.id(), e);
            broken = !cleanUp();
        }
        c.endNanos = System.nanoTime();
        c.invocations = invocations;
        int reason;
        synchronized (guard) {
            callStartNanos = 0;
            reason = abortReason;
        }
        if (reason == TIMED_OUT) {
            c.outcome = Outcome.TIMEOUT;
            c.failure = new Failure(Outcome.TIMEOUT, null, 0, "call exceeded "
                    + config.bounds().callTimeout().toMillis() + " ms; the watchdog aborted its connection");
        } else if (reason == CANCELLED) {
            c.cancelled = true;
        }
        c.needsReconnect = reason != NOT_ABORTED || broken;
        return c;
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

    /** Counts {@code c} (outcome, latency, retries; side effects and ledger flags when asked). */
    void count(CallRecord c, boolean invariants, Integer round) {
        if (c.cancelled) {
            return;
        }
        outcomes.incrementAndGet(c.outcome.ordinal());
        long micros = Math.min(MAX_LATENCY_MICROS, Math.max(0, (c.endNanos - c.startNanos) / 1000));
        latency.recordValue(micros);
        retries.addAndGet(c.retries);
        control.calls.increment();
        if (c.outcome.isAnomaly()) {
            control.anomalies.increment();
            control.anomaly(c.failure, round, c.endNanos);
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
        }
    }

    /** Watchdog: aborts this worker's connection when its call has run longer than {@code limitNanos}. */
    void checkTimeout(long now, long limitNanos) {
        synchronized (guard) {
            if (callStartNanos != 0 && abortReason == NOT_ABORTED && now - callStartNanos > limitNanos) {
                abortReason = TIMED_OUT;
                abortConnection();
            }
        }
    }

    /** Cancels the call in flight, if any (the run is being cut short). */
    void cancel() {
        synchronized (guard) {
            if (callStartNanos != 0 && abortReason == NOT_ABORTED) {
                abortReason = CANCELLED;
                abortConnection();
            }
        }
    }

    private void abortConnection() {
        Connection c = connection;
        if (c == null) {
            return;
        }
        try {
            c.abort(control.abortExecutor);
        } catch (SQLException | RuntimeException e) {
            LOG.debug("abort failed", e);
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
            fresh = Sessions.open(target, config);
        } catch (SQLException e) {
            synchronized (guard) {
                connection = null;
            }
            throw new TargetLostException("worker " + index + " could not reconnect: " + oneLine(e.getMessage()), e);
        }
        synchronized (guard) {
            connection = fresh;
        }
        select = null;
        delete = null;
    }

    static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    long outcome(Outcome o) {
        return outcomes.get(o.ordinal());
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

    /** The latencies recorded so far (moves them out of the recorder). */
    Histogram takeLatency() {
        return latency.getIntervalHistogram();
    }
}
