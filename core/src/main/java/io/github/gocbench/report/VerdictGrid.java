package io.github.gocbench.report;

import io.github.gocbench.outcome.Evidence;
import io.github.gocbench.outcome.Invariant;
import io.github.gocbench.outcome.Outcome;
import io.github.gocbench.outcome.Verdict;
import io.github.gocbench.results.RunResult;
import io.github.gocbench.strategy.Conditions;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * The verdict grid: one row per strategy, one column per server and condition (e.g.
 * "PostgreSQL 17.6 · autocommit", "PostgreSQL 17.6 · outer-tx"). A cell reads ✓ when every run
 * of that strategy under that condition was SAFE, else the short names of the anomalies seen
 * ({@link Outcome#shortName()}, {@link Invariant#shortName()}), "–" when nothing was run, and
 * carries a "*" when a run was cut short. Race and steady runs both count. Drawn as a chart
 * image and written as a Markdown and an HTML table.
 */
public final class VerdictGrid {

    /** Cell text of a SAFE cell. */
    public static final String SAFE_MARK = "✓";
    /** Cell text of a cell with no run. */
    public static final String NOT_RUN = "–";
    /** Cell text of a cell whose runs saw nothing but did not finish: nothing is claimed. */
    public static final String INCONCLUSIVE_MARK = "?";
    /** In front of a cell that showed what its strategy's declaration forbids. */
    public static final String FORBIDDEN_MARK = "!";
    /**
     * What the marks mean, for the text beside every grid: SAFE carries its evidence, UNSAFE its
     * rate, and a forbidden finding is flagged.
     */
    public static final String LEGEND = "✓ <X = no anomaly seen: the per-round anomaly rate is below X at 95 %"
            + " (exact bound over the cell's rounds; not a proof); names = anomalies seen, with the share of"
            + " rounds that saw one; ? 0/N = nothing seen but a run did not finish (inconclusive); ! = the"
            + " strategy's declaration forbids what was seen (a new finding); * = a run was cut short";

    static final Color SAFE_FILL = new Color(0xCC, 0xEC, 0xE3);   // tint of Okabe–Ito bluish green
    static final Color UNSAFE_FILL = new Color(0xF7, 0xD4, 0xBC); // tint of Okabe–Ito vermillion
    static final Color NOT_RUN_FILL = new Color(0xF2, 0xF2, 0xF2);

    /** A column: one server under one set of conditions. */
    public record Column(String server, Conditions conditions) {

        /** Columns by server, then by what is not autocommit/outer-tx, so those two sit side by side. */
        static final Comparator<Column> ORDER = Comparator.comparing(Column::server)
                .thenComparing(c -> RunLabels.condition(new Conditions(c.conditions.isolation(), false,
                        c.conditions.unique(), c.conditions.sideEffect(), c.conditions.churn())))
                .thenComparing(c -> c.conditions.outerTx())
                .thenComparing(Column::condition);

        /** The condition as the header reads it: "autocommit", "serializable outer-tx churn 1". */
        public String condition() {
            return RunLabels.condition(conditions);
        }

        /** Header text: server without how it was provided, then the condition. */
        public String label() {
            return RunLabels.withoutProvision(server) + " · " + condition();
        }
    }

    /**
     * One cell.
     *
     * @param runs         runs that fell into the cell
     * @param anomalies    short names of the anomalies seen, outcomes first, in declaration order
     * @param incomplete   some run was cut short, so a ✓ is weaker than it looks
     * @param evidence     the cell's runs pooled: race rounds when it has races, else steady calls
     * @param inconclusive no anomaly seen, but some run did not finish what it was asked
     * @param forbidden    some run showed what its strategy's declaration forbids (a new finding)
     */
    public record Cell(int runs, List<String> anomalies, boolean incomplete, Evidence evidence, boolean inconclusive,
                       boolean forbidden) {

        public boolean safe() {
            return runs > 0 && anomalies.isEmpty() && !inconclusive;
        }

        /**
         * "✓ &lt;3.0 %" (SAFE, with the 95 % bound on the per-round anomaly rate), "dup, notfound 94 %"
         * (the anomalies seen and the share of rounds that saw one), "? 0/52" (inconclusive), or
         * "–"; "! " in front when a declaration forbids what was seen, " *" after when a run was cut
         * short.
         */
        public String text() {
            String t;
            if (runs == 0) {
                t = NOT_RUN;
            } else if (!anomalies.isEmpty()) {
                t = String.join(", ", anomalies) + (evidence == null || evidence.anomalous() == 0 ? ""
                        : " " + Evidence.percent(evidence.rate()).replace(" %", "%"));
            } else if (inconclusive) {
                t = INCONCLUSIVE_MARK + (evidence == null ? "" : " 0/" + evidence.trials());
            } else {
                t = SAFE_MARK + (evidence == null || evidence.trials() == 0 ? ""
                        : " <" + Evidence.percent(evidence.upperBound()).replace(" %", "%"));
            }
            if (forbidden) {
                t = FORBIDDEN_MARK + " " + t;
            }
            return incomplete ? t + " *" : t;
        }
    }

    private final List<String> strategies;
    private final List<Column> columns;
    private final Map<String, Map<Column, Cell>> cells;

    private VerdictGrid(List<String> strategies, List<Column> columns, Map<String, Map<Column, Cell>> cells) {
        this.strategies = List.copyOf(strategies);
        this.columns = List.copyOf(columns);
        this.cells = cells;
    }

    /** Builds the grid from all runs (race and steady). */
    public static VerdictGrid of(List<RunResult> results) {
        TreeSet<String> strategies = new TreeSet<>(Palette.strategyOrder());
        TreeSet<Column> columns = new TreeSet<>(Column.ORDER);
        Map<String, Map<Column, List<RunResult>>> runs = new HashMap<>();
        for (RunResult r : results) {
            if (r.config() == null) {
                continue;
            }
            Column col = new Column(RunLabels.server(r.target()), r.config().conditions());
            strategies.add(r.config().strategy());
            columns.add(col);
            runs.computeIfAbsent(r.config().strategy(), s -> new HashMap<>())
                    .computeIfAbsent(col, c -> new ArrayList<>()).add(r);
        }
        Map<String, Map<Column, Cell>> cells = new HashMap<>();
        runs.forEach((s, byCol) -> byCol.forEach((c, rs) ->
                cells.computeIfAbsent(s, k -> new HashMap<>()).put(c, cellOf(rs))));
        return new VerdictGrid(new ArrayList<>(strategies), new ArrayList<>(columns), cells);
    }

    /** The short names of the anomalies one run saw; "unsafe" when its verdict says so without counts. */
    public static List<String> anomalies(RunResult r) {
        Set<String> names = new LinkedHashSet<>();
        if (r.outcomes() != null) {
            for (Outcome o : Outcome.values()) {
                Long n = r.outcomes().get(o);
                if (o.isAnomaly() && n != null && n > 0) {
                    names.add(o.shortName());
                }
            }
        }
        if (r.invariants() != null) {
            for (Invariant i : Invariant.values()) {
                Long n = r.invariants().get(i);
                if (n != null && n > 0) {
                    names.add(i.shortName());
                }
            }
        }
        if (names.isEmpty() && r.verdict() == Verdict.UNSAFE) {
            names.add("unsafe");
        }
        return new ArrayList<>(names);
    }

    /** The cell of {@code runs}: their anomalies, pooled evidence, and whether any is inconclusive or forbidden. */
    public static Cell cellOf(List<RunResult> runs) {
        List<String> order = new ArrayList<>();
        for (Outcome o : Outcome.values()) {
            order.add(o.shortName());
        }
        for (Invariant i : Invariant.values()) {
            order.add(i.shortName());
        }
        order.add("unsafe");
        TreeSet<String> seen = new TreeSet<>(Comparator.comparingInt(order::indexOf));
        boolean incomplete = false;
        boolean inconclusive = false;
        boolean forbidden = false;
        for (RunResult r : runs) {
            seen.addAll(anomalies(r));
            incomplete |= !r.complete();
            inconclusive |= r.verdict() == Verdict.INCONCLUSIVE;
            forbidden |= r.grading() != null && r.grading().forbidden();
        }
        return new Cell(runs.size(), new ArrayList<>(seen), incomplete, pooled(runs), inconclusive, forbidden);
    }

    /** Race rounds of {@code runs} added up (steady calls when there is no race); {@code null} when none. */
    static Evidence pooled(List<RunResult> runs) {
        boolean races = runs.stream().anyMatch(r -> r.race() != null);
        long trials = 0;
        long anomalous = 0;
        int threads = 0;
        boolean any = false;
        for (RunResult r : runs) {
            if (r.evidence() == null || (races && r.race() == null)) {
                continue;
            }
            any = true;
            trials += r.evidence().trials();
            anomalous += Math.min(r.evidence().anomalous(), r.evidence().trials());
            threads = Math.max(threads, r.evidence().threads());
        }
        if (!any) {
            return null;
        }
        return races ? Evidence.ofRounds(trials, anomalous, threads) : Evidence.ofCalls(trials, anomalous, threads);
    }

    /** Strategy ids, rows, in the DESIGN.md order. */
    public List<String> strategies() {
        return strategies;
    }

    /** Server × condition columns. */
    public List<Column> columns() {
        return columns;
    }

    /** The cell at {@code strategy} × {@code column}; an empty cell when nothing ran there. */
    public Cell cell(String strategy, Column column) {
        Cell c = cells.getOrDefault(strategy, Map.of()).get(column);
        return c == null ? new Cell(0, List.of(), false, null, false, false) : c;
    }

    /** True when some cell's run was cut short (the tables then explain the "*"). */
    public boolean anyIncomplete() {
        return cells.values().stream().flatMap(m -> m.values().stream()).anyMatch(Cell::incomplete);
    }

    /** A GitHub-flavoured Markdown table. */
    public String toMarkdown() {
        StringBuilder b = new StringBuilder("| strategy |");
        columns.forEach(c -> b.append(' ').append(md(c.label())).append(" |"));
        b.append("\n|---|");
        columns.forEach(c -> b.append(":---:|"));
        b.append('\n');
        for (String s : strategies) {
            b.append("| `").append(md(s)).append("` |");
            for (Column c : columns) {
                b.append(' ').append(md(cell(s, c).text())).append(" |");
            }
            b.append('\n');
        }
        return b.toString();
    }

    /** An HTML table; cells carry class {@code safe}, {@code unsafe} or {@code none} for colour. */
    public String toHtml() {
        StringBuilder b = new StringBuilder("<table class=\"verdict\">\n<thead><tr><th>strategy</th>");
        columns.forEach(c -> b.append("<th>").append(Html.escape(c.label())).append("</th>"));
        b.append("</tr></thead>\n<tbody>\n");
        for (String s : strategies) {
            b.append("<tr><th><span class=\"swatch\" style=\"background:").append(Palette.hex(Palette.colorOf(s)))
                    .append("\"></span><code>").append(Html.escape(s)).append("</code></th>");
            for (Column c : columns) {
                Cell cell = cell(s, c);
                String cls = cell.runs() == 0 || cell.inconclusive() && cell.anomalies().isEmpty() ? "none"
                        : cell.safe() ? "safe" : "unsafe";
                b.append("<td class=\"").append(cls).append("\" title=\"").append(cell.runs())
                        .append(cell.runs() == 1 ? " run" : " runs").append("\">")
                        .append(Html.escape(cell.text())).append("</td>");
            }
            b.append("</tr>\n");
        }
        return b.append("</tbody>\n</table>\n").toString();
    }

    private static String md(String s) {
        return s.replace("|", "\\|");
    }

    /** Width of a column of the drawn grid, in pixels, unless its header needs more. */
    static final int CELL_WIDTH = 230;
    /** Room left beside a cell's text, in pixels. */
    static final int CELL_PADDING = 16;
    private static final Font HEADER_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 13);
    private static final java.awt.font.FontRenderContext FRC =
            new java.awt.font.FontRenderContext(null, true, true);

    private static Font cellFont(Cell cell) {
        return new Font(Font.SANS_SERIF, cell.safe() ? Font.BOLD : Font.PLAIN, 13);
    }

    /** Width of {@code text} in {@code font}, in pixels. */
    static double textWidth(String text, Font font) {
        return font.getStringBounds(text, FRC).getWidth();
    }

    /**
     * A cell's text as one line when it fits {@code width}, else as two lines broken after the
     * comma nearest the middle ("duprows, doublecreate," / "idmismatch 100%"), so that long cells
     * stay inside their box instead of running into the next one.
     */
    static List<String> cellLines(String text, Font font, double width) {
        if (textWidth(text, font) <= width) {
            return List.of(text);
        }
        int best = -1;
        for (int i = text.indexOf(", "); i >= 0; i = text.indexOf(", ", i + 1)) {
            if (best < 0 || Math.abs(i - text.length() / 2) < Math.abs(best - text.length() / 2)) {
                best = i;
            }
        }
        if (best < 0) {
            int space = text.lastIndexOf(' ');
            return space <= 0 ? List.of(text) : List.of(text.substring(0, space), text.substring(space + 1));
        }
        return List.of(text.substring(0, best + 1), text.substring(best + 2));
    }

    /** The width of a column: {@link #CELL_WIDTH}, or more when the widest header needs it. */
    int columnWidth() {
        double header = columns.stream().mapToDouble(c -> textWidth(c.label(), HEADER_FONT)).max().orElse(0);
        return (int) Math.ceil(Math.max(CELL_WIDTH, header + 2 * CELL_PADDING));
    }

    /** The grid as a chart: coloured cells with their text, strategies down, conditions across. */
    JFreeChart chart() {
        DefaultXYZDataset data = new DefaultXYZDataset();
        int n = strategies.size() * columns.size();
        double[][] xyz = new double[3][n];
        List<XYTextAnnotation> labels = new ArrayList<>();
        int columnWidth = columnWidth();
        int i = 0;
        for (int row = 0; row < strategies.size(); row++) {
            for (int col = 0; col < columns.size(); col++) {
                Cell cell = cell(strategies.get(row), columns.get(col));
                xyz[0][i] = col;
                xyz[1][i] = row;
                xyz[2][i] = cell.runs() == 0 || cell.inconclusive() && cell.anomalies().isEmpty() ? 2
                        : cell.safe() ? 0 : 1;
                i++;
                Font font = cellFont(cell);
                List<String> lines = cellLines(cell.text(), font, columnWidth - CELL_PADDING);
                for (int l = 0; l < lines.size(); l++) {
                    // two lines sit above and below the row's middle
                    double dy = lines.size() == 1 ? 0 : (l == 0 ? -0.2 : 0.2);
                    XYTextAnnotation t = new XYTextAnnotation(lines.get(l), col, row + dy);
                    t.setFont(font);
                    t.setPaint(cell.runs() == 0 ? StrategyPlots.MUTED : StrategyPlots.INK);
                    t.setTextAnchor(TextAnchor.CENTER);
                    labels.add(t);
                }
            }
        }
        data.addSeries("verdict", xyz);

        SymbolAxis x = new SymbolAxis(null, columns.stream().map(Column::label).toArray(String[]::new));
        x.setGridBandsVisible(false);
        x.setTickMarksVisible(false);
        x.setAxisLineVisible(false);
        SymbolAxis y = new SymbolAxis(null, strategies.toArray(String[]::new));
        y.setGridBandsVisible(false);
        y.setInverted(true);
        y.setTickMarksVisible(false);
        y.setAxisLineVisible(false);

        LookupPaintScale scale = new LookupPaintScale(0, 3, NOT_RUN_FILL);
        scale.add(0, SAFE_FILL);
        scale.add(1, UNSAFE_FILL);
        scale.add(2, NOT_RUN_FILL);
        XYBlockRenderer r = new XYBlockRenderer();
        r.setPaintScale(scale);
        r.setBlockWidth(0.96);
        r.setBlockHeight(0.9);

        XYPlot plot = new XYPlot(data, x, y, r);
        plot.setDomainAxisLocation(AxisLocation.TOP_OR_LEFT);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);

        LegendItemCollection legend = new LegendItemCollection();
        legend.add(new LegendItem("✓ <X: none seen, per-round rate below X at 95 %", null, null, null,
                new Rectangle(-6, -6, 12, 12), SAFE_FILL));
        legend.add(new LegendItem("UNSAFE: the anomalies seen, share of rounds; ! forbidden by the declaration", null,
                null, null, new Rectangle(-6, -6, 12, 12), UNSAFE_FILL));
        legend.add(new LegendItem("– not run; ? inconclusive", null, null, null, new Rectangle(-6, -6, 12, 12),
                NOT_RUN_FILL));
        plot.setFixedLegendItems(legend);

        JFreeChart chart = StrategyPlots.finish(new JFreeChart("Verdict grid — strategy × condition",
                JFreeChart.DEFAULT_TITLE_FONT, plot, true), "race and steady runs; "
                + (anyIncomplete() ? "* = a run was cut short; " : "") + "cells list short names of anomalies seen");
        chart.getLegend().setPosition(org.jfree.chart.ui.RectangleEdge.BOTTOM);
        // after the theme, which would reset annotation and tick label fonts
        labels.forEach(plot::addAnnotation);
        x.setTickLabelFont(HEADER_FONT);
        x.setTickLabelPaint(StrategyPlots.INK);
        y.setTickLabelFont(new Font(Font.MONOSPACED, Font.PLAIN, 14));
        y.setTickLabelPaint(StrategyPlots.INK);
        plot.setOutlineVisible(false);
        plot.setAxisOffset(new RectangleInsets(4, 4, 4, 4));
        return chart;
    }

    /** The grid's drawing, sized to its rows and columns. */
    ChartWriter.Drawing drawing() {
        int width = Math.max(640, 190 + columnWidth() * columns.size());
        int height = 190 + 40 * Math.max(1, strategies.size());
        return new ChartWriter.Drawing(ChartKind.VERDICT, "verdict", chart(),
                "Verdict per strategy and condition: " + LEGEND + ".",
                width, height);
    }
}
