package io.github.gocbench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.function.BiFunction;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The two plot shapes every strategy chart is built from — lines against threads, grouped bars
 * per category — with one look: white background, light grid, legend on the right listing
 * strategies in the DESIGN.md order, and each strategy in its {@link Palette} look.
 */
final class StrategyPlots {

    static {
        Headless.ensure();
    }

    /** Size of line and bar charts, in pixels. */
    static final int WIDTH = 960;
    static final int HEIGHT = 540;

    /** A value axis switches to log scale when its largest value is more than this many times its smallest. */
    static final double LOG_RATIO = 50.0;

    static final Color INK = new Color(0x22, 0x22, 0x22);
    static final Color MUTED = new Color(0x55, 0x55, 0x55);
    static final Color GRID = new Color(0xD9, 0xD9, 0xD9);
    /** Grid lines drawn solid and thin rather than JFreeChart's default dashes. */
    static final BasicStroke GRID_STROKE = new BasicStroke(0.8f);

    private static final StandardChartTheme THEME = theme();

    /** How a value axis is scaled. */
    enum Scale {
        /** Always linear, from zero. */
        LINEAR,
        /** Log when the values span more than {@link #LOG_RATIO}, else linear. */
        AUTO,
        /** Log whenever all values are positive (latency), else linear. */
        LOG
    }

    private StrategyPlots() {
    }

    /**
     * One point of a line with its spread.
     *
     * @param median       the value drawn
     * @param low          lower end of the error bar
     * @param high         upper end of the error bar
     * @param mostlyFailed drawn as a cross: most calls failed
     */
    record Spread(double median, double low, double high, boolean mostlyFailed) {
    }

    /** A marker for points where most calls failed: a cross, 11 px across. */
    private static final java.awt.Shape CROSS = cross();

    private static java.awt.Shape cross() {
        java.awt.geom.Path2D.Double p = new java.awt.geom.Path2D.Double();
        double h = 5.5;
        double w = 1.6;
        p.moveTo(-h, -h + w);
        p.lineTo(-h + w, -h);
        p.lineTo(0, -w);
        p.lineTo(h - w, -h);
        p.lineTo(h, -h + w);
        p.lineTo(w, 0);
        p.lineTo(h, h - w);
        p.lineTo(h - w, h);
        p.lineTo(0, w);
        p.lineTo(-h + w, h);
        p.lineTo(-h, h - w);
        p.lineTo(-w, 0);
        p.closePath();
        return p;
    }

