package io.github.gocbench.report;

import io.github.gocbench.results.ResultsWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The report's files in its folder: {@code report.md}, {@code report.html} and {@code charts/}.
 * Everything is first written into a hidden temporary folder beside them, then moved into place,
 * so a reader (or a crash) never sees half a report. A previous goc-bench report in the same
 * folder is replaced — that folder is the one being re-drawn — but a {@code report.md},
 * {@code report.html} or non-empty {@code charts/} that goc-bench did not write is never
 * touched: {@link #checkOwned} refuses with {@link FileAlreadyExistsException}. Other files in
 * the folder (results.json, CSV) are left alone.
 */
final class ReportFolder {

    static final String MARKDOWN = "report.md";
    static final String HTML = "report.html";
    static final String CHARTS = "charts";

    private ReportFolder() {
    }

    /** Throws when the folder holds report files that a goc-bench report did not write. */
    static void checkOwned(Path dir) throws IOException {
        Path md = dir.resolve(MARKDOWN);
        Path html = dir.resolve(HTML);
        boolean mdOurs = Files.exists(md) && startsWith(md, ReportPage.MARKER);
        if (Files.exists(md) && !mdOurs) {
            throw new FileAlreadyExistsException(md.toString(), null,
                    "not written by goc-bench; refusing to overwrite it (choose another output folder)");
        }
        if (Files.exists(html) && !contains(html, ReportPage.HTML_MARKER)) {
            throw new FileAlreadyExistsException(html.toString(), null,
                    "not written by goc-bench; refusing to overwrite it (choose another output folder)");
        }
        Path charts = dir.resolve(CHARTS);
        if (Files.isDirectory(charts) && !mdOurs && !isEmpty(charts)) {
            throw new FileAlreadyExistsException(charts.toString(), null,
                    "holds files but no goc-bench report.md is beside it; refusing to replace it");
        }
    }

    /** Creates the hidden temporary folder the report is drawn into, inside {@code dir}. */
    static Path staging(Path dir) throws IOException {
        Files.createDirectories(dir);
        return Files.createTempDirectory(dir, ".report-");
    }

    /**
     * Moves a drawn report from {@code staging} into {@code dir}: charts first (the old charts
     * folder is moved aside and deleted), then report.html, then report.md. Deletes
     * {@code staging} in any case.
     */
    static void publish(Path staging, Path dir) throws IOException {
        Path old = null;
        try {
            Path charts = dir.resolve(CHARTS);
            if (Files.exists(charts)) {
                old = staging.resolveSibling(staging.getFileName() + "-old");
                ResultsWriter.moveReplacing(charts, old);
            }
            ResultsWriter.moveReplacing(staging.resolve(CHARTS), charts);
            ResultsWriter.moveReplacing(staging.resolve(HTML), dir.resolve(HTML));
            ResultsWriter.moveReplacing(staging.resolve(MARKDOWN), dir.resolve(MARKDOWN));
        } finally {
            deleteTree(staging);
            if (old != null) {
                deleteTree(old);
            }
        }
    }

    /** Deletes a folder and everything in it; quietly does nothing when it is gone. */
    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        }
    }

    private static boolean startsWith(Path file, String prefix) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(prefix.length());
            return new String(head, StandardCharsets.UTF_8).equals(prefix);
        }
    }

    private static boolean contains(Path file, String text) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(4096), StandardCharsets.UTF_8).contains(text);
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }
}
