package io.github.gocbench.cli;

import io.github.gocbench.dialect.DbFamily;
import io.github.gocbench.plan.MatrixPlan;
import io.github.gocbench.plan.Sweep;
import io.github.gocbench.results.ResultsWriter;
import io.github.gocbench.results.RunResult;
import io.github.gocbench.server.SnapshotIsolationTarget;
import io.github.gocbench.server.TargetInfo;
import io.github.gocbench.server.TargetSpec;
import io.github.gocbench.strategy.StrategyDef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
                "Exit codes: 0 done (the matrix is a survey, anomalies are its content); 2 bad",
                "            input; 3 a database was unavailable (the others still ran)."})
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

    @Mixin
    TargetOptions target;

    @Override
    public Integer call() throws Exception {
        List<DbFamily> families = InputChecks.dbList(dbs);
        if (families.size() > 1 && target.url != null) {
            throw new BadInputException("--db-url names one server but --db lists " + families.size()
                    + " databases: give a single --db with it");
        }
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
        sweep.run(grids, true);
        for (String u : grids.unavailable()) {
            term.out().println("unavailable: " + u);
        }
        term.out().flush();
        return grids.unavailable().isEmpty() ? ExitCodes.OK : ExitCodes.UNAVAILABLE;
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
            MatrixFiles.Written w = MatrixFiles.write(outDir.resolve(slug(info)),
                    markdown(info, started, wallMs, grids, results), results);
            grids.clear();
            for (String line : MatrixPlan.legend()) {
                term().out().println(line);
            }
            term().out().println("wall time " + Durations.clock(wallMs) + "; written " + w.markdown() + " and "
                    + w.json().getFileName());
            term().out().flush();
        }

        private List<String> strategies(TargetSpec spec) {
            return servers.stream().filter(s -> s.target().equals(spec)).findFirst().orElseThrow().strategies()
                    .stream().map(StrategyDef::id).toList();
        }
    }

    private String markdown(TargetInfo info, Instant start, long wallMs, List<String> grids, List<RunResult> results) {
        StringBuilder b = new StringBuilder();
        b.append("# goc matrix: ").append(MatrixPlan.serverName(info)).append("\n\n");
        b.append("Run ").append(start).append(" by goc-bench ").append(Goc.ManifestVersion.version()).append(" on ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(System.getProperty("java.version")).append("; wall time ").append(Durations.clock(wallMs))
                .append(".\n");
        b.append("Each cell is one race: ").append(MatrixPlan.THREADS).append(" threads released together on a fresh")
                .append(" key, ").append(rounds).append(" rounds; statement timeout 2 s, lock timeout 1 s, 30 s")
                .append(" deadline. Full counts per cell are in the JSON beside this file.\n\n");
        if (info.settings() != null && !info.settings().isEmpty()) {
            b.append("Server: ").append(info.product()).append(' ').append(info.version()).append(" (")
                    .append(info.provision() == null ? "?" : info.provision().cliName()).append("); settings: ");
            List<String> kv = new ArrayList<>();
            for (Map.Entry<String, String> e : info.settings().entrySet()) {
                kv.add(e.getKey() + "=" + e.getValue());
            }
            b.append(String.join(", ", kv)).append(".\n\n");
        }
        for (int g = 0; g < grids.size(); g += 2) {
            if (!grids.get(g).isEmpty()) {
                b.append("## ").append(grids.get(g)).append("\n\n");
            }
            b.append(grids.get(g + 1)).append('\n');
        }
        b.append("Columns and marks:\n\n");
        for (String line : MatrixPlan.legend()) {
            b.append("- ").append(line).append('\n');
        }
        b.append("\nFirst anomaly of each unsafe cell:\n\n");
        TextTable firsts = new TextTable("strategy", "cell", "setting", "anomalous calls", "first", "SQLState/code",
                "message");
        for (RunResult r : results) {
            RunResult.FirstAnomaly f = r.firstAnomaly();
            if (f == null && r.complete()) {
                continue;
            }
            String cell = MatrixPlan.allColumns().stream().filter(c -> c.matches(r.config())).findFirst()
                    .map(MatrixPlan.Column::label).orElse("?");
            String setting = r.target() == null || r.target().settings() == null ? ""
                    : r.target().settings().getOrDefault(SnapshotIsolationTarget.SETTING, "");
            firsts.row(r.config().strategy(), cell, setting, r.anomalyCount(),
                    f == null ? "(incomplete: " + r.note() + ")" : f.kind(),
                    sqlState(f),
                    f == null || f.message() == null ? "" : shorten(Errors.oneLine(f.message())));
        }
        b.append(firsts.isEmpty() ? "(none)\n" : firsts.markdown());
        return b.toString();
    }

    /** "23505", or "HY000/1020" when the server also gave a vendor code. */
    private static String sqlState(RunResult.FirstAnomaly f) {
        if (f == null || f.sqlState() == null) {
            return "";
        }
        return f.vendorCode() == null || f.vendorCode() == 0 ? f.sqlState() : f.sqlState() + "/" + f.vendorCode();
    }

    private static String shorten(String s) {
        return s.length() <= 140 ? s : s.substring(0, 137) + "...";
    }

    /** "mariadb-11.4.5-embedded": the server's folder under --out. */
    static String slug(TargetInfo info) {
        String s = info.product() + "-" + TargetInfo.shortVersion(info.version())
                + (info.provision() == null ? "" : "-" + info.provision().cliName());
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]+", "-").replaceAll("^-|-$", "");
    }

    /** Writes a server's Markdown and JSON atomically under free names. */
    static final class MatrixFiles {

        /** The files written. */
        record Written(Path markdown, Path json) {
        }

        private MatrixFiles() {
        }

        /**
         * Writes {@code matrix.md} and {@code matrix.json} into {@code dir}, or {@code matrix-2.*},
         * {@code matrix-3.*}, ... when taken; an existing file is never replaced.
         */
        static Written write(Path dir, String markdown, List<RunResult> results) throws IOException {
            Files.createDirectories(dir);
            for (int n = 1; n < 1000; n++) {
                String base = n == 1 ? "matrix" : "matrix-" + n;
                Path md = dir.resolve(base + ".md");
                Path json = dir.resolve(base + ".json");
                if (Files.exists(md) || Files.exists(json)) {
                    continue;
                }
                try {
                    ResultsWriter.writeJson(json, results);
                } catch (FileAlreadyExistsException e) {
                    continue; // appeared meanwhile
                }
                ResultsWriter.writeAtomically(md, false,
                        o -> o.write(markdown.getBytes(StandardCharsets.UTF_8)));
                return new Written(md, json);
            }
            throw new IOException("no free matrix file name in " + dir);
        }
    }
}
