package io.github.gocbench.engine;

import io.github.gocbench.dialect.Dialect;
import io.github.gocbench.framework.Frameworks;
import io.github.gocbench.outcome.Evidence;
import io.github.gocbench.outcome.Invariant;
import io.github.gocbench.outcome.Messages;
import io.github.gocbench.outcome.Outcome;
import io.github.gocbench.outcome.Phase;
import io.github.gocbench.outcome.Verdict;
import io.github.gocbench.results.BuildInfo;
import io.github.gocbench.results.CallCost;
import io.github.gocbench.results.RunResult;
import io.github.gocbench.server.Sessions;
import io.github.gocbench.server.Target;
import io.github.gocbench.server.TargetInfo;
import io.github.gocbench.strategy.Strategy;
import io.github.gocbench.strategy.StrategyDef;
import io.github.gocbench.strategy.Table;
import io.github.gocbench.strategy.UserStrategies;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a workload of one strategy against one target and checks the invariants afterwards.
 * Every run is bounded (see {@link Bounds}); a run cut short still returns what it gathered,
 * marked incomplete.
 *
 * <p>How a run is bounded: every session gets the server-side statement and lock timeouts; a
 * watchdog thread aborts any connection whose call runs past {@link Bounds#callTimeout()}
 * (counted as {@code TIMEOUT}; the worker reconnects); barrier waits and thread joins have
 * timeouts; at the deadline (for steady runs: warm-up + duration + call timeout + 10 s, when that
 * is sooner than {@link Bounds#deadline()}) calls in flight are cancelled (not counted) and the
 * result says {@code complete=false} and why. A lost target (a broken connection that cannot be
 * reopened) stops the run the same way.
 *
 * <p>What counts as a violated invariant is documented in {@link Invariants} and
 * {@link KeyLedger}: only certain violations are reported.
 */
public final class Engine {

    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
    private static final Duration CHECKER_STATEMENT_TIMEOUT = Duration.ofSeconds(60);
    private static final long CLAIM_POLL_MS = 200;

    private Engine() {
    }

    /**
     * Runs {@code config} against {@code target}: resets the table, starts one connection per
     * thread, runs the workload, classifies every call, checks invariants, and returns the result.
     *
     * @throws IllegalArgumentException when the strategy is unknown for the target's dialect, or
     *                                  the workload is malformed
     */
    public static RunResult run(Target target, RunConfig config, ProgressListener progress) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(config, "config");
        ProgressListener listener = progress == null ? ProgressListener.NONE : progress;
        Dialect dialect = target.dialect();
        StrategyDef def = Frameworks.resolve(dialect, config.strategy()).orElseThrow(() -> new IllegalArgumentException(
                "unknown strategy '" + config.strategy() + "' for " + dialect.id() + "; valid: "
                        + dialect.strategies().stream().map(StrategyDef::id).collect(Collectors.joining(", "))));
        validate(config.workload());
        Table table = Table.of(config.conditions().unique());
        Strategy strategy = def.create(table);
        Bounds bounds = config.bounds();
        Workload workload = config.workload();

        Duration deadline = bounds.deadline();
        if (workload instanceof Workload.Steady s) {
            Duration planned = s.warmup().plus(s.duration()).plus(bounds.callTimeout()).plusSeconds(10);
            deadline = planned.compareTo(deadline) < 0 ? planned : deadline;
        }
        Instant time = Instant.now();
        RunControl control = new RunControl(deadline.toNanos());
        long base = KeySpace.nextBase();
        long seed = base * 0x9E3779B97F4A7C15L;
        List<Worker> workers = new ArrayList<>();
        Connection checker = null;
        boolean claimed = false;
        RaceRun race = null;
        SteadyRun steady = null;
        long duplicateRows = 0;
        try {
            try {
                checker = openChecker(target, bounds);
                if (!claimTable(checker, dialect, table, control)) {
                    return build(target, config, def, time, control, workers, null, null, 0);
                }
                claimed = true;
                dialect.resetSchema(checker, table);
                strategy.prepare(checker);
                probeWrite(checker, table);
                for (int i = 0; i < workload.threads(); i++) {
                    Worker w = new Worker(i, target, strategy, table, config, control, seed + i);
                    workers.add(w);
                    w.open();
                }
            } catch (SQLException e) {
                control.stopNow("could not prepare the run: " + Messages.firstLine(e.getMessage()) + " (SQLState "
                        + e.getSQLState() + ", code " + e.getErrorCode() + ")");
                return build(target, config, def, time, control, workers, null, null, 0);
            }

            CostWindow cost = CostProbing.window(target, checker, table, config);
            if (workload instanceof Workload.Race r) {
                race = new RaceRun(workers, r.rounds(), base, config, control, checker, table);
                CostProbing.openForRace(cost, workers);
            } else {
                steady = new SteadyRun((Workload.Steady) workload, base, control, seed, cost,
                        bounds.callTimeout().toNanos());
            }
            runWorkers(workers, race, steady, control, bounds, listener);
            CallCost callCost = CostProbing.close(cost, workers, race != null);
            if (steady != null && steady.bytesPerCall() >= 0) {
                // goc --verbose: what a call costs the client's heap (the harness aims at near zero of its own)
                LOG.debug("allocation: {} bytes per call in the measured period ({} calls; the strategy's and the"
                        + " driver's allocation included)", Math.round(steady.bytesPerCall()), steady.allocationCalls());
            }
            if (steady != null && steady.cpuMicrosPerCall() >= 0) {
                // goc --verbose: the worker threads' CPU per call, to set beside a plain JDBC loop's (issue 12)
                LOG.debug("client cpu: {} us per call in the measured period (worker threads, user + system; the"
                        + " strategy's and the driver's work included)", String.format("%.2f", steady.cpuMicrosPerCall()));
            }
            if (!config.conditions().unique()) {
                duplicateRows = countDuplicateRows(checker, table, control);
            }
            control.phase("done", 1.0);
            reportFinal(workers, control, bounds, listener);
            return build(target, config, def, time, control, workers, race, steady, duplicateRows)
                    .withCost(callCost);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            control.stopNow("interrupted");
            return build(target, config, def, time, control, workers, race, steady, duplicateRows);
        } finally {
            for (Worker w : workers) {
                w.close();
            }
            if (claimed) {
                releaseClaim(checker, dialect, table);
            }
            Sessions.closeQuietly(checker);
            control.close();
        }
    }

    /**
     * Claims the run's table on the server (see {@link Dialect#tryClaimTable}), waiting while
     * another goc run holds it: two runs against one server then take turns run by run instead
     * of dropping each other's table. Gives up at the run's deadline, with a note saying who
     * holds the table. A run that waited gets its clock restarted, so at worst it takes twice its
     * deadline: one for the wait, one for the run.
     */
    /**
     * Runs the workers' loops (a race or a steady run) on one thread each, under a watchdog, and
     * returns when they are done, the run was cut short, or the deadline plus one call bound
     * passed. The one place worker threads are started: {@link #run} and {@link Replay} use it.
     */
    static void runWorkers(List<Worker> workers, RaceRun race, SteadyRun steady, RunControl control, Bounds bounds,
                           ProgressListener listener) throws InterruptedException {
        control.onStop(() -> {
            workers.forEach(Worker::cancel);
            if (steady != null) {
                steady.breakGate();
            }
            if (race != null) {
                race.breakBarrier();
            }
        });
        Watchdog watchdog = new Watchdog(workers, control, bounds, listener,
                steady != null ? steady::updatePhase : () -> { });
        List<Thread> threads = new ArrayList<>();
        for (Worker w : workers) {
            Thread t = new Thread(() -> work(w, race, steady, control), "goc-worker-" + w.index);
            t.setDaemon(true);
            threads.add(t);
        }
        if (steady != null) {
            steady.start();
        }
        threads.forEach(Thread::start);
        watchdog.start();
        try {
            joinAll(threads, control, bounds);
        } finally {
            control.finish();
            watchdog.finish();
        }
    }

    /** The last progress snapshot, once the run is done. */
    private static void reportFinal(List<Worker> workers, RunControl control, Bounds bounds,
                                    ProgressListener listener) {
        new Watchdog(workers, control, bounds, listener, () -> { }).report();
    }

    /** Gives the table claim back on {@code checker} (best effort: the session's end releases it too). */
    static void releaseClaim(Connection checker, Dialect dialect, Table table) {
        try {
            if (!checker.getAutoCommit()) {
                checker.rollback(); // PostgreSQL refuses statements in an aborted transaction
                checker.setAutoCommit(true);
            }
            dialect.releaseTableClaim(checker, table);
        } catch (SQLException e) {
            // the session's end releases it anyway (a lost server included)
            LOG.debug("could not release the claim on {}: {}", table.name(), Messages.firstLine(e.getMessage()));
        }
    }

    private static boolean claimTable(Connection checker, Dialect dialect, Table table, RunControl control)
            throws SQLException, InterruptedException {
        boolean told = false;
        while (!dialect.tryClaimTable(checker, table)) {
            if (!told) {
                LOG.warn("table {} is in use by another goc run on this server ({}); waiting for it",
                        table.name(), dialect.tableClaimHolder(checker, table));
                control.phase("wait for table", 0);
                told = true;
            }
            if (control.stopped() || control.pastDeadline()) {
                control.stopNow("table " + table.name() + " is still in use by another goc run on this server ("
                        + dialect.tableClaimHolder(checker, table) + ") at the deadline; let that run finish,"
                        + " or point this one at another database");
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(CLAIM_POLL_MS);
        }
        if (told) {
            control.restartClock(); // the wait is not part of the run: times and deadline count from here
        }
        return true;
    }

    private static void validate(Workload workload) {
        Objects.requireNonNull(workload, "workload");
        if (workload.threads() < 1 || workload.threads() > Workload.MAX_THREADS) {
            throw new IllegalArgumentException("threads must be in 1.." + Workload.MAX_THREADS + ", got "
                    + workload.threads());
        }
        if (workload instanceof Workload.Race r && (r.rounds() < 1 || r.rounds() >= KeySpace.SIZE)) {
            throw new IllegalArgumentException("rounds must be at least 1, got " + r.rounds());
        }
        if (workload instanceof Workload.Steady s) {
            if (s.duration() == null || s.duration().isNegative() || s.duration().isZero()) {
                throw new IllegalArgumentException("duration must be positive, got " + s.duration());
            }
            if (s.warmup() == null || s.warmup().isNegative()) {
                throw new IllegalArgumentException("warmup must not be negative, got " + s.warmup());
            }
            Objects.requireNonNull(s.keys(), "keys");
        }
    }

    private static void work(Worker w, RaceRun race, SteadyRun steady, RunControl control) {
        try {
            if (race != null) {
                race.work(w);
            } else {
                steady.work(w);
            }
        } catch (TargetLostException e) {
            control.stopNow("target lost: " + e.getMessage());
        } catch (InterruptedException e) {
            control.stopNow("worker " + w.index + " interrupted");
        } catch (RuntimeException | Error e) {
            LOG.warn("worker {} failed", w.index, e);
            control.stopNow("worker " + w.index + " failed: " + e);
        }
    }

    /** Joins the workers within the deadline plus one call bound; cancels stragglers. */
    private static void joinAll(List<Thread> threads, RunControl control, Bounds bounds) throws InterruptedException {
        long graceNanos = bounds.callTimeout().toNanos() + TimeUnit.SECONDS.toNanos(10);
        long limit = control.deadlineNanos + graceNanos;
        for (Thread t : threads) {
            long left = limit - System.nanoTime();
            if (left > 0) {
                TimeUnit.NANOSECONDS.timedJoin(t, left);
            }
        }
        boolean stuck = threads.stream().anyMatch(Thread::isAlive);
        if (stuck) {
            control.stopNow("a worker did not end within the deadline; its connection was aborted");
            for (Thread t : threads) {
                t.join(TimeUnit.SECONDS.toMillis(5));
            }
        }
    }

    /**
     * Inserts a row and rolls it back, so that a user who may create the table but not write to
     * it (no INSERT privilege, a read-only role or database) fails here, before the run, with the
     * server's one-line reason, instead of producing a run in which every call failed.
     */
    private static void probeWrite(Connection checker, Table table) throws SQLException {
        checker.setAutoCommit(false);
        try (java.sql.PreparedStatement ps = checker.prepareStatement("INSERT INTO " + table.name()
                + " (k) VALUES (?)")) {
            ps.setLong(1, -1L);
            ps.executeUpdate();
        } finally {
            try {
                checker.rollback();
            } finally {
                checker.setAutoCommit(true);
            }
        }
    }

    private static Connection openChecker(Target target, Bounds bounds) throws SQLException {
        Connection c = target.connect();
        try {
            Duration st = bounds.statementTimeout().compareTo(CHECKER_STATEMENT_TIMEOUT) > 0
                    ? bounds.statementTimeout() : CHECKER_STATEMENT_TIMEOUT;
            target.dialect().applySessionBounds(c, st, bounds.lockTimeout());
            c.setAutoCommit(true);
            return c;
        } catch (SQLException | RuntimeException e) {
            Sessions.closeQuietly(c);
            throw e;
        }
    }

    /**
     * Rows beyond the first per key, from the table itself (only possible without the unique
     * constraint; with it the server enforces the invariant and the query is skipped).
     */
    private static long countDuplicateRows(Connection checker, Table table, RunControl control) {
        String sql = "SELECT k, count(*) FROM " + table.name() + " GROUP BY k HAVING count(*) > 1";
        long extra = 0;
        long firstKey = 0;
        try (Statement st = checker.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                if (extra == 0) {
                    firstKey = rs.getLong(1);
                }
                extra += rs.getLong(2) - 1;
            }
        } catch (SQLException e) {
            control.stopNow("the duplicate-row check failed: " + Messages.firstLine(e.getMessage()));
            return 0;
        }
        if (extra > 0) {
            control.anomaly("DUPLICATE_ROWS", null, System.nanoTime(),
                    extra + " extra row(s) in the table, e.g. for key " + firstKey);
        }
        return extra;
    }

    private static RunResult build(Target target, RunConfig config, StrategyDef def, Instant time,
                                   RunControl control, List<Worker> workers, RaceRun race, SteadyRun steady,
                                   long duplicateRows) {
        Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
        long calls = 0;
        long retries = 0;
        for (Outcome o : Outcome.values()) {
            long n = 0;
            for (Worker w : workers) {
                n += w.outcome(o);
            }
            outcomes.put(o, n);
            calls += n;
        }
        Map<Phase, Map<Outcome, Long>> byPhase = new EnumMap<>(Phase.class);
        for (Phase p : Phase.values()) {
            Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
            for (Outcome o : Outcome.values()) {
                long n = 0;
                for (Worker w : workers) {
                    n += w.failures(p, o);
                }
                counts.put(o, n);
            }
            byPhase.put(p, counts);
        }
        long doubleCreates = race == null ? 0 : race.doubleCreates();
        long idMismatches = race == null ? 0 : race.idMismatches();
        long sideEffects = race == null ? 0 : race.sideEffectSurplus();
        long rowsSeenTwice = race == null ? 0 : race.duplicateRows();
        Histogram latency = new Histogram(Worker.MAX_LATENCY_MICROS, 3);
        Histogram failedLatency = new Histogram(Worker.MAX_LATENCY_MICROS, 3);
        for (Worker w : workers) {
            retries += w.retries();
            doubleCreates += w.doubleCreates();
            idMismatches += w.idMismatches();
            sideEffects += w.sideEffectSurplus();
            rowsSeenTwice += w.duplicateRows();
            latency.add(w.takeLatency());
            failedLatency.add(w.takeFailedLatency());
        }
        Map<Invariant, Long> invariants = new EnumMap<>(Invariant.class);
        // two lower bounds of the same thing: rows seen standing twice during the run, rows left at the end
        invariants.put(Invariant.DUPLICATE_ROWS, Math.max(duplicateRows, rowsSeenTwice));
        invariants.put(Invariant.DOUBLE_CREATE, doubleCreates);
        invariants.put(Invariant.ID_MISMATCH, idMismatches);
        invariants.put(Invariant.REPEATED_SIDE_EFFECT, sideEffects);

        double seconds = race != null ? race.seconds() : steady != null ? steady.seconds() : 0;
        RunResult.Totals totals = new RunResult.Totals(calls, seconds, seconds > 0 ? calls / seconds : 0);
        // percentiles of successful calls; failed calls apart (a fast failure must not flatter a strategy)
        RunResult.Latency lat = percentiles(latency);
        RunResult.Latency failedLat = failedLatency.getTotalCount() == 0 ? null : percentiles(failedLatency);
        RunResult.RaceFigures figures = null;
        Evidence evidence;
        long anomalies = 0;
        for (Map.Entry<Outcome, Long> e : outcomes.entrySet()) {
            anomalies += e.getKey().isAnomaly() ? e.getValue() : 0;
        }
        for (long v : invariants.values()) {
            anomalies += v;
        }
        long asked;
        if (config.workload() instanceof Workload.Race r) {
            int run = race == null ? 0 : race.roundsRun();
            int bad = race == null ? 0 : race.roundsWithAnomaly();
            figures = new RunResult.RaceFigures(run, bad, run == 0 ? 0 : (double) bad / run);
            evidence = Evidence.ofRounds(run, bad, r.threads());
            asked = r.rounds();
        } else {
            evidence = Evidence.ofCalls(calls, Math.min(calls, anomalies), config.workload().threads());
            asked = 0;
        }
        String note = control.note();
        Verdict verdict = Verdict.of(anomalies, note == null, evidence.trials(), asked);
        RunResult r = new RunResult("goc-bench", toolVersion(), time, host(), targetInfo(target), configInfo(config),
                totals, outcomes, invariants, lat, retries, figures, verdict, control.firstAnomaly(), note == null,
                note, RunResult.SCHEMA_VERSION, byPhase, RunResult.EvidenceFigures.of(evidence), null, null, failedLat);
        r = r.withGrading(r.grade(def.expect()));
        return race == null ? r : r.withTimelines(race.timelines());
    }

    /** p50, p90, p99, p99.9 and max of {@code h}; zeros when it is empty. */
    private static RunResult.Latency percentiles(Histogram h) {
        return h.getTotalCount() == 0 ? new RunResult.Latency(0, 0, 0, 0, 0)
                : new RunResult.Latency(h.getValueAtPercentile(50), h.getValueAtPercentile(90),
                        h.getValueAtPercentile(99), h.getValueAtPercentile(99.9), h.getMaxValue());
    }

    private static TargetInfo targetInfo(Target target) {
        try {
            return target.info();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The configuration flattened for results. */
    static RunResult.ConfigInfo configInfo(RunConfig config) {
        Workload w = config.workload();
        Integer rounds = w instanceof Workload.Race r ? r.rounds() : null;
        Double duration = w instanceof Workload.Steady s ? s.duration().toMillis() / 1000.0 : null;
        Double warmup = w instanceof Workload.Steady s ? s.warmup().toMillis() / 1000.0 : null;
        String keys = w instanceof Workload.Steady s ? s.keys().text() : null;
        return new RunResult.ConfigInfo(config.strategy(), w.kind(), w.threads(), rounds, duration, warmup, keys,
                config.conditions(), UserStrategies.description(config.strategy()).orElse(null));
    }

    /** The build's version and git revision, e.g. {@code 0.1.0-SNAPSHOT+3ae08a8}. */
    static String toolVersion() {
        return BuildInfo.current().label();
    }

    static RunResult.HostInfo host() {
        return new RunResult.HostInfo(Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.runtime.version", System.getProperty("java.version")) + " ("
                        + System.getProperty("java.vm.name") + ", " + System.getProperty("java.vendor") + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"));
    }
}
