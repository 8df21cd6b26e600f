package io.github.gocbench.report;

import java.nio.file.Path;

/**
 * One chart written to disk as a PNG and an SVG of the same drawing.
 *
 * @param kind    what the chart shows
 * @param id      file-name stem, unique within a report, e.g. {@code throughput-postgresql-17-6-embedded-hot}
 * @param title   the chart's title, also used as the image's alt text
 * @param caption one sentence under the chart in the report
 * @param png     the PNG file
 * @param svg     the SVG file
 * @param width   width in pixels
 * @param height  height in pixels
 */
public record RenderedChart(ChartKind kind, String id, String title, String caption, Path png, Path svg, int width,
                            int height) {

    /** The same chart with its files resolved against another folder (after the report folder moved). */
    RenderedChart movedTo(Path chartsDir) {
        return new RenderedChart(kind, id, title, caption, chartsDir.resolve(png.getFileName()),
                chartsDir.resolve(svg.getFileName()), width, height);
    }
}
