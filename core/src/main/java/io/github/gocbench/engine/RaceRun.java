package io.github.gocbench.engine;

import io.github.gocbench.strategy.Table;
import io.github.gocbench.outcome.Outcome;
import io.github.gocbench.results.Timeline;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
    private final RunControl control;
    private final boolean churn;
    private final boolean countRows;
    private final boolean sideEffect;
    /** End the race after the first round with an anomaly ({@link Workload.Race#untilAnomaly()}). */
    private final boolean untilAnomaly;
    private final Connection checker;
    private final String countSql;
    /** Between rounds: its action tallies the round that ended and sets up the next. */
    private final CyclicBarrier barrier;
    /** With an outer transaction: releases the round once every caller has read the key. */
    private final CyclicBarrier release;
    private final KeyLedger ledger;
    private final long barrierTimeoutNanos;

    // round state; written by workers (own slot) and the barrier action; the barrier orders them
    private final Outcome[] outcomes;
    private final long[] ids;
    private final int[] invocations;
    private final int[] ledgerFlags;
    /** Per worker: its call of this round was cancelled (the run is being cut short). */
    private final boolean[] cut;
    private int round;          // 1-based round being run; 0 before the first
    private long key;           // worker 0's key of the round (every worker's, except in a replay)
    private volatile boolean done;
    private long roundStartNanos;

    // results, written by the barrier action only
    private int roundsRun;
    private int roundsWithAnomaly;
    private long doubleCreates;
    private long idMismatches;
    private long duplicateRows;
    private long sideEffectSurplus;
    private long firstReleaseNanos;
    private long lastRoundEndNanos;

    /** The key each worker races on in a round. */
    @FunctionalInterface
    interface Keys {
        long key(int round, int worker);

        /**
         * Whether every worker gets the same key in a round. Only then do the round's answers
         * say anything about each other (double create, id mismatch, rows per key).
         */
        default boolean shared() {
            return true;
        }
    }

    /** Sees every counted call of the race as it ends, on its worker's thread. */
    @FunctionalInterface
    interface CallListener {
        CallListener NONE = (worker, round, call) -> { };

        void ended(int worker, int round, CallRecord call);
    }

    private final Keys keys;
    private final boolean shared;
    private final CallListener calls;
    /** Keeps the statements of the first anomalous rounds (issue 18); the workers write its logs. */
    private final Forensics forensics;

    RaceRun(List<Worker> workers, int rounds, long base, RunConfig config, RunControl control, Connection checker,
            Table table) {
        this(workers, rounds, (round, worker) -> base + round, CallListener.NONE, config, control, checker, table);
    }

    /**
     * A race whose keys come from {@code keys} (the engine's runs: one fresh key a round, the same
     * for every worker; a replay: the user's key per worker), each counted call shown to
     * {@code calls}.
     */
    RaceRun(List<Worker> workers, int rounds, Keys keys, CallListener calls, RunConfig config, RunControl control,
            Connection checker, Table table) {
        this.workers = workers;
        this.rounds = rounds;
        this.keys = keys;
        this.calls = calls;
        this.control = control;
        this.churn = config.conditions().churn() > 0;
        this.sideEffect = config.conditions().sideEffect();
        this.untilAnomaly = config.workload() instanceof Workload.Race r && r.untilAnomaly();
        this.countRows = !churn && keys.shared() && (sideEffect || !config.conditions().unique());
        this.checker = checker;
        this.countSql = "SELECT count(*) FROM " + table.name() + " WHERE k = ?";
        int n = workers.size();
        this.outcomes = new Outcome[n];
        this.ids = new long[n];
        this.invocations = new int[n];
        this.ledgerFlags = new int[n];
        this.cut = new boolean[n];
        this.shared = keys.shared();
        this.ledger = churn && shared ? new KeyLedger(1) : null;
        Bounds b = config.bounds();
        // a round lasts at most one call (bounded by the watchdog) plus the tally's queries
        this.barrierTimeoutNanos = b.callTimeout().plus(b.statementTimeout()).plusSeconds(5).toNanos();
        this.barrier = new CyclicBarrier(n, this::betweenRounds);
        this.release = config.conditions().outerTx() ? new CyclicBarrier(n) : null;
        this.forensics = new Forensics(n, Forensics.CAPACITY, Forensics.KEEP,
                workers.isEmpty() ? null : workers.get(0).dialect());
        for (Worker w : workers) {
            w.recordInto(forensics.log(w.index));
        }
    }

    /**
     * The loop of worker {@code w}; returns when the rounds are done or the run stops. With an
     * outer transaction each worker opens it and reads the key before the release (the second
     * gate), so every caller's snapshot predates every insert of the round: the situation the
     * outer-transaction anomalies need, and the definition of {@code --outer-tx}.
     */
    void work(Worker w) throws TargetLostException, InterruptedException {
        while (true) {
            if (!await(barrier)) {
                return;
            }
            if (done) {
                return;
            }
            w.begin(keys.key(round, w.index), System.nanoTime());
            if (release != null && !await(release)) {
                return;
            }
            CallRecord c = w.call(ledger, 0, true);
            // null: cancelled, or the strategy never ran (its outer read failed: workload noise)
            outcomes[w.index] = c.cancelled ? null : c.outcome;
            cut[w.index] = c.cancelled;
            ids[w.index] = c.id;
            invocations[w.index] = c.invocations;
            ledgerFlags[w.index] = c.ledgerFlags;
            w.count(c, false, round);
            if (!c.cancelled) {
                calls.ended(w.index, round, c);
            }
            w.recover(c);
        }
    }

    private boolean await(CyclicBarrier gate) throws InterruptedException {
        long wait = Math.min(barrierTimeoutNanos, control.remainingNanos() + TimeUnit.SECONDS.toNanos(1));
        try {
            gate.await(wait, TimeUnit.NANOSECONDS);
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
            forensics.clear();
            if (round >= rounds || control.stopped() || untilAnomaly && roundsWithAnomaly > 0) {
                done = true;
                return;
            }
            round++;
            key = keys.key(round, 0);
            java.util.Arrays.fill(outcomes, null);
            java.util.Arrays.fill(cut, false);
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
            if (!cut[i]) {
                counted++;
            }
            if (outcomes[i] != null) {
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
        long seenTwice = 0;
        if (!shared) {
            dc = 0; // callers on different keys: nothing to compare
            im = 0;
        } else if (churn) {
            dc = 0;
            im = 0;
            for (int f : ledgerFlags) {
                dc += (f & KeyLedger.DOUBLE_CREATE) != 0 ? 1 : 0;
                im += (f & KeyLedger.ID_MISMATCH) != 0 ? 1 : 0;
                seenTwice += (f & KeyLedger.DUPLICATE_ROWS) != 0 ? 1 : 0;
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
        duplicateRows += seenTwice;
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
        if (seenTwice > 0) {
            control.anomaly("DUPLICATE_ROWS", round, now, "key " + key + ": two rows stood at once while callers"
                    + " created and deleted it");
        }
        if (surplus > 0) {
            control.anomaly("REPEATED_SIDE_EFFECT", round, now, "key " + key + ": the hook ran " + totalInvocations
                    + " times for " + (rows >= 0 ? rows + " row(s)" : "the key"));
        }
        long broken = dc + im + surplus + Math.max(0, rows - 1) + seenTwice;
        if (broken > 0) {
            control.anomalies.add(broken);
        }
        if (anomaly || broken > 0) {
            roundsWithAnomaly++;
            keepTimeline(dc, im, rows, seenTwice, surplus);
        }
        control.fraction((double) round / rounds);
    }

    /** Hands the anomalous round just tallied to the forensics (allocates only here, on anomalous rounds). */
    private void keepTimeline(long dc, long im, long rows, long seenTwice, long surplus) {
        if (!forensics.wantsMore()) {
            return; // its bound reached: no list built for the rounds it does not keep
        }
        Set<String> names = new LinkedHashSet<>();
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < outcomes.length; i++) {
            Outcome o = outcomes[i];
            if (o != null && o.isAnomaly()) {
                names.add(o.name());
            }
            answers.add(o == null ? "(no answer)" : o == Outcome.CREATED || o == Outcome.FOUND ? o + " #" + ids[i]
                    : o.name());
        }
        if (dc > 0) {
            names.add("DOUBLE_CREATE");
        }
        if (im > 0) {
            names.add("ID_MISMATCH");
        }
        if (rows > 1 || seenTwice > 0) {
            names.add("DUPLICATE_ROWS");
        }
        if (surplus > 0) {
            names.add("REPEATED_SIDE_EFFECT");
        }
        forensics.keep(round, key, roundStartNanos, List.copyOf(names), answers);
    }

    /** The timelines of the first anomalous rounds (at most {@link Forensics#KEEP}). */
    List<Timeline> timelines() {
        return forensics.timelines();
    }

    /** Anomalous rounds whose timeline was not kept (beyond the first {@link Forensics#KEEP}). */
    int timelinesNotKept() {
        return forensics.notKept();
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
        if (release != null) {
            release.reset();
        }
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

    /** Rows seen standing beside another of their key while callers created and deleted it (churn). */
    long duplicateRows() {
        return duplicateRows;
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
