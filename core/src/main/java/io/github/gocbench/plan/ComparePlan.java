package io.github.gocbench.plan;

import io.github.gocbench.engine.Bounds;
import io.github.gocbench.engine.KeySpec;
import io.github.gocbench.engine.RunConfig;
import io.github.gocbench.engine.Workload;
import io.github.gocbench.server.TargetSpec;
import io.github.gocbench.strategy.Conditions;
import io.github.gocbench.strategy.UserStrategies;
import io.github.gocbench.strategy.StrategyDef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code goc compare} runs, sized to a total time so it scales with the number of
 * strategies. Per server and strategy:
 * <ul>
 *   <li>races in autocommit at {@link Mode#raceThreads()} (the anomaly rate against threads) and,
 *       at {@link #VERDICT_THREADS} threads, one inside an outer transaction, one with the
 *       side-effect hook and one without the unique constraint (so every invariant is evaluated
 *       somewhere), at the server's default isolation; each race gets a time budget and {@link Sweep} sizes its rounds
 *       (capped at {@link Mode#raceRounds()});</li>
 *   <li>steady runs at {@link Mode#steadyThreads()} on the three {@link #WORKLOADS}: hit-heavy
 *       ({@code hotset:1000}: the row almost always exists), create-heavy ({@code new}: it never
 *       does) and the seed blog's own loop (get-or-create then delete, {@code hot} with churn 1.0:
 *       every call races to re-create the one row), each repeated {@link Mode#repeats()} times
 *       (repeats interleaved, so a slow spell of the machine does not land on one point);
 *       reports show the median and the min-max spread.</li>
 * </ul>
 * The total time {@link Mode#total()}, less server start-ups and the runs' expected set-up
 * (opening connections costs far more on MariaDB), is split evenly between server and strategy
 * pairs: {@link #RACE_SHARE} of it to races, the rest to steady runs. Clamps keep every
 * run meaningful, so with many strategies the run takes longer than the target rather than
 * measuring noise (see {@link #MIN_STEADY}).
 */
public final class ComparePlan {

    /** Threads of the race that gives the verdict inside an outer transaction. */
    public static final int VERDICT_THREADS = 8;
    /** Races at {@link #VERDICT_THREADS}: autocommit, outer transaction, {@code --side-effect}, {@code --no-unique}. */
    static final int VERDICT_RACES = 4;
    /** Share of each pair's time that goes to races. */
    static final double RACE_SHARE = 0.3;
    /** Shortest measured time of a steady run: shorter ones measure warm-up noise. */
    static final Duration MIN_STEADY = Duration.ofSeconds(1);
    static final Duration MAX_STEADY = Duration.ofSeconds(8);
    static final Duration MIN_WARMUP = Duration.ofMillis(250);
    static final Duration MIN_RACE_BUDGET = Duration.ofSeconds(1);
    static final Duration MAX_RACE_BUDGET = Duration.ofSeconds(10);

    /**
     * The shape of a compare.
     *
     * @param total         wall time aimed at, server start-ups included
     * @param raceThreads   thread counts of the autocommit races
     * @param raceRounds    most rounds per race
     * @param steadyThreads thread counts of the steady runs
     * @param minSteady     shortest measured time of a steady run
     * @param minWarmup     shortest warm-up of a steady run
     * @param minRace       smallest time budget of a race
     * @param repeats       runs of each steady point (its median is reported, with min and max)
     */
    public record Mode(String name, Duration total, List<Integer> raceThreads, int raceRounds, List<Integer> steadyThreads,
                Duration minSteady, Duration minWarmup, Duration minRace, int repeats) {

        /**
         * About 20 minutes on a 2-core machine for the whole catalogue on two servers (every run at
         * its floor: 1 s after 0.25 s warm-up); fewer strategies get longer runs. Steady points at 1
         * thread (one caller's cost), 2 (the cores) and 8 (oversubscribed, as the verdict races).
         */
        public static final Mode THOROUGH = new Mode("thorough", Duration.ofMinutes(20), List.of(2, 4, 8, 16), 1000,
                List.of(1, 2, 8), MIN_STEADY, MIN_WARMUP, MIN_RACE_BUDGET, 3);
        /**
         * About two and a half minutes for the whole catalogue on two servers: verdicts from the
         * races at 8 threads, goodput at 1 and 8 threads from one short run per point.
         */
        public static final Mode QUICK = new Mode("quick", Duration.ofSeconds(150), List.of(8), 200,
                List.of(1, 8), Duration.ofMillis(500), Duration.ofMillis(200), Duration.ofMillis(500), 1);

        /** This mode with {@code n} runs per steady point. */
        public Mode withRepeats(int n) {
            return new Mode(name, total, raceThreads, raceRounds, steadyThreads, minSteady, minWarmup, minRace, n);
        }
    }

    /**
     * One steady workload of the compare: a key choice and the churn after each call.
     *
     * @param keys  key choice
     * @param churn share of calls followed by a DELETE of the row (0 or 1 here)
     */
    public record SteadyLoad(KeySpec keys, double churn) {

        /** The conditions of its runs: autocommit at the server's default isolation, with this churn. */
        Conditions conditions() {
            return new Conditions(null, false, true, false, churn);
        }
    }

    /**
     * The steady workloads: hit-heavy, create-heavy, and the seed blog's get-or-create then delete
     * on one hot key (the row is gone after almost every call, so callers race to create it).
     */
    public static final List<SteadyLoad> WORKLOADS = List.of(new SteadyLoad(new KeySpec.HotSet(1000), 0.0),
            new SteadyLoad(new KeySpec.New(), 0.0), new SteadyLoad(new KeySpec.Hot(), 1.0));

    /**
     * Per-run sizes.
     *
     * @param raceBudget time budget of each race
     * @param steady     measured time of each steady run
     * @param warmup     warm-up of each steady run
     */
    public record Sizes(Duration raceBudget, Duration steady, Duration warmup) {
    }

    /** One server with the strategies to compare on it. */
    public record Server(TargetSpec target, List<StrategyDef> strategies) {
    }

    private ComparePlan() {
    }

    /**
     * Sizes for {@code servers}: the mode's total, less server start-ups and the expected set-up
     * of every run ({@link Sweep#setUpMs}), split evenly between server and strategy pairs.
     */
    public static Sizes sizes(Mode mode, List<Server> servers) {
        long setUp = 0;
        int pairs = 0;
        for (Server s : servers) {
            if (s.target().url() == null) {
                setUp += Sweep.startEstimateMs(s.target().family());
            }
            long perStrategy = 0;
            for (int n : mode.raceThreads()) {
                perStrategy += Sweep.setUpMs(s.target().family(), n) * (n == VERDICT_THREADS ? VERDICT_RACES : 1);
            }
            for (int n : mode.steadyThreads()) {
                perStrategy += Sweep.setUpMs(s.target().family(), n) * WORKLOADS.size() * (long) mode.repeats();
            }
            setUp += perStrategy * s.strategies().size();
            pairs += s.strategies().size();
        }
        long perPair = Math.max(0, mode.total().toMillis() - setUp)
                / Math.max(1, pairs);
        int races = mode.raceThreads().size() + VERDICT_RACES - 1;
        int steadies = mode.steadyThreads().size() * WORKLOADS.size() * mode.repeats();
        long race = clamp((long) (perPair * RACE_SHARE / races), mode.minRace(), MAX_RACE_BUDGET);
        long steadyRun = (long) (perPair * (1 - RACE_SHARE) / steadies);
        long warmup = Math.max(mode.minWarmup().toMillis(), steadyRun / 5);
        long steady = clamp(steadyRun - warmup, mode.minSteady(), MAX_STEADY);
        return new Sizes(Duration.ofMillis(race), Duration.ofMillis(steady), Duration.ofMillis(warmup));
    }

    private static long clamp(long ms, Duration min, Duration max) {
        return Math.max(min.toMillis(), Math.min(max.toMillis(), ms));
    }

    /**
     * The steps: per server, each strategy's races (fewest threads first, so the first race of a
     * strategy, which measures its pace, is the cheapest), then every steady run, once per repeat
     * (the whole set of steady points runs once before any runs again).
     *
     * @param rounds most rounds per race (the mode's unless overridden)
     */
    public static List<Sweep.Step> steps(Mode mode, Sizes sizes, int rounds, List<Server> servers, Bounds bounds) {
        Conditions outer = new Conditions(null, true, true, false, 0.0);
        // invariants that can fire only under these conditions, so the published results do not
        // report them as held when they were never evaluated (duplicate rows, repeated side effects)
        Conditions sideEffect = new Conditions(null, false, true, true, 0.0);
        Conditions noUnique = new Conditions(null, false, false, false, 0.0);
        List<Sweep.Step> steps = new ArrayList<>();
        for (Server server : servers) {
            TargetSpec ts = server.target();
            for (StrategyDef def : server.strategies()) {
                for (int n : mode.raceThreads()) {
                    steps.add(new Sweep.Step(ts, new RunConfig(def.id(), new Workload.Race(n, rounds),
                            Conditions.DEFAULT, bounds), sizes.raceBudget()));
                    if (n == VERDICT_THREADS) {
                        steps.add(new Sweep.Step(ts, new RunConfig(def.id(), new Workload.Race(n, rounds), outer,
                                bounds), sizes.raceBudget()));
                        if (UserStrategies.find(def.id()).isEmpty()) { // a user's strategy has its own table, no hook
                            steps.add(new Sweep.Step(ts, new RunConfig(def.id(), new Workload.Race(n, rounds),
                                    sideEffect, bounds), sizes.raceBudget()));
                            steps.add(new Sweep.Step(ts, new RunConfig(def.id(), new Workload.Race(n, rounds),
                                    noUnique, bounds), sizes.raceBudget()));
                        }
                    }
                }
            }
            for (int rep = 0; rep < mode.repeats(); rep++) {
                for (StrategyDef def : server.strategies()) {
                    for (SteadyLoad load : WORKLOADS) {
                        if (load.churn() > 0 && UserStrategies.find(def.id()).isPresent()) {
                            continue; // churn deletes from goc's table; a user's strategy keeps its own
                        }
                        for (int n : mode.steadyThreads()) {
                            steps.add(new Sweep.Step(ts, new RunConfig(def.id(),
                                    new Workload.Steady(n, sizes.steady(), sizes.warmup(), load.keys()),
                                    load.conditions(), bounds)));
                        }
                    }
                }
            }
        }
        return steps;
    }
}
