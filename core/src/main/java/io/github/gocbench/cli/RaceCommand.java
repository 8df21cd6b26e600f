package io.github.gocbench.cli;

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
                "create, one id per key). The verdict is SAFE only when nothing went wrong.",
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
                "",
                "Exit codes: 0 done (also when anomalies were found); 1 anomalies found, with",
                "            --fail-on-anomaly; 2 bad input; 3 database unavailable or the",
                "            run failed."})
final class RaceCommand implements Callable<Integer> {

    @ParentCommand
    private Goc goc;

    @Spec
    private CommandSpec spec;

    @Option(names = "--db", required = true, paramLabel = "D", description = "postgres, mariadb or mysql.")
    String db;

    @Option(names = "--strategy", paramLabel = "S",
            description = "Strategy id, e.g. naive, transactional, upsert ('goc strategies' lists them).")
    String strategy;

    @Mixin
    UserStrategyOptions userStrategy;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "8",
            description = "Threads released together each round, 1.." + Workload.MAX_THREADS
                    + " (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--rounds", paramLabel = "R", defaultValue = "500",
            description = "Rounds, each on a fresh key, 1..1000000 (default ${DEFAULT-VALUE}).")
    int rounds;

    @Mixin
    ChurnOptions churn;

    @Mixin
    ConditionOptions conditions;

    @Mixin
    TargetOptions target;

    @Mixin
    BoundsOptions bounds;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws Exception {
        DbFamily family = InputChecks.db(db);
        if (userStrategy.given() == (strategy != null)) {
            throw new BadInputException(strategy == null ? "Missing required option: '--strategy=S' (or --strategy-class)"
                    : "give --strategy or --strategy-class, not both");
        }
        String id = strategy != null ? StrategyCatalog.resolve(family, strategy).id()
                : userStrategy.load(List.of(family)).orElseThrow().id();
        RunConfig config = new RunConfig(id,
                new Workload.Race(InputChecks.threads(threads), InputChecks.rounds(rounds)),
                conditions.conditions(churn.probability()), bounds.bounds());
        if (strategy == null) {
            UserStrategyOptions.checkConditions(config.conditions());
        }
        TargetSpec targetSpec = target.spec(family);
        output.check();

        Terminal term = Terminal.of(spec.commandLine(), goc.quiet());
        return ConsoleSweep.runAndReport(List.of(new Sweep.Step(targetSpec, config)), term, output);
    }
}
