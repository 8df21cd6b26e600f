package io.github.gocbench.report;

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
     * @param runs       runs that fell into the cell
     * @param anomalies  short names of the anomalies seen, outcomes first, in declaration order
     * @param incomplete some run was cut short, so a ✓ is weaker than it looks
     */
    public record Cell(int runs, List<String> anomalies, boolean incomplete) {

        public boolean safe() {
            return runs > 0 && anomalies.isEmpty();
        }

        /** "✓", "dup, notfound", or "–"; followed by " *" when a run was incomplete. */
        public String text() {
            String t = runs == 0 ? NOT_RUN : anomalies.isEmpty() ? SAFE_MARK : String.join(", ", anomalies);
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
                cells.computeIfAbsent(s, k -> new HashMap<>()).put(c, cell(rs))));
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

    private static Cell cell(List<RunResult> runs) {
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
        for (RunResult r : runs) {
            seen.addAll(anomalies(r));
            incomplete |= !r.complete();
        }
        return new Cell(runs.size(), new ArrayList<>(seen), incomplete);
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
        return c == null ? new Cell(0, List.of(), false) : c;
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
                String cls = cell.runs() == 0 ? "none" : cell.safe() ? "safe" : "unsafe";
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

    /** The grid as a chart: coloured cells with their text, strategies down, conditions across. */
    JFreeChart chart() {
        DefaultXYZDataset data = new DefaultXYZDataset();
        int n = strategies.size() * columns.size();
        double[][] xyz = new double[3][n];
        List<XYTextAnnotation> labels = new ArrayList<>();
        int i = 0;
        for (int row = 0; row < strategies.size(); row++) {
            for (int col = 0; col < columns.size(); col++) {
                Cell cell = cell(strategies.get(row), columns.get(col));
                xyz[0][i] = col;
                xyz[1][i] = row;
                xyz[2][i] = cell.runs() == 0 ? 2 : cell.safe() ? 0 : 1;
                i++;
                XYTextAnnotation t = new XYTextAnnotation(cell.text(), col, row);
                t.setFont(new Font(Font.SANS_SERIF, cell.safe() ? Font.BOLD : Font.PLAIN, cell.safe() ? 20 : 14));
                t.setPaint(cell.runs() == 0 ? StrategyPlots.MUTED : StrategyPlots.INK);
                t.setTextAnchor(TextAnchor.CENTER);
                labels.add(t);
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
        legend.add(new LegendItem("✓ SAFE: no anomaly in any run", null, null, null, new Rectangle(-6, -6, 12, 12),
                SAFE_FILL));
        legend.add(new LegendItem("UNSAFE: the anomalies seen", null, null, null, new Rectangle(-6, -6, 12, 12),
                UNSAFE_FILL));
        legend.add(new LegendItem("– not run", null, null, null, new Rectangle(-6, -6, 12, 12), NOT_RUN_FILL));
        plot.setFixedLegendItems(legend);

        JFreeChart chart = StrategyPlots.finish(new JFreeChart("Verdict grid — strategy × condition",
                JFreeChart.DEFAULT_TITLE_FONT, plot, true), "race and steady runs; "
                + (anyIncomplete() ? "* = a run was cut short; " : "") + "cells list short names of anomalies seen");
        chart.getLegend().setPosition(org.jfree.chart.ui.RectangleEdge.BOTTOM);
        // after the theme, which would reset annotation and tick label fonts
        labels.forEach(plot::addAnnotation);
        x.setTickLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        x.setTickLabelPaint(StrategyPlots.INK);
        y.setTickLabelFont(new Font(Font.MONOSPACED, Font.PLAIN, 14));
        y.setTickLabelPaint(StrategyPlots.INK);
        plot.setOutlineVisible(false);
        plot.setAxisOffset(new RectangleInsets(4, 4, 4, 4));
        return chart;
    }

    /** The grid's drawing, sized to its rows and columns. */
    ChartWriter.Drawing drawing() {
        int width = Math.max(640, 190 + 230 * columns.size());
        int height = 190 + 38 * Math.max(1, strategies.size());
        return new ChartWriter.Drawing(ChartKind.VERDICT, "verdict", chart(),
                "Verdict per strategy and condition: ✓ = SAFE in every run, else the short names of the anomalies seen.",
                width, height);
    }
}
