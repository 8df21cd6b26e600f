package io.github.gocbench.explain;

import io.github.gocbench.outcome.Outcome;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A {@link Swimlane} as a self-contained SVG (issue 18), the drawing form of {@link ExplainText#lane}
 * for {@code goc explain --svg} and the report: one column per caller, one row per step with its
 * SQL and what it returned, waits in amber with whom they wait for, errors in red, and each
 * caller's answer at the bottom. The step that made a caller's answer an anomaly (its last error,
 * else its last answered statement; both rows when it answered late) and that answer are marked in
 * red ({@code class="anomaly"}).
 * Plain string building, all text XML-escaped, so the result parses as XML and inlines into HTML.
 */
public final class SwimlaneSvg {

    private static final double CHAR = 7.3;
    private static final int LINE = 15;
    private static final int PAD = 6;
    private static final int STEP_COL = 40;
    private static final int MARGIN = 10;
    private static final String RED = "#b00020";
    private static final String GREEN = "#1b5e20";
    private static final String AMBER = "#b26a00";
    /** A result that is an error, after the optional {@code +12.3us} of a race timeline. */
    private static final Pattern ERROR = Pattern.compile("^(?:[+-][0-9.]+us )?ERROR\\b.*", Pattern.DOTALL);

    private SwimlaneSvg() {
    }

    /**
     * The SVG of {@code lane}.
     *
     * @param heading lines above the lane (the first in bold)
     * @param lane    the steps
     * @param answers each caller's answer, A first
     * @param footer  lines below the answers
     */
    public static String svg(List<String> heading, Swimlane lane, List<String> answers, List<String> footer) {
        int n = lane.callers();
        List<List<Cell>> cells = new ArrayList<>();
        for (Swimlane.Row r : lane.rows()) {
            cells.add(cell(r));
        }
        List<List<String>> last = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            List<String> a = new ArrayList<>();
            ExplainText.wrap(a, clean(c < answers.size() ? answers.get(c) : ""), "= ");
            last.add(a);
        }
        int[] chars = new int[n];
        for (int c = 0; c < n; c++) {
            chars[c] = ("caller " + Schedules.name(c)).length();
            for (String s : last.get(c)) {
                chars[c] = Math.max(chars[c], s.length());
            }
        }
        for (int i = 0; i < cells.size(); i++) {
            int c = lane.rows().get(i).caller();
            for (Cell l : cells.get(i)) {
                chars[c] = Math.max(chars[c], l.text().length());
            }
        }
        int[] x = new int[n + 1];
        x[0] = MARGIN + STEP_COL;
        for (int c = 0; c < n; c++) {
            x[c + 1] = x[c] + (int) Math.ceil(chars[c] * CHAR) + 2 * PAD;
        }
        Set<Integer> marked = marked(lane, answers);
        StringBuilder b = new StringBuilder();
        int y = MARGIN + LINE;
        for (int i = 0; i < heading.size(); i++) {
            b.append(text(MARGIN, y, heading.get(i), "#000", i == 0, null));
            y += LINE;
        }
        y += 4;
        int laneTop = y;
        for (int c = 0; c < n; c++) {
            b.append(rect(x[c], y, x[c + 1] - x[c], LINE + 4, "#e8eaf6", null, null));
            b.append(text(x[c] + PAD, y + LINE - 2, "caller " + Schedules.name(c), "#000", true, "caller"));
        }
        y += LINE + 8;
        int step = 0;
        for (int i = 0; i < cells.size(); i++) {
            Swimlane.Row r = lane.rows().get(i);
            List<Cell> lines = cells.get(i);
            int c = r.caller();
            if (marked.contains(i)) {
                b.append(rect(x[c] + 2, y - 2, x[c + 1] - x[c] - 4, lines.size() * LINE + 4, "#fdecea", RED,
                        "anomaly"));
            }
            if (r.sql() != null && !r.sql().isEmpty() && r.step() > 0 && r.step() != step) {
                step = r.step();
                b.append(text(MARGIN, y + LINE - 3, String.valueOf(step), "#666", false, null));
            }
            int ly = y;
            for (Cell l : lines) {
                String color = marked.contains(i) && l.color().equals(GREEN) ? RED : l.color();
                b.append(text(x[c] + PAD, ly + LINE - 3, l.text(), color, false, null));
                ly += LINE;
            }
            y += lines.size() * LINE + 6;
        }
        b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>%n",
                MARGIN, y, x[n], y));
        for (int c = 1; c < n; c++) {
            b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#ccc\"/>%n",
                    x[c], laneTop, x[c], y));
        }
        y += 4;
        int bottom = y;
        for (int c = 0; c < n; c++) {
            boolean bad = anomalous(c < answers.size() ? answers.get(c) : null);
            int ly = y;
            for (String s : last.get(c)) {
                b.append(text(x[c] + PAD, ly + LINE - 3, s, bad ? RED : "#000", true, bad ? "anomaly" : null));
                ly += LINE;
            }
            bottom = Math.max(bottom, ly);
        }
        y = bottom + 4;
        for (String f : footer) {
            y += LINE;
            b.append(text(MARGIN, y, f, "#000", false, null));
        }
        y += MARGIN;
        int width = Math.max(x[n], MARGIN + (int) Math.ceil(longest(heading, footer) * CHAR)) + MARGIN;
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width + "\" height=\"" + y
                + "\" viewBox=\"0 0 " + width + " " + y + "\" font-family=\"monospace\" font-size=\"12\" role=\"img\">\n"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n" + b + "</svg>\n";
    }

    /** A caller's answer that is an anomalous outcome ({@code DUPLICATE_KEY ...}, not {@code CREATED #1}). */
    static boolean anomalous(String answer) {
        if (answer == null || answer.isBlank()) {
            return false;
        }
        String word = answer.strip().split("[\\s(]", 2)[0];
        for (Outcome o : Outcome.values()) {
            if (o.name().equals(word)) {
                return o.isAnomaly();
            }
        }
        return false;
    }

    /**
     * The rows to mark: per anomalous caller, its last error, else its last answered row, and when
     * that row is a late answer ({@code <-}) the caller's row before it, the statement that got it.
     */
    static Set<Integer> marked(Swimlane lane, List<String> answers) {
        Set<Integer> out = new HashSet<>();
        for (int c = 0; c < lane.callers(); c++) {
            if (!anomalous(c < answers.size() ? answers.get(c) : null)) {
                continue;
            }
            int lastError = -1;
            int lastAnswered = -1;
            for (int i = 0; i < lane.rows().size(); i++) {
                Swimlane.Row r = lane.rows().get(i);
                if (r.caller() == c && r.result() != null) {
                    lastAnswered = i;
                    if (ERROR.matcher(r.result()).matches()) {
                        lastError = i;
                    }
                }
            }
            int m = lastError >= 0 ? lastError : lastAnswered;
            if (m >= 0) {
                out.add(m);
            }
            if (m >= 0 && (lane.rows().get(m).sql() == null || lane.rows().get(m).sql().isEmpty())) {
                for (int i = m - 1; i >= 0; i--) { // a late answer: its statement is the caller's row before
                    if (lane.rows().get(i).caller() == c) {
                        out.add(i);
                        break;
                    }
                }
            }
        }
        return out;
    }

    private record Cell(String text, String color) {
    }

    private static List<Cell> cell(Swimlane.Row r) {
        List<Cell> out = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        if (r.sql() != null && !r.sql().isEmpty()) {
            ExplainText.wrap(lines, clean(r.sql()), "");
            lines.forEach(l -> out.add(new Cell(l, "#000")));
        }
        lines.clear();
        if (r.waits() != null) {
            ExplainText.wrap(lines, clean("waits for " + r.waits()), "... ");
            lines.forEach(l -> out.add(new Cell(l, AMBER)));
        } else if (r.result() != null) {
            String color = ERROR.matcher(r.result()).matches() ? RED : GREEN;
            ExplainText.wrap(lines, clean(r.result()), r.sql() == null || r.sql().isEmpty() ? "<- " : "-> ");
            lines.forEach(l -> out.add(new Cell(l, color)));
        }
        return out;
    }

    private static int longest(List<String> a, List<String> b) {
        int m = 0;
        for (String s : a) {
            m = Math.max(m, s.length());
        }
        for (String s : b) {
            m = Math.max(m, s.length());
        }
        return m;
    }

    private static String rect(int x, int y, int w, int h, String fill, String stroke, String cls) {
        return String.format(Locale.ROOT, "<rect%s x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"%s/>%n",
                cls == null ? "" : " class=\"" + cls + "\"", x, y, w, h, fill,
                stroke == null ? "" : " stroke=\"" + stroke + "\"");
    }

    private static String text(int x, int y, String s, String color, boolean bold, String cls) {
        return String.format(Locale.ROOT, "<text%s x=\"%d\" y=\"%d\" fill=\"%s\"%s xml:space=\"preserve\">%s</text>%n",
                cls == null ? "" : " class=\"" + cls + "\"", x, y, color, bold ? " font-weight=\"bold\"" : "",
                escape(clean(s)));
    }

    /** Whitespace controls as spaces, other control characters (not allowed in XML) dropped. */
    private static String clean(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || c == '\t') {
                b.append(' ');
            } else if (c >= 0x20 && c != 0xFFFE && c != 0xFFFF) {
                b.append(c);
            }
        }
        return b.toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
