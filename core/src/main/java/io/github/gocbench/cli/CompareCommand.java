package io.github.gocbench.cli;

import io.github.gocbench.dialect.DbFamily;
import io.github.gocbench.engine.Bounds;
import io.github.gocbench.plan.ComparePlan;
import io.github.gocbench.plan.Sweep;
import io.github.gocbench.report.Recommendation;
import io.github.gocbench.report.Report;
import io.github.gocbench.report.ReportFiles;
import io.github.gocbench.results.RunResult;
import io.github.gocbench.server.TargetUnavailableException;
import io.github.gocbench.strategy.StrategyDef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code goc compare}: the main job, a survey. For each database and each strategy its dialect
 * offers: races in autocommit at several thread counts and one inside an outer transaction, then
 * steady runs on a hot key and a hot set across thread counts ({@link ComparePlan}). Prints a
 * table per database and writes every result, charts and a report ({@link Report}) to a new
 * {@code results/<timestamp>/} folder. Anomalies are findings, not failures: the exit code is 0
 * when every database was compared, 3 when one was unavailable (the others are still written).
 */
@Command(name = "compare",
        header = "The main job: every strategy on each database, with charts and a report.", mixinStandardHelpOptions = true, sortOptions = false,
        defaultValueProvider = BoundsOptions.Defaults.class,
        description = {
                "The main job: compare every strategy on each database. For each strategy",
                "the database offers:",
                "  - races (threads released together on a fresh key each round) in",
                "    autocommit at 2, 4, 8 and 16 threads and, at 8, inside an outer",
                "    transaction (server's default isolation), with the side-effect hook and",
                "    without the unique constraint: finds the anomalies and their rate;",
                "  - steady runs at 1, 2 and 8 threads on three workloads, each reported",
                "    on its own: hotset:1000 (hit-heavy: the row exists), new (create-heavy:",
                "    it never does) and hot with churn 1.0 (the seed blog's loop: get-or-",
                "    create then delete one key); goodput (successful calls/s) is the median",
                "    of 3 runs per point, min and max as the spread.",
                "Prints the ranking per database and situation, then a table per database,",
                "and writes results/<UTC yyyyMMdd-HHmmss>/ with results.json, results.csv,",
                "charts/ (PNG and SVG), report.md and a self-contained report.html;",
                "results/latest points at the newest folder. Never overwrites a folder.",
                "Time budget: about 20 minutes for the whole catalogue on both databases",
                "on a 2-core machine (every run at its floor: steady 1s after 0.25s",
                "warm-up, races 1s); fewer strategies get longer runs in the same time.",
                "--quick: about 2.5 minutes for the whole catalogue: races at 8 threads",
                "only (at most 200 rounds), steady runs at 1 and 8 threads, one 0.5s run",
                "per point.",
                ""},
        footerHeading = "%nExamples:%n",
        footer = {
                "  goc compare --quick",
                "  goc compare --db postgres --pg-version 16",
                "  goc compare --db mariadb --out /tmp/results",
                "              --db-url 'jdbc:mysql://127.0.0.1:3306/test?user=root'",
                "  goc report results/latest/results.json",
                "  goc compare --quick --fail-on-anomaly            (CI: exit 1 on a forbidden finding)",
                "  goc compare --frameworks --quick                 (the framework grid: django, rails-7.1, ...)",
                "",
                "Exit codes: 0 done (anomalies found are findings, not failures); 1 a run",
                "            showed what its strategy's declaration forbids, with",
                "            --fail-on-anomaly; 2 bad input; 3 a database was unavailable",
                "            (the others still ran and were written) or the report could",
                "            not be drawn."})
final class CompareCommand implements Callable<Integer> {

    @ParentCommand
    private Goc goc;

    @Spec
    private CommandSpec spec;

    @Option(names = "--db", paramLabel = "D,...", defaultValue = "postgres,mariadb",
            description = "Databases to compare, comma separated (default ${DEFAULT-VALUE}).")
    String dbs;

    @Option(names = "--strategy", paramLabel = "S,...", defaultValue = "all",
            description = "Strategies to compare: all, or a comma list (default ${DEFAULT-VALUE}).")
    String strategies;

    @Option(names = "--frameworks",
            description = "Compare the framework replays (goc strategies, section frameworks: django, rails-7.1,"
                    + " ...) instead of the database's own strategies: every one the database runs, or those"
                    + " --strategy names.")
    boolean frameworks;

