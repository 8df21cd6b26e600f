package io.github.gocbench.report;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link Report#write} wrote.
 *
 * @param dir      the report folder
 * @param markdown {@code report.md}
 * @param html     {@code report.html}, self-contained (charts embedded as data: URIs)
 * @param charts   every chart, in report order, each as PNG and SVG under {@code charts/}
 */
public record ReportFiles(Path dir, Path markdown, Path html, List<RenderedChart> charts) {

    public ReportFiles {
        charts = List.copyOf(charts);
    }
}
