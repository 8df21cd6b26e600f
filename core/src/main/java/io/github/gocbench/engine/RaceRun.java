package io.github.gocbench.engine;

import io.github.gocbench.strategy.Table;
import io.github.gocbench.outcome.Outcome;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The race workload: R rounds, each on a fresh key, all N workers released together by a
 * barrier. The barrier's action (run by the last thread to arrive, while the others wait) tallies
 * the round just finished and prepares the next, so rounds never overlap and per-round state
 * lives in fixed arrays of size N, reused every round.
 */
final class RaceRun {

    private static final Logger LOG = LoggerFactory.getLogger(RaceRun.class);

    private final List<Worker> workers;
    private final int rounds;
    private final long base;
    private final RunControl control;
    private final boolean churn;
    private final boolean countRows;
    private final boolean sideEffect;
    private final Connection checker;
    private final String countSql;
    private final CyclicBarrier barrier;
    private final KeyLedger ledger;
    private final long barrierTimeoutNanos;

    // round state; written by workers (own slot) and the barrier action; the barrier orders them
    private final Outcome[] outcomes;
    private final long[] ids;
    private final int[] invocations;
    private final int[] ledgerFlags;
    private int round;          // 1-based round being run; 0 before the first
    private long key;
    private volatile boolean done;
    private long roundStartNanos;

    // results, written by the barrier action only
    private int roundsRun;
    private int roundsWithAnomaly;
    private long doubleCreates;
    private long idMismatches;
    private long sideEffectSurplus;
    private long firstReleaseNanos;
    private long lastRoundEndNanos;

    RaceRun(List<Worker> workers, int rounds, long base, RunConfig config, RunControl control, Connection checker,
            Table table) {
        this.workers = workers;
        this.rounds = rounds;
        this.base = base;
        this.control = control;
        this.churn = config.conditions().churn() > 0;
        this.sideEffect = config.conditions().sideEffect();
        this.countRows = !churn && (sideEffect || !config.conditions().unique());
        this.checker = checker;
        this.countSql = "SELECT count(*) FROM " + table.name() + " WHERE k = ?";
        int n = workers.size();
        this.outcomes = new Outcome[n];
        this.ids = new long[n];
        this.invocations = new int[n];
        this.ledgerFlags = new int[n];
        this.ledger = churn ? new KeyLedger(1) : null;
        Bounds b = config.bounds();
        // a round lasts at most one call (bounded by the watchdog) plus the tally's queries
        this.barrierTimeoutNanos = b.callTimeout().plus(b.statementTimeout()).plusSeconds(5).toNanos();
        this.barrier = new CyclicBarrier(n, this::betweenRounds);
    }

    /** The loop of worker {@code w}; returns when the rounds are done or the run stops. */
    void work(Worker w) throws TargetLostException, InterruptedException {
        while (true) {
            if (!await()) {
                return;
            }
            if (done) {
                return;
            }
            CallRecord c = w.execute(key, ledger, 0);
            outcomes[w.index] = c.cancelled ? null : c.outcome;
            ids[w.index] = c.id;
            invocations[w.index] = c.invocations;
            ledgerFlags[w.index] = c.ledgerFlags;
            w.count(c, false, round);
            w.recover(c);
        }
    }

