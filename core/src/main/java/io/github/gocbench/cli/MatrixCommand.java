package io.github.gocbench.cli;

import io.github.gocbench.dialect.DbFamily;
import io.github.gocbench.plan.MatrixPlan;
import io.github.gocbench.plan.Sweep;
import io.github.gocbench.results.RunResult;
import io.github.gocbench.server.TargetInfo;
import io.github.gocbench.server.TargetSpec;
import io.github.gocbench.strategy.StrategyDef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * {@code goc matrix}: a survey in the style of the Hermitage isolation tables. For each database,
 * every strategy races under every isolation level × autocommit/outer transaction × plain/churn
 * (and on MariaDB with {@code innodb_snapshot_isolation} OFF and ON where the server has it); the
 * verdicts are printed as a grid and written as Markdown and JSON per server.
 */
@Command(name = "matrix",
        header = "Verdict grid: strategy x isolation x outer transaction x churn.", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "A survey: which strategy is safe under which conditions. For each database,",
                "each strategy races (8 threads released together on a fresh key per round)",
                "under each isolation level (RC, RR, SER) x autocommit/outer-tx x plain/churn.",
                "On MariaDB servers that have innodb_snapshot_isolation, every race runs with",
                "it OFF and ON (a session setting). The grid shows ✓ for SAFE, else the short",
                "names of the anomalies seen; the JSON has every count.",
                "Writes <out>/<server>/matrix.md and matrix.json (matrix-2.* etc. when taken;",
                "nothing is overwritten). Bounds per race: statement timeout 2s, lock timeout",
                "1s, 30s deadline (a race cut short is marked *).",
                ""},
        footerHeading = "%nExamples:%n",
        footer = {
                "  goc matrix --db postgres",
                "  goc matrix --db mariadb --db-url 'jdbc:mysql://127.0.0.1:3306/test?user=root'",
                "",
                "  goc matrix --db postgres --fail-on-anomaly       (CI: exit 1 on a forbidden finding)",
                "",
                "Exit codes: 0 done (the matrix is a survey, anomalies are its content); 1 a",
                "            race showed what its strategy's declaration forbids, with",
                "            --fail-on-anomaly; 2 bad input; 3 a database was unavailable",
                "            (the others still ran)."})
final class MatrixCommand implements Callable<Integer> {

    /**
     * Default rounds per race. 100 rounds find an anomaly that shows in 5% of rounds with
     * probability 1 - 0.95^100 > 99.4%, and keep a server's 144 (PostgreSQL) or 240 (MariaDB with
     * both snapshot-isolation settings) races within minutes on a loaded 2-core machine.
     */
    static final int DEFAULT_ROUNDS = 100;

    @ParentCommand
    private Goc goc;

    @Spec
    private CommandSpec spec;

    @Option(names = "--db", paramLabel = "D,...", defaultValue = "postgres,mariadb",
            description = "Databases, comma separated (default ${DEFAULT-VALUE}); with --db-url a single one.")
    String dbs;

    @Option(names = "--rounds", paramLabel = "R", defaultValue = "" + DEFAULT_ROUNDS,
            description = "Race rounds per cell (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "results/matrix",
            description = "Folder that receives one folder per server (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--strategies", hidden = true, paramLabel = "S,...", defaultValue = "all",
            description = "Restrict the rows: all, or a comma list of strategy ids.")
    String strategies;

    @Option(names = "--columns", hidden = true, paramLabel = "C,...", defaultValue = "all",
            description = "Restrict the columns: all, or a comma list of labels such as RC,RC+tx.")
    String columnSpec;

    @Option(names = "--fail-on-anomaly",
            description = "Exit with code 1 when any race is graded FORBIDDEN SEEN: an anomaly its strategy's"
                    + " declaration forbids in the run's effective situation (for CI).")
    boolean failOnAnomaly;

    @Mixin
    TargetOptions target;

