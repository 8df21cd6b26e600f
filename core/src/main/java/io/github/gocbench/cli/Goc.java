package io.github.gocbench.cli;

import io.github.gocbench.results.BuildInfo;
import io.github.gocbench.results.Provenance;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code goc} command line: finds get-or-create anomalies and measures throughput of each
 * strategy against real PostgreSQL and MySQL/MariaDB servers. Each subcommand is its own small
 * class; this one holds the options every subcommand shares and wires up error handling so that
 * bad input is always one line on stderr and a known exit code.
 */
@Command(name = "goc",
        mixinStandardHelpOptions = true,
        versionProvider = Goc.ManifestVersion.class,
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {StrategiesCommand.class, RaceCommand.class, BenchCommand.class, ReplayCommand.class,
                ExplainCommand.class, CompareCommand.class, MatrixCommand.class, ReportCommand.class, DiffCommand.class,
                HelpCommand.class},
        description = {
                "Hammers each way of writing get-or-create (look a row up by its key, insert it",
                "if it is missing) with many threads against real PostgreSQL and MySQL/MariaDB",
                "servers, classifies every call, checks the table afterwards, and reports",
                "anomalies, throughput and latency.",
                "",
                "Concepts:",
                "  strategy   one way of writing get-or-create: naive (SELECT, then INSERT on",
                "             a miss), transactional, upsert, ...; 'goc strategies' lists them",
                "  condition  the circumstances of a call: --isolation, --outer-tx (inside an",
                "             open transaction), --no-unique, --side-effect, --churn",
                "  outcome    what one call returned: CREATED and FOUND are good; DUPLICATE_KEY,",
                "             DEADLOCK, SERIALIZATION_FAILURE, TIMEOUT, ... are anomalies",
                "  invariant  what must hold afterwards: one row per key, no double create,",
                "             one id per key, the side effect ran once per created row",
                "  verdict    SAFE when every round asked ran with no anomaly and no broken",
                "             invariant, stated with its bound (0 in N rounds: rate < ~3/N);",
                "             UNSAFE with what was seen; INCONCLUSIVE when cut short",
                "",
                "Databases (--db): postgres and mariadb start an embedded server unless",
                "--db-url names one; mysql needs --db-url (or a Docker engine).",
                ""},
        commandListHeading = "Commands:%n",
        footerHeading = "%nExamples:%n",
        footer = {
                "  goc strategies",
                "  goc race --db postgres --strategy naive --threads 8 --rounds 500",
                "  goc bench --db mariadb --strategy all --threads 1,2,4,8 --keys hotset:1000",
                "  goc replay --db postgres --strategy naive 1 1 1 1 1",
                "  goc compare --quick",
                "  goc matrix --db postgres",
                "  goc report results/latest/results.json",
                "  goc diff results/20261127-084027 results/latest",
                "",
                "Exit codes: 0 done; 1 anomalies found (with --fail-on-anomaly); 2 bad input;",
                "            3 database unavailable, or the run could not be carried out.",
                "Run 'goc COMMAND --help' for the options of a command."})
public final class Goc implements Callable<Integer> {

    private boolean verbose;
    private boolean quiet;
    private Provenance.Start start;

    /** Builds the configured command line: error handlers, help width. Tests use this too. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Goc());
        cl.setParameterExceptionHandler(new Errors.OnBadSyntax());
        cl.setExecutionExceptionHandler(new Errors.OnFailure());
        cl.setUsageHelpAutoWidth(true);
        cl.setUsageHelpLongOptionsMaxWidth(28);
        cl.setExecutionStrategy(parsed -> {
            CommandLine.ParseResult sub = parsed.subcommand();
            ((Goc) cl.getCommand()).start = Provenance.start(
                    sub == null ? "goc" : sub.commandSpec().name(), parsed.originalArgs());
            return new CommandLine.RunLast().execute(parsed);
        });
        for (CommandLine sub : cl.getSubcommands().values()) {
            // A subcommand's header is its line in 'goc --help'; its own help opens with the
            // description, which says the same at more length, so the header would print twice.
            List<String> keys = new ArrayList<>(sub.getHelpSectionKeys());
            keys.remove(CommandLine.Model.UsageMessageSpec.SECTION_KEY_HEADER_HEADING);
            keys.remove(CommandLine.Model.UsageMessageSpec.SECTION_KEY_HEADER);
            sub.setHelpSectionKeys(keys);
        }
        return cl;
    }

    /** Runs {@code goc} and exits with its exit code. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Log what the servers and the harness do, and print stack traces of failures.")
    void setVerbose(boolean verbose) {
        this.verbose = verbose;
        if (verbose) {
            Logging.verbose();
        }
    }

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
            description = "No progress line, only the results (verdict lines where the command has them): for CI logs.")
    void setQuiet(boolean quiet) {
        this.quiet = quiet;
    }

    /**
     * The provenance of a results document written now by {@code command}: this command line,
     * when it started, and the bounds of its {@link BoundsOptions} when it has them.
     */
    static Provenance provenance(CommandSpec command) {
        Goc goc = (Goc) command.root().userObject();
        Provenance.Start s = goc.start != null ? goc.start : Provenance.start(command.name(), List.of());
        Provenance.BoundsInfo bounds = command.mixins().values().stream().map(CommandSpec::userObject)
                .filter(BoundsOptions.class::isInstance).map(o -> ((BoundsOptions) o).bounds().info())
                .findFirst().orElse(null);
        return s.finish(bounds);
    }

    /** Whether {@code --verbose} was given. */
    boolean verbose() {
        return verbose;
    }

    /** Whether {@code --quiet} was given. */
    boolean quiet() {
        return quiet;
    }

    @Override
    public Integer call() {
        throw new BadInputException("missing command: use strategies, race, bench, replay, explain, compare, matrix, report or diff"
                + " (see 'goc --help')");
    }

    /** The build's version and git revision ({@link BuildInfo}), e.g. {@code goc-bench 0.1.0-SNAPSHOT+3ae08a8}. */
    static final class ManifestVersion implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"goc-bench " + version()};
        }

        static String version() {
            return BuildInfo.current().label();
        }
    }
}