    private boolean await() throws InterruptedException {
        long wait = Math.min(barrierTimeoutNanos, control.remainingNanos() + TimeUnit.SECONDS.toNanos(1));
        try {
            barrier.await(wait, TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            control.stopNow("a race barrier wait timed out after " + TimeUnit.NANOSECONDS.toMillis(wait)
                    + " ms in round " + round + " (a worker did not arrive)");
            return false;
        } catch (BrokenBarrierException e) {
            control.stopNow("the race barrier broke in round " + round);
            return false;
        }
    }

    /** Barrier action: tally the round that just ended, then set up the next one. */
    private void betweenRounds() {
        try {
            long now = System.nanoTime();
            if (round > 0) {
                tally(now);
            }
            if (round >= rounds || control.stopped()) {
                done = true;
                return;
            }
            round++;
            key = base + round;
            java.util.Arrays.fill(outcomes, null);
            if (ledger != null) {
                ledger.reset(0);
            }
            control.phase("race", (double) (round - 1) / rounds);
            roundStartNanos = System.nanoTime();
            if (firstReleaseNanos == 0) {
                firstReleaseNanos = roundStartNanos;
            }
        } catch (RuntimeException e) {
            LOG.debug("round tally failed", e);
            control.stopNow("tallying round " + round + " failed: " + e);
            done = true;
        }
    }

    private void tally(long now) {
        lastRoundEndNanos = now;
        boolean anomaly = false;
        long surplus = 0;
        int counted = 0;
        long totalInvocations = 0;
        for (int i = 0; i < outcomes.length; i++) {
            if (outcomes[i] != null) {
                counted++;
                surplus += Invariants.sideEffectSurplus(outcomes[i], invocations[i]);
                anomaly |= outcomes[i].isAnomaly();
            }
            totalInvocations += invocations[i];
        }
        if (counted < outcomes.length) {
            return; // cut short: a partial round proves nothing about the others
        }
        roundsRun = round;
        long dc;
        long im;
        if (churn) {
            dc = 0;
            im = 0;
            for (int f : ledgerFlags) {
                dc += (f & KeyLedger.DOUBLE_CREATE) != 0 ? 1 : 0;
                im += (f & KeyLedger.ID_MISMATCH) != 0 ? 1 : 0;
            }
        } else {
            Invariants.RoundFigures fig = Invariants.round(outcomes, ids);
            dc = fig.doubleCreates();
            im = fig.idMismatches();
        }
        long rows = countRows ? countRows() : -1;
        if (rows >= 0 && sideEffect) {
            surplus = Math.max(surplus, Invariants.sideEffectSurplusFromRows(totalInvocations, rows));
        }
        doubleCreates += dc;
        idMismatches += im;
        sideEffectSurplus += surplus;
        if (dc > 0) {
            control.anomaly("DOUBLE_CREATE", round, now, dc + 1 + " callers got CREATED for key " + key);
        }
        if (im > 0) {
            control.anomaly("ID_MISMATCH", round, now, "callers got " + (im + 1) + " different ids for key " + key);
        }
        if (rows > 1) {
            control.anomaly("DUPLICATE_ROWS", round, now, "key " + key + " has " + rows + " rows");
        }
        if (surplus > 0) {
            control.anomaly("REPEATED_SIDE_EFFECT", round, now, "key " + key + ": the hook ran " + totalInvocations
                    + " times for " + (rows >= 0 ? rows + " row(s)" : "the key"));
        }
        long broken = dc + im + surplus + Math.max(0, rows - 1);
        if (broken > 0) {
            control.anomalies.add(broken);
        }
        if (anomaly || broken > 0) {
            roundsWithAnomaly++;
        }
        control.fraction((double) round / rounds);
    }

    private long countRows() {
        try (PreparedStatement ps = checker.prepareStatement(countSql)) {
            ps.setLong(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            LOG.debug("row count failed", e);
            return -1;
        }
    }

    /** Workers blocked at the barrier give up (the run is being cut short). */
    void breakBarrier() {
        barrier.reset();
    }

    int roundsRun() {
        return roundsRun;
    }

    int roundsWithAnomaly() {
        return roundsWithAnomaly;
    }

    long doubleCreates() {
        return doubleCreates;
    }

    long idMismatches() {
        return idMismatches;
    }

    long sideEffectSurplus() {
        return sideEffectSurplus;
    }

    /** Seconds from the first release to the end of the last tallied round. */
    double seconds() {
        if (firstReleaseNanos == 0 || lastRoundEndNanos == 0) {
            return 0;
        }
        return (lastRoundEndNanos - firstReleaseNanos) / 1e9;
    }
}