    @Override
    public Integer call() throws Exception {
        List<DbFamily> families = target.families(dbs);
        InputChecks.rounds(rounds);
        List<MatrixPlan.Column> columns;
        try {
            columns = MatrixPlan.columns(columnSpec);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
        List<MatrixPlan.Server> servers = new ArrayList<>();
        for (DbFamily f : families) {
            servers.add(new MatrixPlan.Server(target.spec(f, true), StrategyCatalog.resolveList(f, strategies)));
        }
        Path outDir = out.toAbsolutePath().normalize();
        if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
            throw new BadInputException("--out " + out + " is a file, not a folder: choose a folder");
        }

        Terminal term = Terminal.of(spec.commandLine(), goc.quiet());
        Sweep sweep = new Sweep(MatrixPlan.steps(servers, columns, rounds),
                MatrixPlan.replan(servers, columns, rounds));
        Grids grids = new Grids(term, servers, columns, outDir);
        List<RunResult> all = sweep.run(grids, true);
        for (String u : grids.unavailable()) {
            term.out().println("unavailable: " + u);
        }
        term.out().flush();
        if (!grids.unavailable().isEmpty()) {
            return ExitCodes.UNAVAILABLE;
        }
        return failOnAnomaly && CompareSummary.anyForbidden(all) ? ExitCodes.ANOMALY : ExitCodes.OK;
    }

    /**
     * The console of a matrix sweep that also prints each grid as soon as its races are done
     * (one per server, or per {@code innodb_snapshot_isolation} setting), and writes each
     * server's Markdown and JSON when the server is done.
     */
    private final class Grids extends ConsoleSweep {

        private final List<MatrixPlan.Server> servers;
        private final List<MatrixPlan.Column> columns;
        private final Path outDir;
        /** Title and Markdown of each grid of the current server, in turn. */
        private final List<String> grids = new ArrayList<>();
        private final List<RunResult> variantResults = new ArrayList<>();
        private String variant;

        Grids(Terminal term, List<MatrixPlan.Server> servers, List<MatrixPlan.Column> columns, Path outDir) {
            super(term, "goc matrix");
            this.servers = servers;
            this.columns = columns;
            this.outDir = outDir;
        }

        @Override
        public void runFinished(Sweep.Step step, RunResult result) {
            variant = step.variant().title();
            variantResults.add(result);
            List<String> rows = strategies(step.target());
            if (variantResults.size() < rows.size() * columns.size()) {
                return;
            }
            MatrixGrid grid = new MatrixGrid(rows, columns, variantResults);
            grids.add(variant);
            grids.add(grid.markdown());
            String server = result.target() == null ? step.target().family().cliName()
                    : MatrixPlan.serverName(result.target());
            term().out().println();
            term().out().println(server + (variant.isEmpty() ? "" : ", " + variant) + ": " + rounds
                    + " rounds x " + MatrixPlan.THREADS + " threads per cell");
            term().out().print(grid.plain());
            term().out().flush();
            variantResults.clear();
        }

        @Override
        public void serverFinished(TargetSpec spec, TargetInfo info, Instant started, long wallMs,
                                   List<RunResult> results) throws IOException {
            MatrixFiles.Written w = MatrixFiles.write(outDir.resolve(MatrixFiles.slug(info)),
                    MatrixFiles.markdown(info, started, wallMs, rounds, grids, results), Goc.provenance(MatrixCommand.this.spec), results);
            grids.clear();
            for (String line : MatrixPlan.legend()) {
                term().out().println(line);
            }
            term().out().print(CompareSummary.gradesPlain(results));
            term().out().println("wall time " + Durations.clock(wallMs) + "; written " + w.markdown() + " and "
                    + w.json().getFileName());
            term().out().flush();
        }

        private List<String> strategies(TargetSpec spec) {
            return servers.stream().filter(s -> s.target().equals(spec)).findFirst().orElseThrow().strategies()
                    .stream().map(StrategyDef::id).toList();
        }
    }
}
