package io.github.gocbench.cli;

import io.github.gocbench.engine.Bounds;
import io.github.gocbench.engine.Engine;
import io.github.gocbench.engine.RunConfig;
import io.github.gocbench.engine.Workload;
import io.github.gocbench.results.RunResult;
import io.github.gocbench.server.Target;
import io.github.gocbench.server.TargetSpec;
import io.github.gocbench.server.TargetUnavailableException;
import io.github.gocbench.server.Targets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
 */
final class Sweep {

    /**
     * One run: where, and what.
     *
     * @param raceBudget for a race, the time it should take: its rounds are sized to it (the
     *                   configured rounds become the cap); {@code null} runs the rounds as given
     */
    record Step(TargetSpec target, RunConfig config, Duration raceBudget) {
        Step(TargetSpec target, RunConfig config) {
            this(target, config, null);
        }
    }

    /** Set-up of a run beyond its connections until one is measured: reset table, check invariants. */
    static final long RUN_OVERHEAD_MS = 200;
    /** Fewest rounds of a budgeted race: below this a rate is noise. */
    static final int MIN_RACE_ROUNDS = 20;
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
    private final List<String> unavailable = new ArrayList<>();
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

    Sweep(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    /** Messages of targets that could not be opened (only when run with {@code skipUnavailable}). */
    List<String> unavailable() {
        return unavailable;
    }

    /**
     * Runs every step and returns the results in order.
     *
     * @param skipUnavailable when a target cannot be opened, note it and go on with the next one;
     *                        otherwise throw
     */
    List<RunResult> run(Terminal term, boolean skipUnavailable) throws TargetUnavailableException {
        ProgressDisplay progress = new ProgressDisplay(term);
        List<RunResult> results = new ArrayList<>();
        int i = 0;
        while (i < steps.size()) {
            TargetSpec spec = steps.get(i).target();
            int end = i;
            while (end < steps.size() && steps.get(end).target().equals(spec)) {
                end++;
            }
            Target target;
            long opening = System.nanoTime();
            try {
                target = open(spec, term);
            } catch (TargetUnavailableException e) {
                if (!skipUnavailable) {
                    throw e;
                }
                unavailable.add(spec.family().cliName() + ": " + Errors.oneLine(e.getMessage()));
                term.note("goc: skipping " + spec.family().cliName() + ": " + Errors.oneLine(e.getMessage()));
                i = end;
                firstUnopened = end;
                continue;
            }
            if (spec.url() == null) {
                startMs = (System.nanoTime() - opening) / 1_000_000;
            }
            firstUnopened = end;
            try (target) {
                for (int s = i; s < end; s++) {
                    Step step = steps.get(s);
                    RunConfig config = configFor(s);
                    String label = (steps.size() > 1 ? "[" + (s + 1) + "/" + steps.size() + "] " : "")
                            + label(step.target(), config);
                    final int next = s + 1;
                    long estimate = estimateMs(s);
                    long started = System.nanoTime();
                    RunResult r;
                    try {
                        r = Engine.run(target, config, progress.listener(label, estimate, () -> remainingFrom(next)));
                    } finally {
                        progress.clear();
                    }
                    learn(step, r, (System.nanoTime() - started) / 1_000_000);
                    results.add(r);
                    if (Thread.currentThread().isInterrupted()) {
                        return results; // Ctrl-C / SIGTERM (GracefulStop): keep what is done, run no more
                    }
                }
            }
            i = end;
        }
        return results;
    }

    private static Target open(TargetSpec spec, Terminal term) throws TargetUnavailableException {
        if (spec.url() == null) {
            term.note(startingNote(spec));
        }
        return Targets.open(spec);
    }

    /** What the user waits for while a server is provided: an embedded server or a container. */
    static String startingNote(TargetSpec spec) {
        if (spec.family() == io.github.gocbench.dialect.DbFamily.MYSQL
                || spec.provision() == io.github.gocbench.server.Provision.CONTAINER) {
            return "starting " + spec.family().cliName() + " container...";
        }
        return "starting embedded " + spec.family().cliName() + (spec.pgVersion() > 0 ? " " + spec.pgVersion() : "")
                + "...";
    }

    /** "postgres naive race 8 threads outer-tx", for progress lines. */
    static String label(Step step) {
        return label(step.target(), step.config());
    }

    private static String label(TargetSpec target, RunConfig c) {
        StringBuilder sb = new StringBuilder(target.family().cliName()).append(' ').append(c.strategy());
        if (c.workload() instanceof Workload.Steady st) {
            sb.append(" steady ").append(st.keys().text());
        } else {
            sb.append(" race ").append(((Workload.Race) c.workload()).rounds()).append(" rounds");
        }
        sb.append(' ').append(ResultReport.threads(c.workload().threads()));
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
        return new RunConfig(c.strategy(), new Workload.Race(race.threads(), rounds), c.conditions(), bounds);
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
    static long setUpMs(io.github.gocbench.dialect.DbFamily family, int threads) {
        long perThread = family == io.github.gocbench.dialect.DbFamily.POSTGRES ? 30 : 40;
        return RUN_OVERHEAD_MS + perThread * threads;
    }

    /**
     * Time to provide an embedded server until one start has been measured: PostgreSQL starts in
     * about 10 s, MariaDB in about 30 s on a busy 2-core machine (longer the first time, when it
     * unpacks).
     */
    static long startEstimateMs(io.github.gocbench.dialect.DbFamily family) {
        return family == io.github.gocbench.dialect.DbFamily.POSTGRES ? 10_000 : 30_000;
    }

    /** Estimated time of the steps from {@code index} on, in ms, server start-ups included. */
    long remainingFrom(int index) {
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
