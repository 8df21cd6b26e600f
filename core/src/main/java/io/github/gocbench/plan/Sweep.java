package io.github.gocbench.plan;

import io.github.gocbench.dialect.DbFamily;
import io.github.gocbench.engine.Bounds;
import io.github.gocbench.engine.Engine;
import io.github.gocbench.engine.RunConfig;
import io.github.gocbench.engine.Workload;
import io.github.gocbench.results.RunResult;
import io.github.gocbench.server.Target;
import io.github.gocbench.server.TargetSpec;
import io.github.gocbench.server.TargetUnavailableException;
import io.github.gocbench.server.Targets;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A planned sequence of runs, one after another, opening each target once for its consecutive
 * steps. Keeps an estimate of the time left for the progress line, and sizes budgeted races.
 *
 * <p>Races with a {@linkplain Step#raceBudget() time budget}: the engine runs a race for a fixed
 * number of rounds (it cannot stop one gracefully at a time), and a round's cost differs by
 * orders of magnitude between servers and strategies (about a millisecond on PostgreSQL, up to
 * seconds where calls wait on locks). So the rounds of a budgeted race are chosen just before it
 * starts: the budget divided by the pace measured in earlier races of the same strategy on the
 * same target (per round and thread, since every call of a round queues behind the same key),
 * capped by the planned rounds and at least {@link #MIN_RACE_ROUNDS}. The first race of a
 * strategy has no pace of its own yet: it runs at most a fifth of the planned rounds, fewer when
 * earlier strategies on the target were slow. A race that still runs far over its budget is cut
 * at {@link #BUDGET_DEADLINE_FACTOR} times the budget plus {@link #BUDGET_DEADLINE_SLACK} (the
 * result says it is incomplete).
 *
 * <p>The estimate is honest from the start: steady runs last their planned time; a budgeted race
 * is counted at its budget until a pace is known, and at its sized rounds times that pace after;
 * every run adds its set-up (connections, table reset, checks), measured per thread on each
 * target, and every server still to start the time the last start took.
 *
 * <p>What happens is told to a {@link SweepListener}: servers starting, skipped, finished, and a
 * progress listener per run. The sweep knows nothing of the command line; {@code goc race},
 * {@code bench}, {@code compare} and {@code matrix} all run through it.
 */
public final class Sweep {

    /**
     * One run: where, and what.
     *
     * @param target     the server
     * @param config     the run
     * @param raceBudget for a race, the time it should take: its rounds are sized to it (the
     *                   configured rounds become the cap); {@code null} runs the rounds as given
     * @param variant    how the opened server is seen by this run ({@link Variant#PLAIN}: as it is)
     * @param label      what the progress line calls the run; {@code null} for {@link #label(TargetSpec, RunConfig)}
     */
    public record Step(TargetSpec target, RunConfig config, Duration raceBudget, Variant variant, String label) {

        public Step {
            variant = variant == null ? Variant.PLAIN : variant;
        }

        public Step(TargetSpec target, RunConfig config, Duration raceBudget) {
            this(target, config, raceBudget, Variant.PLAIN, null);
        }

        public Step(TargetSpec target, RunConfig config) {
            this(target, config, null);
        }
    }

    /**
     * The server as a run sees it: as it is, or with a session setting changed (e.g. MariaDB's
     * {@code innodb_snapshot_isolation} OFF or ON through {@code SnapshotIsolationTarget}).
     *
     * @param title what sets it apart, e.g. {@code innodb_snapshot_isolation=ON}; empty for the plain server
     * @param on    wraps the opened server; the wrapper must leave the server open when closed
     */
    public record Variant(String title, UnaryOperator<Target> on) {

        /** The server as it is. */
        public static final Variant PLAIN = new Variant("", t -> t);
    }

    /**
     * Steps that can only be settled once their server is open (which settings it has, what it is
     * called): given the open server and the steps planned for it, the steps to run there.
     */
    @FunctionalInterface
    public interface Replan {

        /** Runs the planned steps as they are. */
        Replan NONE = (target, planned, listener) -> planned;

        List<Step> steps(Target opened, List<Step> planned, SweepListener listener);
    }

    /** Set-up of a run beyond its connections until one is measured: reset table, check invariants. */
    static final long RUN_OVERHEAD_MS = 200;
    /** Fewest rounds of a budgeted race: below this a rate is noise. */
    public static final int MIN_RACE_ROUNDS = 20;
    /** A budgeted race is cut (marked incomplete) after this many times its budget, plus the slack. */
    static final int BUDGET_DEADLINE_FACTOR = 5;
    /**
     * Added to a budgeted race's deadline: the deadline also covers the run's set-up and its
     * first round, which on a busy embedded MariaDB take several seconds whatever the budget.
     */
    static final Duration BUDGET_DEADLINE_SLACK = Duration.ofSeconds(30);
    /** Pace assumed for unbudgeted races until one is measured, per round and thread. */
    private static final double DEFAULT_MS_PER_ROUND_THREAD = 0.5;

    private final List<Step> steps;
    private final Replan replan;
    /** Latest measured ms per round and thread, by target and strategy. */
    private final Map<String, Double> strategyPace = new HashMap<>();
    /** Latest measured ms per round and thread on each target, whatever the strategy. */
    private final Map<TargetSpec, Double> targetPace = new HashMap<>();
    /**
     * Measured set-up cost per thread on each target (moving average): a run's wall time less its
     * workload (race rounds, or warm-up plus duration) and {@link #RUN_OVERHEAD_MS}, divided by
     * its threads. Opening connections
     * dominates it: about 20 ms per thread on PostgreSQL, 200-900 ms on a busy embedded MariaDB.
     */
    private final Map<TargetSpec, Double> overheadPerThread = new HashMap<>();
    /** Rounds chosen for budgeted races already sized, by step index. */
    private final Map<Integer, Integer> sized = new HashMap<>();
    /** Measured start of the last embedded server, -1 until one started. */
    private long startMs = -1;
    private int firstUnopened;

    /** A sweep of steps that run as planned. */
    public Sweep(List<Step> steps) {
        this(steps, Replan.NONE);
    }

    /** A sweep whose steps for each server are settled by {@code replan} once that server is open. */
    public Sweep(List<Step> steps, Replan replan) {
        this.steps = new ArrayList<>(steps);
        this.replan = replan;
    }

    /** The steps as planned now: a server's steps may change when it opens ({@link Replan}). */
    public List<Step> steps() {
        return List.copyOf(steps);
    }

    /**
     * Runs every step and returns the results in order. Consecutive steps on one server share it:
     * it is opened once, before the first of them, and closed after the last.
     *
     * @param skipUnavailable when a target cannot be opened, tell the listener and go on with the
     *                        next one; otherwise throw
     * @throws IOException from the listener's {@link SweepListener#serverFinished}
     */
    public List<RunResult> run(SweepListener listener, boolean skipUnavailable)
            throws TargetUnavailableException, IOException {
        List<RunResult> results = new ArrayList<>();
        int i = 0;
        while (i < steps.size()) {
            TargetSpec spec = steps.get(i).target();
            int end = endOfServer(i);
            Target target;
            Instant started = Instant.now();
            long opening = System.nanoTime();
            try {
                if (spec.url() == null) {
                    listener.serverStarting(spec);
                }
                target = Targets.open(spec);
            } catch (TargetUnavailableException e) {
                if (!skipUnavailable) {
                    throw e;
                }
                listener.serverUnavailable(spec, e);
                i = end;
                firstUnopened = end;
                continue;
            }
            if (spec.url() == null) {
                startMs = (System.nanoTime() - opening) / 1_000_000;
            }
            try (target) {
                List<Step> planned = steps.subList(i, end);
                List<Step> settled = List.copyOf(replan.steps(target, List.copyOf(planned), listener));
                planned.clear();
                planned.addAll(settled);
                end = i + settled.size();
                firstUnopened = end;
                List<RunResult> here = new ArrayList<>();
                for (int s = i; s < end; s++) {
                    here.add(runStep(s, target, listener));
                    if (Thread.currentThread().isInterrupted()) {
                        results.addAll(here);
                        return results; // Ctrl-C / SIGTERM: keep what is done, run no more
                    }
                }
                results.addAll(here);
                listener.serverFinished(spec, target.info(), started,
                        (System.nanoTime() - opening) / 1_000_000, here);
            }
            i = end;
        }
        return results;
    }

    /** The index after the last of the consecutive steps on the server of step {@code i}. */
    private int endOfServer(int i) {
        TargetSpec spec = steps.get(i).target();
        int end = i;
        while (end < steps.size() && steps.get(end).target().equals(spec)) {
            end++;
        }
        return end;
    }

    private RunResult runStep(int s, Target target, SweepListener listener) {
        Step step = steps.get(s);
        RunConfig config = configFor(s);
        String label = (steps.size() > 1 ? "[" + (s + 1) + "/" + steps.size() + "] " : "")
                + (step.label() != null ? step.label() : label(step.target(), config));
        final int next = s + 1;
        long estimate = estimateMs(s);
        long started = System.nanoTime();
        RunResult r;
        try {
            r = Engine.run(step.variant().on().apply(target), config,
                    listener.runStarting(label, estimate, () -> remainingFrom(next)));
        } finally {
            listener.runEnded();
        }
        learn(step, r, (System.nanoTime() - started) / 1_000_000);
        listener.runFinished(step, r);
        return r;
    }

    /** "postgres naive race 8 threads outer-tx", for progress lines. */
    public static String label(TargetSpec target, RunConfig c) {
        StringBuilder sb = new StringBuilder(target.family().cliName()).append(' ').append(c.strategy());
        if (c.workload() instanceof Workload.Steady st) {
            sb.append(" steady ").append(st.keys().text());
        } else {
            sb.append(" race ").append(((Workload.Race) c.workload()).rounds()).append(" rounds");
        }
        int threads = c.workload().threads();
        sb.append(' ').append(threads).append(threads == 1 ? " thread" : " threads");
        if (c.conditions().outerTx()) {
            sb.append(" outer-tx");
        }
        if (c.conditions().isolation() != null) {
            sb.append(' ').append(c.conditions().isolation().cliName());
        }
        return sb.toString();
    }

    /**
     * The configuration step {@code index} runs with: a budgeted race gets its rounds (sized once,
     * from the pace known when it starts) and a deadline of {@link #BUDGET_DEADLINE_FACTOR} times
     * its budget plus {@link #BUDGET_DEADLINE_SLACK}, when that is sooner than the configured one.
     */
    RunConfig configFor(int index) {
        Step step = steps.get(index);
        RunConfig c = step.config();
        if (step.raceBudget() == null || !(c.workload() instanceof Workload.Race race)) {
            return c;
        }
        int rounds = sized.computeIfAbsent(index, k -> sizeRounds(step, race));
        Bounds b = c.bounds();
        Duration cut = step.raceBudget().multipliedBy(BUDGET_DEADLINE_FACTOR).plus(BUDGET_DEADLINE_SLACK);
        Bounds bounds = cut.compareTo(b.deadline()) < 0
                ? new Bounds(cut, b.statementTimeout(), b.lockTimeout(), b.callTimeout()) : b;
        return new RunConfig(c.strategy(), new Workload.Race(race.threads(), rounds), c.conditions(), bounds,
                c.serverProbes());
    }

    /** Rounds for a budgeted race from the pace known now (see the class comment). */
    int sizeRounds(Step step, Workload.Race race) {
        Double pace = strategyPace.get(paceKey(step));
        int cap = race.rounds();
        if (pace == null) {
            cap = Math.max(Math.min(MIN_RACE_ROUNDS, race.rounds()), race.rounds() / 5);
            pace = targetPace.get(step.target());
            if (pace == null) {
                return cap;
            }
        }
        long fit = (long) (step.raceBudget().toMillis() / (pace * race.threads()));
        return (int) Math.max(Math.min(MIN_RACE_ROUNDS, race.rounds()), Math.min(cap, fit));
    }

    /** Estimated length of step {@code index}, in ms: its workload plus its set-up. */
    long estimateMs(int index) {
        Step step = steps.get(index);
        int threads = step.config().workload().threads();
        Double perThread = overheadPerThread.get(step.target());
        long overhead = perThread == null ? setUpMs(step.target().family(), threads)
                : RUN_OVERHEAD_MS + (long) (perThread * threads);
        if (step.config().workload() instanceof Workload.Steady st) {
            return st.duration().toMillis() + st.warmup().toMillis() + overhead;
        }
        Workload.Race race = (Workload.Race) step.config().workload();
        Double pace = strategyPace.get(paceKey(step));
        if (pace == null) {
            pace = targetPace.get(step.target());
        }
        if (step.raceBudget() != null) {
            Integer rounds = sized.get(index);
            if (rounds == null || pace == null) {
                return step.raceBudget().toMillis() + overhead;
            }
            return (long) (rounds * pace * threads) + overhead;
        }
        double p = pace == null ? DEFAULT_MS_PER_ROUND_THREAD : pace;
        return (long) (race.rounds() * p * threads) + overhead;
    }

    /**
     * Set-up of a run assumed before one is measured on its target: opening a connection costs
     * about 30 ms on PostgreSQL and about 40 ms on MariaDB/MySQL without TLS (measured on the
     * embedded servers of a 2-core machine; with TLS, MariaDB 11.4's default, it was 100 ms).
     */
    static long setUpMs(DbFamily family, int threads) {
        long perThread = family == DbFamily.POSTGRES ? 30 : 40;
        return RUN_OVERHEAD_MS + perThread * threads;
    }

    /**
     * Time to provide an embedded server until one start has been measured: PostgreSQL starts in
     * about 10 s, MariaDB in about 30 s on a busy 2-core machine (longer the first time, when it
     * unpacks).
     */
    static long startEstimateMs(DbFamily family) {
        return family == DbFamily.POSTGRES ? 10_000 : 30_000;
    }

    /** Estimated time of the steps from {@code index} on, in ms, server start-ups included. */
    public long remainingFrom(int index) {
        long ms = 0;
        TargetSpec previous = index > 0 ? steps.get(index - 1).target() : null;
        for (int s = index; s < steps.size(); s++) {
            TargetSpec t = steps.get(s).target();
            if (s >= firstUnopened && !t.equals(previous) && t.url() == null) {
                ms += startMs >= 0 ? startMs : startEstimateMs(t.family());
            }
            previous = t;
            ms += estimateMs(s);
        }
        return ms;
    }

    /** Updates the set-up cost and, after a race, the race pace from a run that just finished. */
    private void learn(Step step, RunResult r, long wallMs) {
        int threads = Math.max(1, r.config().threads());
        double workMs;
        if (step.config().workload() instanceof Workload.Steady st) {
            workMs = st.warmup().toMillis() + st.duration().toMillis();
        } else {
            workMs = r.totals().seconds() * 1000.0;
        }
        if (r.complete()) {
            // a moving average: one slow connect must not swing the estimate of every later run
            double perThread = Math.max(0, wallMs - workMs - RUN_OVERHEAD_MS) / threads;
            overheadPerThread.merge(step.target(), perThread, (old, now) -> 0.7 * old + 0.3 * now);
        }
        if (r.race() == null || r.race().rounds() <= 0 || r.totals().seconds() <= 0) {
            return;
        }
        double pace = r.totals().seconds() * 1000.0 / r.race().rounds() / threads;
        strategyPace.put(paceKey(step), pace);
        targetPace.put(step.target(), pace);
    }

    private static String paceKey(Step step) {
        return step.target() + "|" + step.config().strategy();
    }
}
