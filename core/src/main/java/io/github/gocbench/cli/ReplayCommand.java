package io.github.gocbench.cli;

import io.github.gocbench.dialect.DbFamily;
import io.github.gocbench.engine.Bounds;
import io.github.gocbench.engine.Replay;
import io.github.gocbench.engine.Workload;
import io.github.gocbench.outcome.Failure;
import io.github.gocbench.server.Target;
import io.github.gocbench.server.TargetSpec;
import io.github.gocbench.server.Targets;
import io.github.gocbench.strategy.StrategyDef;
import io.github.gocbench.strategy.Table;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code goc replay}: the seed blog's {@code python manage.py sync_myapp 1 1 1 1 1}. One thread
 * per ID, all released together by a barrier; each gets-or-creates its ID, prints the blog's line
 * {@code <row id> <True|False>}, then deletes the row it got (the blog's {@code instance.delete()}).
 * The race itself is the engine's ({@link Replay}); this command translates flags and prints
 * each caller's line as it arrives, so what is printed is exactly what each caller saw.
 */
@Command(name = "replay",
        header = "Replay the seed blog's 'sync_myapp 1 1 1 1 1': one thread per id.", mixinStandardHelpOptions = true, sortOptions = false,
        defaultValueProvider = BoundsOptions.Defaults.class,
        description = {
                "Replay the seed blog post's 'python manage.py sync_myapp 1 1 1 1 1': one",
                "thread per ID, all released at the same instant. Each gets-or-creates its ID,",
                "prints '<row id> <created>' as the blog's Python did ('1 True', '1 False'),",
                "then deletes the row it got, like the blog's instance.delete(). A thread",
                "whose call failed prints its outcome and the database's message instead:",
                "  thread 3 (my_id=1): DUPLICATE_KEY - ERROR: duplicate key value ... [23505]",
                "Lines appear in the order the threads finish; the race is real, so replays",
                "differ. --side-effect also prints how often something_special() ran per ID.",
                ""},
        footerHeading = "%nExamples:%n",
        footer = {
                "  goc replay --db postgres --strategy naive 1 1 1 1 1",
                "      the blog's problem",
                "  goc replay --db postgres --strategy transactional 1 1 1 1 1",
                "      the blog's fix",
                "  goc replay --db mariadb --strategy naive --side-effect 1 1 1 1 1 2 2 2",
                "",
                "Exit codes: 0 done; 1 some thread failed, with --fail-on-anomaly; 2 bad input;",
                "            3 database unavailable."})
final class ReplayCommand implements java.util.concurrent.Callable<Integer> {

    private static final Table UNIQUE = new Table("goc_replay", true);
    private static final Table NO_UNIQUE = new Table("goc_replay_nu", false);

    @ParentCommand
    private Goc goc;

    @Spec
    private CommandSpec spec;

    @Option(names = "--db", required = true, paramLabel = "D", description = "postgres, mariadb or mysql.")
    String db;

    @Option(names = "--strategy", required = true, paramLabel = "S",
            description = "Strategy id, e.g. naive, transactional, upsert ('goc strategies' lists them).")
    String strategy;

    @Option(names = "--fail-on-anomaly", description = "Exit with code 1 when any thread failed.")
    boolean failOnAnomaly;

    @Parameters(arity = "1..*", paramLabel = "ID", description = "Keys to get-or-create, one thread each (1.."
            + Workload.MAX_THREADS + ").")
    List<String> ids;

    @Mixin
    ConditionOptions conditions;

    @Mixin
    TargetOptions target;

    @Mixin
    BoundsOptions bounds;

    @Override
    public Integer call() throws Exception {
        DbFamily family = InputChecks.db(db);
        StrategyDef def = StrategyCatalog.resolve(family, strategy);
        List<Long> keys = new ArrayList<>();
        for (String id : ids) {
            keys.add(InputChecks.key(id));
        }
        if (keys.size() > Workload.MAX_THREADS) {
            throw new BadInputException(keys.size() + " IDs is too many: give at most " + Workload.MAX_THREADS
                    + " (one thread each)");
        }
        conditions.isolation(); // bad input fails here, before a server starts
        Bounds runBounds = bounds.bounds();
        TargetSpec targetSpec = target.spec(family);

        Terminal term = Terminal.of(spec.commandLine(), goc.quiet());
        if (targetSpec.url() == null) {
            term.note(ConsoleSweep.startingNote(targetSpec));
        }
        try (Target t = Targets.open(targetSpec)) {
            Replay.Summary summary = Replay.run(t, def, conditions.noUnique ? NO_UNIQUE : UNIQUE,
                    conditions.conditions(0), runBounds, keys,
                    line -> print(term, line));
            if (conditions.sideEffect) {
                for (Replay.KeyTally k : summary.keys()) {
                    print(term, "something_special() ran " + k.sideEffects() + (k.sideEffects() == 1 ? " time" : " times")
                            + " for my_id=" + k.key() + " (" + k.created() + (k.created() == 1 ? " row" : " rows")
                            + " created)");
                }
            }
            int failed = summary.failed();
            term.note(keys.size() + " threads, " + (failed == 0 ? "none failed" : failed + " failed"));
            return failOnAnomaly && failed > 0 ? ExitCodes.ANOMALY : ExitCodes.OK;
        }
    }

    /** The seed blog's line for an answer; the caller, its outcome and the server's message for a failure. */
    static String text(Replay.Line line) {
        String who = "thread " + line.thread() + " (my_id=" + line.key() + ")";
        if (line instanceof Replay.Answer a) {
            return a.id() + " " + (a.created() ? "True" : "False");
        } else if (line instanceof Replay.Failed f) {
            return who + ": " + describe(f.failure());
        } else if (line instanceof Replay.DeleteFailed d) {
            return who + ": delete of row " + d.id() + " failed: " + describe(d.failure());
        }
        Replay.NotStarted n = (Replay.NotStarted) line;
        return who + ": not started - the threads were not released together (" + n.why() + ")";
    }

    private static String describe(Failure f) {
        StringBuilder sb = new StringBuilder(f.outcome().name()).append(" - ").append(Errors.oneLine(f.message()));
        if (f.sqlState() != null) {
            sb.append(" [").append(f.sqlState());
            if (f.vendorCode() != 0) {
                sb.append('/').append(f.vendorCode());
            }
            sb.append(']');
        }
        return sb.toString();
    }

    private static void print(Terminal term, Replay.Line line) {
        print(term, text(line));
    }

    private static void print(Terminal term, String line) {
        synchronized (term.out()) {
            term.out().println(line);
            term.out().flush();
        }
    }
}