    /**
     * Lines against thread count on a log value axis (whole decades), one per strategy, each
     * point with a min-max error bar; {@code unsafe} strategies dashed with hollow markers and
     * "(UNSAFE)" in the legend; points where most calls failed as crosses. A zero (nothing
     * succeeded) sits on the axis floor, where a log axis cannot put it, as a cross.
     *
     * @param series strategy id → (threads → spread)
     */
    static JFreeChart spreadLines(String title, String subtitle, String yLabel,
                                  Map<String, SortedMap<Integer, Spread>> series, java.util.Set<String> unsafe) {
        TreeSet<Integer> threads = new TreeSet<>();
        List<Double> positive = new java.util.ArrayList<>();
        series.values().forEach(m -> {
            threads.addAll(m.keySet());
            m.values().forEach(v -> {
                for (double d : new double[] {v.median(), v.low(), v.high()}) {
                    if (d > 0 && Double.isFinite(d)) {
                        positive.add(d);
                    }
                }
            });
        });
        double min = positive.stream().mapToDouble(Double::doubleValue).min().orElse(1);
        double floor = Math.pow(10, Math.floor(Math.log10(min)));
        List<String> strategies = series.keySet().stream().sorted(Palette.strategyOrder()).toList();
        org.jfree.data.xy.YIntervalSeriesCollection data = new org.jfree.data.xy.YIntervalSeriesCollection();
        List<boolean[]> crossed = new java.util.ArrayList<>();
        for (String s : strategies) {
            org.jfree.data.xy.YIntervalSeries ys = new org.jfree.data.xy.YIntervalSeries(
                    unsafe.contains(s) ? s + " (UNSAFE)" : s, true, false);
            SortedMap<Integer, Spread> m = series.get(s);
            boolean[] cross = new boolean[m.size()];
            int i = 0;
            for (var e : m.entrySet()) {
                Spread v = e.getValue();
                double y = Math.max(floor, v.median());
                ys.add(e.getKey(), y, Math.max(floor, v.low()), Math.max(floor, v.high()));
                cross[i++] = v.mostlyFailed() || !(v.median() > 0);
            }
            data.addSeries(ys);
            crossed.add(cross);
        }
        LogAxis x = new LogAxis("threads (log scale)");
        x.setBase(2);
        x.setTickUnit(new NumberTickUnit(1));
        x.setNumberFormatOverride(new DecimalFormat("0", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        x.setMinorTickMarksVisible(false);
        x.setRange(threads.isEmpty() ? 0.8 : threads.first() / 1.25, threads.isEmpty() ? 2 : threads.last() * 1.25);
        org.jfree.chart.renderer.xy.XYErrorRenderer r = new org.jfree.chart.renderer.xy.XYErrorRenderer() {
            @Override
            public java.awt.Shape getItemShape(int row, int column) {
                return crossed.get(row)[column] ? CROSS : super.getItemShape(row, column);
            }

            @Override
            public boolean getItemShapeFilled(int row, int column) {
                return crossed.get(row)[column] || !unsafe.contains(strategies.get(row));
            }
        };
        r.setDrawXError(false);
        r.setDrawYError(true);
        r.setDefaultLinesVisible(true);
        r.setDefaultShapesVisible(true);
        r.setUseFillPaint(true);
        r.setCapLength(6);
        r.setErrorStroke(new BasicStroke(1.2f));
        List<Double> axisValues = new java.util.ArrayList<>(positive);
        axisValues.add(floor);
        XYPlot plot = new XYPlot(data, x, valueAxis(yLabel, axisValues.isEmpty() ? List.of(1.0) : axisValues, true), r);
        plot.setOrientation(PlotOrientation.VERTICAL);
        JFreeChart chart = finish(new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true), subtitle);
        plot.setDomainGridlineStroke(GRID_STROKE);
        plot.setRangeGridlineStroke(GRID_STROKE);
        for (int i = 0; i < strategies.size(); i++) {
            Palette.Look look = Palette.lookOf(strategies.get(i));
            boolean bad = unsafe.contains(strategies.get(i));
            r.setSeriesPaint(i, look.color());
            r.setSeriesFillPaint(i, bad ? Color.WHITE : look.color());
            r.setSeriesOutlinePaint(i, look.color());
            r.setSeriesStroke(i, bad ? new BasicStroke(2.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                    new float[] {7f, 5f}, 0f) : new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            r.setSeriesShape(i, look.shape());
        }
        r.setDrawOutlines(true);
        r.setUseOutlinePaint(true);
        return chart;
    }

    /**
     * True when {@code values} span more than {@link #LOG_RATIO} and are all positive (a log
     * axis cannot show zero), so that small values would otherwise be flattened on the axis.
     */
    static boolean needsLog(Collection<Double> values) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (double v : values) {
            if (!(v > 0) || Double.isInfinite(v)) {
                return false;
            }
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return max > 0 && max / min > LOG_RATIO;
    }

    /**
     * Lines against thread count, one per strategy. When every strategy was measured at one
     * thread count only, draws grouped bars instead (a line of one point says nothing).
     *
     * @param series strategy id → (threads → value); strategies are ordered by {@link Palette#strategyOrder()}
     */
    static JFreeChart lines(String title, String subtitle, String yLabel, Map<String, SortedMap<Integer, Double>> series,
                            Scale scale) {
        TreeSet<Integer> threads = new TreeSet<>();
        List<Double> values = new java.util.ArrayList<>();
        series.values().forEach(m -> {
            threads.addAll(m.keySet());
            values.addAll(m.values());
        });
        List<String> strategies = series.keySet().stream().sorted(Palette.strategyOrder()).toList();
        if (threads.size() <= 1) {
            String category = threads.isEmpty() ? "" : threads.first() + (threads.first() == 1 ? " thread" : " threads");
            return bars(title, subtitle, "", yLabel, strategies, List.of(category),
                    (s, c) -> series.get(s).isEmpty() ? null : series.get(s).values().iterator().next(), scale);
        }
        boolean log = useLog(scale, values);
        XYSeriesCollection data = new XYSeriesCollection();
        for (String s : strategies) {
            // a strategy that stays at zero hides under others drawn at zero: the legend says so
            boolean allZero = series.get(s).values().stream().allMatch(v -> v == 0);
            XYSeries xy = new XYSeries(allZero && !log ? s + " (all 0)" : s, true, false);
            series.get(s).forEach(xy::add);
            data.addSeries(xy);
        }
        LogAxis x = new LogAxis("threads (log scale)");
        x.setBase(2);
        x.setTickUnit(new NumberTickUnit(1));
        x.setNumberFormatOverride(new DecimalFormat("0", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        x.setMinorTickMarksVisible(false);
        x.setRange(threads.first() / 1.25, threads.last() * 1.25);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        XYPlot plot = new XYPlot(data, x, valueAxis(yLabel, values, log), r);
        plot.setOrientation(PlotOrientation.VERTICAL);
        JFreeChart chart = finish(new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true), subtitle);
        plot.setDomainGridlineStroke(GRID_STROKE);
        plot.setRangeGridlineStroke(GRID_STROKE);
        for (int i = 0; i < strategies.size(); i++) {
            Palette.Look look = Palette.lookOf(strategies.get(i));
            r.setSeriesPaint(i, look.color());
            r.setSeriesStroke(i, look.stroke());
            r.setSeriesShape(i, look.shape());
        }
        return chart;
    }

    /**
     * Grouped bars: for each category one bar per strategy, coloured by strategy.
     *
     * @param value (strategy, category) → value, or {@code null} when there is none
     */
    static JFreeChart bars(String title, String subtitle, String categoryLabel, String yLabel, List<String> strategies,
                           List<String> categories, BiFunction<String, String, Double> value, Scale scale) {
        List<String> ordered = strategies.stream().sorted(Palette.strategyOrder()).toList();
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<Double> values = new java.util.ArrayList<>();
        for (String s : ordered) {
            for (String c : categories) {
                Double v = value.apply(s, c);
                data.addValue(v, s, c);
                if (v != null) {
                    values.add(v);
                }
            }
        }
        boolean log = useLog(scale, values);
        BarRenderer r = new BarRenderer();
        r.setIncludeBaseInRange(!log);
        r.setItemMargin(0.04);
        CategoryAxis x = new CategoryAxis(categoryLabel.isEmpty() ? null : categoryLabel);
        x.setCategoryMargin(0.25);
        CategoryPlot plot = new CategoryPlot(data, x, valueAxis(yLabel, values, log), r);
        plot.setOrientation(PlotOrientation.VERTICAL);
        JFreeChart chart = finish(new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true), subtitle);
        plot.setRangeGridlineStroke(GRID_STROKE);
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setDrawBarOutline(true);
        for (int i = 0; i < ordered.size(); i++) {
            Palette.Look look = Palette.lookOf(ordered.get(i));
            r.setSeriesPaint(i, look.color());
            // past the eighth strategy colours repeat: such bars get a dark outline in the line's dash
            boolean repeat = look.index() >= Palette.OKABE_ITO.size();
            r.setSeriesOutlinePaint(i, repeat ? INK : look.color());
            r.setSeriesOutlineStroke(i, repeat ? look.stroke() : new BasicStroke(0.5f));
        }
        return chart;
    }

    private static boolean useLog(Scale scale, List<Double> values) {
        switch (scale) {
            case AUTO:
                return needsLog(values);
            case LOG:
                return !values.isEmpty() && values.stream().allMatch(v -> v > 0 && !v.isInfinite());
            default:
                return false;
        }
    }

    private static ValueAxis valueAxis(String label, List<Double> values, boolean log) {
        if (log) {
            double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(1);
            double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(10);
            LogAxis y = new LogAxis(label + " — log scale");
            y.setBase(10);
            y.setTickUnit(new NumberTickUnit(1));
            y.setNumberFormatOverride(new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)));
            y.setSmallestValue(Math.min(min, 1e-9));
            // whole decades, so both ends carry a labelled tick
            y.setRange(Math.pow(10, Math.floor(Math.log10(min))), Math.pow(10, Math.ceil(Math.log10(max))));
            y.setMinorTickMarksVisible(true);
            return y;
        }
        NumberAxis y = new NumberAxis(label);
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double min = Math.min(0, values.stream().mapToDouble(Double::doubleValue).min().orElse(0));
        double upper = max > 0 ? max * 1.08 : 1.0;
        // from just below zero, so that points at zero sit visibly above the axis line
        y.setRange(min - 0.025 * (upper - min), upper);
        y.setTickUnit(niceTickUnit((upper - min) / 10));
        return y;
    }

