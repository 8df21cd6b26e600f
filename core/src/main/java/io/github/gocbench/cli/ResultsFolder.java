package io.github.gocbench.cli;

import io.github.gocbench.report.Report;
import io.github.gocbench.report.ReportFiles;
import io.github.gocbench.results.Provenance;
import io.github.gocbench.results.ResultsWriter;
import io.github.gocbench.results.RunResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The folder a {@code compare} writes into: {@code <out>/<UTC yyyyMMdd-HHmmss>}, never an existing
 * one (a suffix {@code -2}, {@code -3}, ... is added instead), and {@code <out>/latest} pointing at
 * it, replaced atomically: a symbolic link, or a text file holding the folder name where links
 * cannot be made. {@link #save} fills it.
 */
final class ResultsFolder {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private ResultsFolder() {
    }

    /**
     * What {@link #save} left.
     *
     * @param report        the report's files, or {@code null} when not drawn
     * @param reportFailure why the report could not be drawn (one line), or {@code null}
     */
    record Saved(Path folder, ReportFiles report, String reportFailure) {
    }

    /**
     * Saves a compare: a new folder for {@code start} with {@code results.json} and
     * {@code results.csv}, the report drawn from them when {@code drawReport} (a report that fails
     * leaves the results saved and says why), and {@code latest} pointing at the folder.
     */
    static Saved save(Path out, Instant start, Provenance provenance, List<RunResult> results, boolean drawReport)
            throws IOException {
        Path folder = create(out, start);
        ResultsWriter.writeJson(folder.resolve("results.json"), provenance, results);
        ResultsWriter.writeCsv(folder.resolve("results.csv"), results);
        ReportFiles report = null;
        String reportFailure = null;
        if (drawReport) {
            try {
                report = Report.write(results, folder);
            } catch (IOException | RuntimeException e) {
                reportFailure = Errors.oneLine(e.getMessage() == null ? e.toString() : e.getMessage());
            }
        }
        markLatest(out, folder);
        return new Saved(folder, report, reportFailure);
    }

    /** Creates a new, empty folder for a run started at {@code start}. */
    static Path create(Path out, Instant start) throws IOException {
        Files.createDirectories(out);
        String base = STAMP.format(start);
        for (int n = 1; n < 1000; n++) {
            Path dir = out.resolve(n == 1 ? base : base + "-" + n);
            try {
                return Files.createDirectory(dir); // atomic: fails when it exists, so nothing is overwritten
            } catch (FileAlreadyExistsException e) {
                // taken: try the next suffix
            }
        }
        throw new IOException("no free folder name for " + base + " in " + out);
    }

    /** Points {@code <out>/latest} at {@code dir} (a sibling), replacing any previous one atomically. */
    static void markLatest(Path out, Path dir) throws IOException {
        Path latest = out.resolve("latest");
        Path tmp = out.resolve(".latest-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        try {
            Files.createSymbolicLink(tmp, dir.getFileName());
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            Files.writeString(tmp, dir.getFileName() + "\n", StandardCharsets.UTF_8);
        }
        try {
            ResultsWriter.moveReplacing(tmp, latest);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
