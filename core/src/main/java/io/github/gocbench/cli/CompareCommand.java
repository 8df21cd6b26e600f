package io.github.gocbench.cli;

import io.github.gocbench.engine.Bounds;
import io.github.gocbench.engine.Conditions;
import io.github.gocbench.engine.KeySpec;
import io.github.gocbench.engine.RunConfig;
import io.github.gocbench.engine.Workload;
import io.github.gocbench.results.ResultsWriter;
import io.github.gocbench.results.RunResult;
import io.github.gocbench.strategy.StrategyDef;
import io.github.gocbench.target.DbFamily;
import io.github.gocbench.target.TargetSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code goc compare}: the main job. For each database and each strategy its dialect offers: a race
 * in autocommit and one inside an outer transaction, then steady runs on a hot key and a hot set
 * across thread counts. Prints a table per database and writes every result to a new
 * {@code results/<timestamp>/} folder.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        defaultValueProvider = BoundsOptions.Defaults.class,
        description = {
                "The main job: compare every strategy on each database. For each strategy",
                "the database offers:",
                "  - a race (8 threads released together on a fresh key each round), in",
                "    autocommit and inside an outer transaction: finds the anomalies;",
                "  - steady runs on one hot key and on hotset:1000 at each thread count:",
                "    measures calls/s.",
                "Prints a table per database (strategy, verdict, race verdicts, dup/other",
                "anomalies, calls/s) and writes results/<UTC yyyyMMdd-HHmmss>/ with",
                "results.json, results.csv and summary.md; results/latest points at the",
                "newest folder. An existing folder is never overwritten.",
                "Default: 1000 race rounds, threads 1,2,4,8,16, 8s per steady run after a 2s",
                "warm-up (several minutes per database). --quick: 200 rounds, threads",
                "1,2,4,8, 2s after 1s.",
                ""},
        footerHeading = "%nExamples:%n",
        footer = {
                "  goc compare --quick",
                "  goc compare --db postgres --pg-version 16",
                "  goc compare --db mariadb --out /tmp/results",
                "              --db-url jdbc:mysql://127.0.0.1:3306/test?user=root",
                "",
                "Exit codes: 0 done; 2 bad input; 3 a database was unavailable (the others",
                "            still ran and were written)."})
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

    @Option(names = "--quick", description = "A short run (about a minute per strategy and database).")
    boolean quick;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "results",
            description = "Folder that receives the timestamped results folder (default ${DEFAULT-VALUE}).")
    Path out;

    @Mixin
    TargetOptions target;

    @Mixin
    BoundsOptions bounds;

    @Override
    public Integer call() throws Exception {
        List<DbFamily> families = InputChecks.dbList(dbs);
        if (families.size() > 1 && target.url != null) {
            throw new BadInputException("--db-url names one server but --db lists " + families.size()
                    + " databases: give a single --db with it");
        }
        Bounds runBounds = bounds.bounds();
        List<TargetSpec> specs = new ArrayList<>();
        List<List<StrategyDef>> defs = new ArrayList<>();
        if (target.pgVersion != null && !families.contains(DbFamily.POSTGRES)) {
            throw new BadInputException("--pg-version applies to postgres, which --db does not list: add postgres"
                    + " or drop --pg-version");
        }
        for (DbFamily f : families) {
            specs.add(target.spec(f, true));
            defs.add(StrategyCatalog.resolveList(f, strategies));
        }
        Path outDir = checkOut(out);

        int rounds = quick ? 200 : 1000;
        List<Integer> threads = quick ? List.of(1, 2, 4, 8) : List.of(1, 2, 4, 8, 16);
        Duration duration = quick ? Duration.ofSeconds(2) : Duration.ofSeconds(8);
        Duration warmup = quick ? Duration.ofSeconds(1) : Duration.ofSeconds(2);
        List<KeySpec> keySpecs = List.of(new KeySpec.Hot(), new KeySpec.HotSet(1000));
        Conditions outer = new Conditions(null, true, true, false, 0.0);

        List<Sweep.Step> steps = new ArrayList<>();
        for (int i = 0; i < families.size(); i++) {
            TargetSpec ts = specs.get(i);
            for (StrategyDef def : defs.get(i)) {
                steps.add(new Sweep.Step(ts, new RunConfig(def.id(), new Workload.Race(8, rounds),
                        Conditions.DEFAULT, runBounds)));
                steps.add(new Sweep.Step(ts, new RunConfig(def.id(), new Workload.Race(8, rounds), outer, runBounds)));
            }
            for (StrategyDef def : defs.get(i)) {
                for (KeySpec k : keySpecs) {
                    for (int n : threads) {
                        steps.add(new Sweep.Step(ts, new RunConfig(def.id(), new Workload.Steady(n, duration, warmup, k),
                                Conditions.DEFAULT, runBounds)));
                    }
                }
            }
        }

        Terminal term = Terminal.of(spec.commandLine(), goc.quiet());
        Sweep sweep = new Sweep(steps);
        term.note("compare: " + steps.size() + " runs on " + String.join(", ",
                families.stream().map(DbFamily::cliName).toList()) + ", about "
                + Durations.clock(sweep.remainingFrom(0)) + " plus server start-up");
        Instant start = Instant.now();
        try (GracefulStop stop = GracefulStop.install()) {
            List<RunResult> results = sweep.run(term, true);
            stop.writing();
            return finish(term, sweep, start, results, steps.size(), stop.stopped());
        }
    }

    private int finish(Terminal term, Sweep sweep, Instant start, List<RunResult> results, int planned,
                       String stopped) throws IOException, io.github.gocbench.target.TargetUnavailableException {
        if (results.isEmpty()) {
            throw new io.github.gocbench.target.TargetUnavailableException(
                    "no database could be used: " + String.join("; ", sweep.unavailable()));
        }

        List<CompareSummary.Section> sections = CompareSummary.sections(results);
        if (term.quiet()) {
            results.forEach(r -> term.out().println(ResultReport.quietLine(r)));
        } else {
            term.out().print(CompareSummary.plain(sections));
            for (RunResult r : results) {
                String first = ResultReport.firstAnomaly(r);
                if (first != null && "race".equals(r.config().workload())) {
                    term.out().println("first anomaly, " + r.target().family().cliName() + " "
                            + r.config().strategy() + " race" + (r.config().outerTx() ? " outer-tx" : "") + ": "
                            + first);
                }
            }
        }
        for (String u : sweep.unavailable()) {
            term.out().println("unavailable: " + u);
        }
        String partial = stopped == null ? null : "PARTIAL: " + stopped + " after " + results.size() + " of "
                + planned + " runs" + (results.get(results.size() - 1).complete() ? "" : "; the last run was cut short");
        Path folder = write(checkOut(out), start, results, sections, sweep.unavailable(), partial);
        term.out().println();
        term.out().println("results: " + folder);
        term.out().flush();
        if (partial != null) {
            term.err().println("goc compare: " + partial + "; results: " + folder);
            term.err().flush();
        }
        return sweep.unavailable().isEmpty() && partial == null ? ExitCodes.OK : ExitCodes.UNAVAILABLE;
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

    private Path write(Path outDir, Instant start, List<RunResult> results, List<CompareSummary.Section> sections,
                       List<String> unavailable, String partial) throws IOException {
        Path folder = ResultsFolder.create(outDir, start);
        ResultsWriter.writeJson(folder.resolve("results.json"), results);
        ResultsWriter.writeCsv(folder.resolve("results.csv"), results);
        String intro = "Run " + start + " by goc-bench " + Goc.ManifestVersion.version() + (quick ? " (--quick)" : "")
                + " on " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + "." + (partial == null ? "" : "\n\n**" + partial + ".**");
        Path tmp = folder.resolve(".summary.md.tmp");
        Files.writeString(tmp, CompareSummary.markdown(sections, intro, unavailable), StandardCharsets.UTF_8);
        Files.move(tmp, folder.resolve("summary.md"), StandardCopyOption.ATOMIC_MOVE);
        ResultsFolder.markLatest(outDir, folder);
        return folder;
    }
}
