package io.github.gocbench.cli;

import io.github.gocbench.plan.MatrixPlan;
import io.github.gocbench.results.Provenance;
import io.github.gocbench.results.ResultsWriter;
import io.github.gocbench.results.RunResult;
import io.github.gocbench.server.SnapshotIsolationTarget;
import io.github.gocbench.server.TargetInfo;
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

/**
 * What {@code goc matrix} leaves per server: {@code matrix.md} (the grids with how they were
 * made) and {@code matrix.json} (every count), in the server's folder, written atomically under
 * free names so that nothing is overwritten.
 */
final class MatrixFiles {

    private MatrixFiles() {
    }

    /** The files written. */
    record Written(Path markdown, Path json) {
    }

    /**
     * Writes {@code matrix.md} and {@code matrix.json} into {@code dir}, or {@code matrix-2.*},
     * {@code matrix-3.*}, ... when taken; an existing file is never replaced.
     */
    static Written write(Path dir, String markdown, Provenance provenance, List<RunResult> results)
            throws IOException {
        Files.createDirectories(dir);
        for (int n = 1; n < 1000; n++) {
            String base = n == 1 ? "matrix" : "matrix-" + n;
            Path md = dir.resolve(base + ".md");
            Path json = dir.resolve(base + ".json");
            if (Files.exists(md) || Files.exists(json)) {
                continue;
            }
            try {
                ResultsWriter.writeJson(json, provenance, results);
            } catch (FileAlreadyExistsException e) {
                continue; // appeared meanwhile
            }
            ResultsWriter.writeAtomically(md, false,
                    o -> o.write(markdown.getBytes(StandardCharsets.UTF_8)));
            return new Written(md, json);
        }
        throw new IOException("no free matrix file name in " + dir);
    }

    /**
     * The Markdown of one server's matrix: when and how it ran, the server's settings, each grid
     * (titled by its variant when there are several), the legend, and the first anomaly of every
     * unsafe cell.
     *
     * @param grids title and Markdown table of each grid, in turn
     */
    static String markdown(TargetInfo info, Instant start, long wallMs, int rounds, List<String> grids,
                           List<RunResult> results) {
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
}
