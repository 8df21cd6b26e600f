package io.github.gocbench.cli;

import io.github.gocbench.outcome.Evidence;
import io.github.gocbench.dialect.DbFamily;
import io.github.gocbench.engine.RunConfig;
import io.github.gocbench.engine.Workload;
import io.github.gocbench.plan.Sweep;
import io.github.gocbench.server.TargetSpec;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code goc race}: finds anomalies by releasing all threads at once on a fresh key, round after round. */
@Command(name = "race",
        header = "Find anomalies: all threads race on a fresh key, round after round.", mixinStandardHelpOptions = true, sortOptions = false,
        defaultValueProvider = BoundsOptions.Defaults.class,
        description = {
                "Find anomalies. Each round takes a fresh key and releases all threads at",
                "the same instant (a barrier) on it, so every round is a race on a missing",
                "row. Every call is classified (CREATED, FOUND, or an anomaly such as",
                "DUPLICATE_KEY); afterwards the table is checked (one row per key, no double",
                "create, one id per key). The verdict is SAFE only when nothing went wrong",
                "in every round asked, and is printed with what it rests on: 0 anomalies in",
                "N rounds bound the per-round anomaly rate below about 3/N at 95 %%. A run cut",
                "short without an anomaly is INCONCLUSIVE. Failures of goc's own statements",
                "(the churn DELETE, the outer transaction's read) are workload noise, shown",
                "apart and never counted against the strategy.",
                ""},
        footerHeading = "%nExamples:%n",
        footer = {
                "  goc race --db postgres --strategy naive           (the blog's problem: UNSAFE)",
                "  goc race --db postgres --strategy transactional --outer-tx",
                "           --isolation repeatable-read",
                "  goc race --db mariadb --strategy upsert --rounds 2000 --fail-on-anomaly",
                "           --json race.json",
                "  goc race --db postgres --strategy upsert",
                "           --db-url 'jdbc:postgresql://127.0.0.1:5432/test?user=postgres'",
                "  goc race --db postgres --strategy upsert --max-rate 1/1000",
                "           (race until the rate is shown below 1 in 1000, or an anomaly)",
                "",
                "Exit codes: 0 done (also when anomalies were found); 1 anomalies found, with",
                "            --fail-on-anomaly; 2 bad input; 3 database unavailable or the",
                "            run failed."})
final class RaceCommand implements Callable<Integer> {

    @ParentCommand
    private Goc goc;

    @Spec
    private CommandSpec spec;

    @Mixin
    StrategyOptions strategies;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "8",
            description = "Threads released together each round, 1.." + Workload.MAX_THREADS
                    + " (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--rounds", paramLabel = "R", defaultValue = "500",
            description = "Rounds, each on a fresh key, 1..1000000 (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--max-rate", paramLabel = "R",
            description = "Race until the per-round anomaly rate is shown below R at 95 %% (R as 0.0001,"
                    + " 1/10000 or 0.01%%), or until the first anomaly; replaces --rounds with the rounds"
                    + " that takes (about 3/R), within --deadline.")
    String maxRate;

    @Mixin
    ChurnOptions churn;

    @Mixin
    ConditionOptions conditions;

    @Mixin
    TargetOptions target;

    @Mixin
    BoundsOptions bounds;

    @Mixin
    CostOptions cost;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws Exception {
        DbFamily family = strategies.family();
        String id = strategies.resolveOne(family);
        Workload.Race race;
        String plan = null;
        if (maxRate != null) {
            if (spec.commandLine().getParseResult().hasMatchedOption("--rounds")) {
                throw new BadInputException("--max-rate decides the rounds itself: give --rounds or --max-rate, not both");
            }
            double r = MaxRate.parse(maxRate);
            long needed = Evidence.trialsToBound(r);
            if (needed > InputChecks.MAX_ROUNDS) {
                throw new BadInputException("--max-rate " + maxRate + " needs " + needed + " anomaly-free rounds, more"
                        + " than the " + InputChecks.MAX_ROUNDS + " a race may run: ask for a larger rate");
            }
            race = new Workload.Race(InputChecks.threads(threads), (int) needed, true);
            plan = "--max-rate " + maxRate + ": up to " + needed + " rounds (0 anomalies in " + needed
                    + " rounds put the per-round rate below " + Evidence.percent(r) + " at 95 %); stops at the first"
                    + " anomaly";
        } else {
            race = new Workload.Race(InputChecks.threads(threads), InputChecks.rounds(rounds));
        }
        RunConfig config = new RunConfig(id, race, conditions.conditions(churn.probability()), bounds.bounds(),
                cost.serverProbes());
        if (strategies.user()) {
            UserStrategyOptions.checkConditions(config.conditions());
        }
        TargetSpec targetSpec = target.spec(family);
        output.check();

        Terminal term = Terminal.of(spec.commandLine(), goc.quiet());
        if (plan != null) {
            term.note(plan);
        }
        return ConsoleSweep.runAndReport(List.of(new Sweep.Step(targetSpec, config)), term, output);
    }
}
