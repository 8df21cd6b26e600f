package io.github.gocbench.report;

import java.awt.Rectangle;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/** Writes a chart as a PNG and an SVG drawn from the same {@link JFreeChart}. */
final class ChartWriter {

    static {
        Headless.ensure();
    }

    private ChartWriter() {
    }

    /** A drawn chart plus what the report says about it, ready to be written. */
    record Drawing(ChartKind kind, String id, JFreeChart chart, String caption, int width, int height) {

        String title() {
            return chart.getTitle() == null ? id : chart.getTitle().getText();
        }
    }

    /** Writes {@code d} to {@code dir/<id>.png} and {@code dir/<id>.svg}. */
    static RenderedChart write(Drawing d, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path png = dir.resolve(d.id() + ".png");
        Path svg = dir.resolve(d.id() + ".svg");
        try (OutputStream out = Files.newOutputStream(png)) {
            ChartUtils.writeChartAsPNG(out, d.chart(), d.width(), d.height());
        }
        SVGGraphics2D g2 = new SVGGraphics2D(d.width(), d.height());
        // a fixed prefix for clip-path ids (JFreeSVG's default holds a clock value), so re-drawing
        // the same results gives the same file
        g2.setDefsKeyPrefix(d.id() + "-");
        d.chart().draw(g2, new Rectangle(0, 0, d.width(), d.height()));
        String element = g2.getSVGElement(d.id(), true, new ViewBox(0, 0, d.width(), d.height()), null, null);
        int open = element.indexOf('>') + 1;
        String doc = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + element.substring(0, open) + "<title>"
                + Html.escape(d.title()) + "</title>" + element.substring(open) + "\n";
        Files.writeString(svg, doc, StandardCharsets.UTF_8);
        return new RenderedChart(d.kind(), d.id(), d.title(), d.caption(), png, svg, d.width(), d.height());
    }
}
