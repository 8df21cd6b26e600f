package io.github.gocbench.explain;

import io.github.gocbench.results.ResultsWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * One result's shortest schedule as an SVG swimlane for the report: a column per caller, a row per
 * step; waits in amber with whom they wait for, errors in red.
 */
public final class ExplainSvg {

    private static final int CHAR = 7;
    private static final int LINE = 15;
    private static final int STEP_COL = 40;

    private ExplainSvg() {
    }

    /** The SVG of the first anomalous result (else the first result) of {@code e}. */
    public static String svg(Explanation e) {
        Explanation.Result r = e.results().stream().filter(Explanation.Result::anomalous).findFirst()
                .orElse(e.results().isEmpty() ? null : e.results().get(0));
        StringBuilder body = new StringBuilder();
        int callers = e.callers();
        int colWidth = 62 * CHAR;
        int width = STEP_COL + callers * (colWidth + 10) + 10;
        int y = 20;
        body.append(text(10, y, "goc explain: " + e.strategy() + " on " + e.db() + ", " + e.conditions(), "#000", true));
        y += LINE;
        if (r == null) {
            body.append(text(10, y + LINE, e.verdict(), "#000", false));
        } else {
            body.append(text(10, y, r.summary() + " (" + r.schedules() + " of " + e.schedules() + " schedules)",
                    r.anomalous() ? "#b00020" : "#1b5e20", false));
            y += LINE + 8;
            for (int c = 0; c < callers; c++) {
                int x = STEP_COL + c * (colWidth + 10);
                body.append(String.format("<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#eef\"/>%n", x,
                        y - 12, colWidth, LINE + 2));
                body.append(text(x + 4, y, "caller " + Schedules.name(c), "#000", true));
            }
            y += LINE + 4;
            int step = 0;
            for (Swimlane.Row row : r.lane().rows()) {
                int x = STEP_COL + row.caller() * (colWidth + 10) + 4;
                if (row.sql() != null && !row.sql().isEmpty()) {
                    if (row.step() != step && row.step() > 0) {
                        step = row.step();
                        body.append(text(10, y, String.valueOf(step), "#666", false));
                    }
                    body.append(text(x, y, clip(row.sql()), "#000", false));
                    y += LINE;
                }
                if (row.waits() != null) {
                    body.append(text(x, y, "... waits for " + row.waits(), "#b26a00", false));
                } else if (row.result() != null) {
                    String prefix = row.sql() == null || row.sql().isEmpty() ? "<- " : "-> ";
                    body.append(text(x, y, prefix + row.result(), row.result().startsWith("ERROR") ? "#b00020"
                            : "#1b5e20", false));
                }
                y += LINE + 4;
            }
            for (int c = 0; c < callers && c < r.answers().size(); c++) {
                int x = STEP_COL + c * (colWidth + 10) + 4;
                body.append(text(x, y, "= " + r.answers().get(c), "#000", true));
            }
            y += LINE;
            body.append(text(10, y + 8, e.verdict(), "#000", false));
        }
        y += 20;
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width + "\" height=\"" + y
                + "\" font-family=\"monospace\" font-size=\"12\">\n<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n"
                + body + "</svg>\n";
    }

    /** Writes the SVG to {@code file} atomically. */
    public static void write(Path file, Explanation e, boolean overwrite) throws IOException {
        byte[] bytes = svg(e).getBytes(StandardCharsets.UTF_8);
        ResultsWriter.writeAtomically(file, overwrite, out -> out.write(bytes));
    }

    private static String clip(String s) {
        return s.length() > 62 ? s.substring(0, 59) + "..." : s;
    }

    private static String text(int x, int y, String s, String color, boolean bold) {
        return String.format("<text x=\"%d\" y=\"%d\" fill=\"%s\"%s>%s</text>%n", x, y, color,
                bold ? " font-weight=\"bold\"" : "", escape(s));
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