    @Option(names = "--quick", description = "A short run: about 2.5 minutes for the whole catalogue.")
    boolean quick;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "results",
            description = "Folder that receives the timestamped results folder (default ${DEFAULT-VALUE}).")
    Path out;

    @ArgGroup(validate = false, heading = "%nAdvanced (the plan's sizes; the defaults fit the time budget above):%n")
    Advanced advanced = new Advanced();

    /** Overrides of the plan's sizes, under their own heading in the help. */
    static final class Advanced {
        @Option(names = "--repeat", paramLabel = "N",
                description = "Runs of each steady point; its median is reported, min and max as the spread"
                        + " (default 3, 1 with --quick).")
        Integer repeat;

        @Option(names = "--duration", paramLabel = "DUR", converter = Durations.class,
                description = "Measured time of each steady run (default: sized to the budget, at least 1s;"
                        + " 0.5s with --quick).")
        Duration duration;

        @Option(names = "--warmup", paramLabel = "DUR", converter = Durations.class,
                description = "Warm-up of each steady run, not measured (default: a fifth of the run, at least"
                        + " 0.25s; 0.2s with --quick).")
        Duration warmup;

        @Option(names = "--rounds", paramLabel = "N",
                description = "Most rounds per race (default 1000, 200 with --quick).")
        Integer rounds;

        @Option(names = "--race-budget", paramLabel = "DUR", converter = Durations.class,
                description = "Time budget of each race; its rounds are sized from the strategy's pace"
                        + " (default: sized to the budget, at least 1s; 0.5s with --quick).")
        Duration raceBudget;
    }

    @Option(names = "--fail-on-anomaly",
            description = "Exit with code 1 when any run is graded FORBIDDEN SEEN: an anomaly its strategy's"
                    + " declaration forbids in the run's effective situation (for CI).")
    boolean failOnAnomaly;

    @Mixin
    UserStrategyOptions userStrategy;

    @Mixin
    TargetOptions target;

    @Mixin
    BoundsOptions bounds;

    @Mixin
    CostOptions cost;

    @Override
    public Integer call() throws Exception {
        List<DbFamily> families = target.families(dbs);
        var mine = userStrategy.load(families); // compared beside the strategies --strategy names
        Bounds runBounds = bounds.bounds();
        if (target.pgVersion != null && !families.contains(DbFamily.POSTGRES)) {
            throw new BadInputException("--pg-version applies to postgres, which --db does not list: add postgres"
                    + " or drop --pg-version");
        }
        List<ComparePlan.Server> servers = new ArrayList<>();
        for (DbFamily f : families) {
            List<StrategyDef> defs = new ArrayList<>(frameworks ? StrategyCatalog.resolveFrameworks(f, strategies)
                    : StrategyCatalog.resolveList(f, strategies));
            mine.ifPresent(defs::add);
            servers.add(new ComparePlan.Server(target.spec(f, true), defs));
        }
        ComparePlan.Mode mode = quick ? ComparePlan.Mode.QUICK : ComparePlan.Mode.THOROUGH;
        if (advanced.repeat != null) {
            mode = mode.withRepeats(InputChecks.repeat(advanced.repeat));
        }
        ComparePlan.Sizes sizes = overridden(ComparePlan.sizes(mode, servers));
        int raceRounds = advanced.rounds == null ? mode.raceRounds() : InputChecks.rounds(advanced.rounds);
        checkOut(out); // before anything runs, so bad input never costs a run

        List<Sweep.Step> steps = ComparePlan.steps(mode, sizes, raceRounds, servers, runBounds).stream()
                .map(st -> new Sweep.Step(st.target(), st.config().withServerProbes(cost.serverProbes()),
                        st.raceBudget(), st.variant(), st.label()))
                .toList();
        Terminal term = Terminal.of(spec.commandLine(), goc.quiet());
        Sweep sweep = new Sweep(steps);
        term.note("compare: " + steps.size() + " runs on " + String.join(", ",
                families.stream().map(DbFamily::cliName).toList()) + ", about "
                + Durations.clock(sweep.remainingFrom(0)) + " with server start-up (races "
                + secs(sizes.raceBudget()) + " each, steady runs " + secs(sizes.steady()) + " after "
                + secs(sizes.warmup()) + " warm-up, " + mode.repeats() + (mode.repeats() == 1 ? " run" : " runs")
                + " per steady point)");
        Instant start = Instant.now();
        try (GracefulStop stop = GracefulStop.install()) {
            ConsoleSweep console = new ConsoleSweep(term, "goc");
            List<RunResult> results = sweep.run(console, true);
            stop.writing();
            return finish(term, console.unavailable(), start, results, steps.size(), stop.stopped());
        }
    }

    private int finish(Terminal term, List<String> unavailable, Instant start, List<RunResult> results, int planned,
                       String stopped) throws IOException, TargetUnavailableException {
        if (results.isEmpty()) {
            throw new TargetUnavailableException("no database could be used: " + String.join("; ", unavailable));
        }
        long tookMs = Duration.between(start, Instant.now()).toMillis();

        if (term.quiet()) {
            results.forEach(r -> term.out().println(RunTable.quietLine(r)));
        } else {
            term.out().println();
            term.out().println("Which strategy? SAFE ones ranked by goodput (median successful calls/s at the most"
                    + " threads), evidence: anomalous/rounds, 95 % bound");
            term.out().print(Recommendation.plain(Recommendation.of(results)));
            term.out().print(CompareSummary.plain(CompareSummary.sections(results)));
            term.out().print(CompareSummary.gradesPlain(results));
            CompareSummary.firstAnomalies(results).forEach(term.out()::println);
        }
        for (String u : unavailable) {
            term.out().println("unavailable: " + u);
        }
        String partial = stopped == null ? null : "PARTIAL: " + stopped + " after " + results.size() + " of "
                + planned + " runs" + (results.get(results.size() - 1).complete() ? "" : "; the last run was cut short");
        // when stopped by a signal, leave at once: 'goc report' draws it later
        ResultsFolder.Saved saved = ResultsFolder.save(checkOut(out), start, Goc.provenance(spec), results, partial == null);
        Path folder = saved.folder();
        ReportFiles report = saved.report();
        String reportFailure = saved.reportFailure();
        term.out().println();
        term.out().println("took " + Durations.clock(tookMs) + "; results: " + folder);
        term.out().println("  " + folder.resolve("results.json").getFileName() + ", "
                + folder.resolve("results.csv").getFileName());
        if (report != null) {
            term.out().println("  report: " + report.markdown());
            term.out().println("          " + report.html());
            term.out().println("  charts: " + report.charts().size() + " in " + folder.resolve("charts")
                    + " (PNG and SVG)");
        }
        term.out().flush();
        if (partial != null) {
            term.err().println("goc compare: " + partial + "; results: " + folder + " (draw the report with 'goc report "
                    + folder.resolve("results.json") + "')");
            term.err().flush();
        }
        if (reportFailure != null) {
            term.err().println("goc compare: the report could not be drawn: " + reportFailure
                    + "; the results are saved: try 'goc report " + folder.resolve("results.json") + "'");
            term.err().flush();
            return ExitCodes.UNAVAILABLE;
        }
        if (!unavailable.isEmpty() || partial != null) {
            return ExitCodes.UNAVAILABLE;
        }
        return failOnAnomaly && CompareSummary.anyForbidden(results) ? ExitCodes.ANOMALY : ExitCodes.OK;
    }

    private static String secs(Duration d) {
        return CompareSummary.seconds(d.toMillis() / 1000.0);
    }

    /** The plan's sizes with the advanced overrides applied. */
    private ComparePlan.Sizes overridden(ComparePlan.Sizes s) {
        return new ComparePlan.Sizes(
                advanced.raceBudget == null ? s.raceBudget()
                        : InputChecks.duration("--race-budget", advanced.raceBudget),
                advanced.duration == null ? s.steady() : InputChecks.duration("--duration", advanced.duration),
                advanced.warmup == null ? s.warmup() : InputChecks.warmup(advanced.warmup));
    }

    /** {@code --out} must be a folder or creatable in an existing one. */
    private static Path checkOut(Path out) {
        Path abs = out.toAbsolutePath().normalize();
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw new BadInputException("--out " + out + " is a file, not a folder: choose a folder");
        }
        if (!Files.exists(abs) && (abs.getParent() == null || !Files.isDirectory(abs.getParent()))) {
            throw new BadInputException("--out " + out + ": folder " + abs.getParent()
                    + " does not exist: create it or choose another path");
        }
        Path existing = Files.exists(abs) ? abs : abs.getParent();
        if (!InputChecks.canCreateIn(existing)) {
            throw new BadInputException("--out " + out + ": folder " + existing + " is not writable");
        }
        return abs;
    }
}