    /**
     * A tick unit of 1, 2, 2.5 or 5 × 10^k near {@code rough}, with just enough decimals that
     * neighbouring labels differ (JFreeChart's own choice packs ~20 ticks and may print 0.007 twice).
     */
    static NumberTickUnit niceTickUnit(double rough) {
        if (!(rough > 0) || Double.isInfinite(rough)) {
            return new NumberTickUnit(1, new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        }
        double exp = Math.floor(Math.log10(rough));
        double pow = Math.pow(10, exp);
        double m = rough / pow;
        double mantissa = m <= 1 ? 1 : m <= 2 ? 2 : m <= 2.5 ? 2.5 : m <= 5 ? 5 : 10;
        double unit = mantissa * pow;
        int decimals = (int) Math.max(0, -Math.floor(Math.log10(unit)) + (mantissa == 2.5 ? 1 : 0));
        String pattern = decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals);
        return new NumberTickUnit(unit, new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT)));
    }

    /** Applies the report's theme, the subtitle and the legend position. */
    static JFreeChart finish(JFreeChart chart, String subtitle) {
        THEME.apply(chart);
        chart.setPadding(new RectangleInsets(8, 8, 8, 12));
        chart.getTitle().setHorizontalAlignment(HorizontalAlignment.LEFT);
        chart.getTitle().setPadding(new RectangleInsets(4, 8, 0, 8));
        if (subtitle != null && !subtitle.isBlank()) {
            TextTitle sub = new TextTitle(subtitle, new Font(Font.SANS_SERIF, Font.PLAIN, 13), MUTED,
                    RectangleEdge.TOP, HorizontalAlignment.LEFT, org.jfree.chart.ui.VerticalAlignment.CENTER,
                    new RectangleInsets(2, 8, 8, 8));
            chart.addSubtitle(0, sub);
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setPosition(RectangleEdge.RIGHT);
            legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
            legend.setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            legend.setItemLabelPadding(new RectangleInsets(3, 4, 3, 2));
            legend.setPadding(new RectangleInsets(4, 12, 4, 4));
        }
        return chart;
    }

    private static StandardChartTheme theme() {
        StandardChartTheme t = new StandardChartTheme("goc-bench");
        t.setExtraLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 19));
        t.setLargeFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        t.setRegularFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        t.setSmallFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        t.setTitlePaint(INK);
        t.setSubtitlePaint(MUTED);
        t.setChartBackgroundPaint(Color.WHITE);
        t.setLegendBackgroundPaint(Color.WHITE);
        t.setLegendItemPaint(INK);
        t.setPlotBackgroundPaint(Color.WHITE);
        t.setPlotOutlinePaint(GRID);
        t.setDomainGridlinePaint(GRID);
        t.setRangeGridlinePaint(GRID);
        t.setAxisLabelPaint(INK);
        t.setTickLabelPaint(MUTED);
        t.setAxisOffset(new RectangleInsets(0, 0, 0, 0));
        t.setShadowVisible(false);
        t.setBarPainter(new StandardBarPainter());
        t.setXYBarPainter(new StandardXYBarPainter());
        return t;
    }

}
