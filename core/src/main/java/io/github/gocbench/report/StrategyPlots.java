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
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
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
import org.jfree.chart.ui.TextAnchor;
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

    /**
     * The value axis of a chart: its ends and whether it is logarithmic. Sibling charts (the same
     * metric for other workloads, situations or servers) get one range computed from all their
     * values ({@link #of}), so that bars and lines of two charts can be compared by eye.
     */
    record YRange(double lower, double upper, boolean log) {

        /**
         * The range that shows every one of {@code values}: on a log axis whole decades around the
         * positive values, else from just below zero (so points at zero sit visibly above the
         * axis line) to 8 % above the largest value.
         */
        static YRange of(Collection<Double> values, Scale scale) {
            List<Double> finite = values.stream().filter(v -> v != null && Double.isFinite(v)).toList();
            if (useLog(scale, finite)) {
                double min = finite.stream().mapToDouble(Double::doubleValue).min().orElse(1);
                double max = finite.stream().mapToDouble(Double::doubleValue).max().orElse(10);
                return decades(min, max);
            }
            double max = finite.stream().mapToDouble(Double::doubleValue).max().orElse(0);
            double min = Math.min(0, finite.stream().mapToDouble(Double::doubleValue).min().orElse(0));
            double upper = max > 0 ? max * 1.08 : 1.0;
            return new YRange(min - 0.025 * (upper - min), upper, false);
        }

        /** A log range of whole decades from the one holding {@code min} to the one holding {@code max}. */
        static YRange decades(double min, double max) {
            double lower = Math.pow(10, Math.floor(Math.log10(min)));
            double upper = Math.pow(10, Math.ceil(Math.log10(max)));
            return new YRange(lower, upper > lower ? upper : lower * 10, true);
        }
    }

    /**
     * A bar's or point's value label: {@code 0} as "0", else two significant digits (three from
     * 100 up) with k or M for thousands and millions, e.g. "0.0078", "1.4", "73", "940", "2.7k", "94k".
     */
    static String compact(double v) {
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        String suffix = "";
        if (a >= 999_500) {
            v /= 1e6;
            suffix = "M";
        } else if (a >= 999.5) {
            v /= 1e3;
            suffix = "k";
        }
        java.math.BigDecimal d = new java.math.BigDecimal(v).round(
                new java.math.MathContext(Math.abs(v) >= 100 ? 3 : 2, java.math.RoundingMode.HALF_UP));
        return d.stripTrailingZeros().toPlainString() + suffix;
    }

    /**
     * The label of a point of an anomaly line, or {@code null} for none: a positive value too small
     * to be told from zero at the axis' scale (below 1/{@link #LOG_RATIO} of {@code axisMax}) is
     * written out, e.g. "0.0078%", so that a rare anomaly is not read as none.
     */
    static String smallValueLabel(double v, double axisMax, String unit) {
        return v > 0 && v * LOG_RATIO < axisMax ? compact(v) + unit : null;
    }

    /**
     * Heights at which to write the labels of points at one thread count: each at least one
     * {@code step} above the label below it, so labels of nearly equal values do not overprint.
     *
     * @param sorted the points' values, ascending
     */
    static double[] labelHeights(double[] sorted, double step) {
        double[] ys = new double[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            ys[i] = i == 0 ? sorted[i] + step * 0.3 : Math.max(sorted[i] + step * 0.3, ys[i - 1] + step);
        }
        return ys;
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
        return spreadLines(title, subtitle, yLabel, series, unsafe, spreadRange(List.of(series)));
    }

    /**
     * The log range that shows every point of every one of {@code charts} (series maps as given
     * to {@link #spreadLines}), medians and error-bar ends alike: one range for sibling charts.
     */
    static YRange spreadRange(Collection<Map<String, SortedMap<Integer, Spread>>> charts) {
        List<Double> positive = new java.util.ArrayList<>();
        charts.forEach(series -> series.values().forEach(m -> m.values().forEach(v -> {
            for (double d : new double[] {v.median(), v.low(), v.high()}) {
                if (d > 0 && Double.isFinite(d)) {
                    positive.add(d);
                }
            }
        })));
        return positive.isEmpty() ? new YRange(1, 10, true)
                : YRange.decades(positive.stream().mapToDouble(Double::doubleValue).min().getAsDouble(),
                        positive.stream().mapToDouble(Double::doubleValue).max().getAsDouble());
    }

    /** As {@link #spreadLines(String, String, String, Map, java.util.Set)} on the log axis {@code range}. */
    static JFreeChart spreadLines(String title, String subtitle, String yLabel,
                                  Map<String, SortedMap<Integer, Spread>> series, java.util.Set<String> unsafe,
                                  YRange range) {
        TreeSet<Integer> threads = new TreeSet<>();
        series.values().forEach(m -> threads.addAll(m.keySet()));
        double floor = range.lower();
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
        XYPlot plot = new XYPlot(data, x, valueAxis(yLabel, range), r);
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
            r.setSeriesStroke(i, bad ? Palette.UNSAFE_STROKE : look.stroke());
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
        List<Double> values = new java.util.ArrayList<>();
        series.values().forEach(m -> values.addAll(m.values()));
        return lines(title, subtitle, yLabel, "", series, YRange.of(values, scale));
    }

    /**
     * As {@link #lines(String, String, String, Map, Scale)} on the value axis {@code range} (shared
     * with sibling charts); a positive point too small to tell from zero at that scale is labelled
     * with its value and {@code unit} ({@link #smallValueLabel}).
     */
    static JFreeChart lines(String title, String subtitle, String yLabel, String unit,
                            Map<String, SortedMap<Integer, Double>> series, YRange range) {
        TreeSet<Integer> threads = new TreeSet<>();
        series.values().forEach(m -> threads.addAll(m.keySet()));
        List<String> strategies = series.keySet().stream().sorted(Palette.strategyOrder()).toList();
        if (threads.size() <= 1) {
            String category = threads.isEmpty() ? "" : threads.first() + (threads.first() == 1 ? " thread" : " threads");
            return bars(title, subtitle, "threads", yLabel, strategies, List.of(category),
                    (s, c) -> series.get(s).isEmpty() ? null : series.get(s).values().iterator().next(), range);
        }
        boolean log = range.log();
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
        XYPlot plot = new XYPlot(data, x, valueAxis(yLabel, range), r);
        plot.setOrientation(PlotOrientation.VERTICAL);
        JFreeChart chart = finish(new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true), subtitle);
        // after the theme, which would reset the annotations' font and colour
        // small values written beside their points, in their strategy's colour, stacked upwards
        // where several sit at one thread count so that they do not overprint each other
        Map<Integer, List<Map.Entry<String, Double>>> small = new java.util.TreeMap<>();
        for (String s : strategies) {
            series.get(s).forEach((t, v) -> {
                if (smallValueLabel(v, range.upper(), unit) != null) {
                    small.computeIfAbsent(t, k -> new java.util.ArrayList<>()).add(Map.entry(s, v));
                }
            });
        }
        double step = (range.upper() - range.lower()) * 0.045;
        small.forEach((t, labels) -> {
            labels.sort(Map.Entry.comparingByValue());
            double[] ys = labelHeights(labels.stream().mapToDouble(Map.Entry::getValue).toArray(), step);
            for (int i = 0; i < labels.size(); i++) {
                org.jfree.chart.annotations.XYTextAnnotation a = new org.jfree.chart.annotations.XYTextAnnotation(
                        smallValueLabel(labels.get(i).getValue(), range.upper(), unit), t, ys[i]);
                a.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 11));
                a.setPaint(Palette.colorOf(labels.get(i).getKey()));
                a.setTextAnchor(TextAnchor.BOTTOM_LEFT);
                plot.addAnnotation(a);
            }
        });
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
        List<Double> values = new java.util.ArrayList<>();
        for (String s : strategies) {
            for (String c : categories) {
                Double v = value.apply(s, c);
                if (v != null) {
                    values.add(v);
                }
            }
        }
        return bars(title, subtitle, categoryLabel, yLabel, strategies, categories, value, YRange.of(values, scale));
    }

    /** Height in pixels of a bar whose value is zero: a stub, so that zero differs from "not measured" (no bar). */
    static final double ZERO_BAR_PX = 2.5;

    /**
     * As {@link #bars(String, String, String, String, List, List, BiFunction, Scale)} on the value
     * axis {@code range} (shared with sibling charts). Every bar carries its value ({@link #compact});
     * a zero is a {@link #ZERO_BAR_PX} stub labelled "0", a missing value no bar at all.
     */
    static JFreeChart bars(String title, String subtitle, String categoryLabel, String yLabel, List<String> strategies,
                           List<String> categories, BiFunction<String, String, Double> value, YRange range) {
        List<String> ordered = strategies.stream().sorted(Palette.strategyOrder()).toList();
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        boolean missing = false;
        for (String s : ordered) {
            for (String c : categories) {
                Double v = value.apply(s, c);
                data.addValue(v, s, c);
                missing |= v == null;
            }
        }
        boolean log = range.log();
        BarRenderer r = new BarRenderer();
        r.setIncludeBaseInRange(!log);
        r.setItemMargin(0.04);
        r.setMinimumBarLength(log ? 0 : ZERO_BAR_PX);
        r.setDefaultItemLabelGenerator(new org.jfree.chart.labels.StandardCategoryItemLabelGenerator() {
            @Override
            public String generateLabel(org.jfree.data.category.CategoryDataset dataset, int row, int column) {
                Number v = dataset.getValue(row, column);
                return v == null ? null : compact(v.doubleValue());
            }
        });
        r.setDefaultItemLabelsVisible(true);
        r.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        r.setDefaultItemLabelPaint(INK);
        // upright labels beside narrow bars would overlap: written upwards from the bar's top
        r.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12,
                TextAnchor.CENTER_LEFT, TextAnchor.CENTER_LEFT, -Math.PI / 2));
        r.setItemLabelAnchorOffset(3);
        CategoryAxis x = new CategoryAxis(categoryLabel.isEmpty() ? null : categoryLabel);
        x.setCategoryMargin(0.25);
        CategoryPlot plot = new CategoryPlot(data, x, valueAxis(yLabel, withLabelRoom(range)), r);
        plot.setOrientation(PlotOrientation.VERTICAL);
        String sub = missing ? (subtitle == null || subtitle.isBlank() ? "" : subtitle + " · ")
                + "no bar: not measured, 0: measured zero" : subtitle;
        JFreeChart chart = finish(new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true), sub);
        plot.setRangeGridlineStroke(GRID_STROKE);
        r.setBarPainter(new ZeroStubPainter());
        r.setShadowVisible(false);
        r.setDrawBarOutline(true);
        for (int i = 0; i < ordered.size(); i++) {
            Palette.Look look = Palette.lookOf(ordered.get(i));
            r.setSeriesPaint(i, look.color());
            // past the known strategies colours repeat (bars have no marker): such bars get a dark outline
            boolean repeat = look.index() >= Palette.KNOWN_STRATEGIES.size();
            r.setSeriesOutlinePaint(i, repeat ? INK : look.color());
            r.setSeriesOutlineStroke(i, new BasicStroke(repeat ? 1.5f : 0.5f));
        }
        return chart;
    }

    /**
     * Paints bars as {@link StandardBarPainter} does, and a bar of zero length (JFreeChart skips
     * those even with a minimum bar length) as a {@link #ZERO_BAR_PX} stub up from its base.
     */
    static final class ZeroStubPainter extends StandardBarPainter {

        private static final long serialVersionUID = 1L;

        @Override
        public void paintBar(java.awt.Graphics2D g2, BarRenderer renderer, int row, int column,
                             java.awt.geom.RectangularShape bar, RectangleEdge base) {
            if (base == RectangleEdge.BOTTOM && bar.getHeight() < ZERO_BAR_PX) {
                bar = new java.awt.geom.Rectangle2D.Double(bar.getX(), bar.getMaxY() - ZERO_BAR_PX, bar.getWidth(),
                        ZERO_BAR_PX);
            }
            super.paintBar(g2, renderer, row, column, bar, base);
        }
    }

    /** {@code range} with room above its top for the bars' upright value labels. */
    static YRange withLabelRoom(YRange range) {
        if (range.log()) {
            return new YRange(range.lower(), range.upper() * Math.pow(range.upper() / range.lower(), 0.12), true);
        }
        return new YRange(range.lower(), range.lower() + (range.upper() - range.lower()) * 1.12, false);
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

    private static ValueAxis valueAxis(String label, YRange range) {
        if (range.log()) {
            LogAxis y = new LogAxis(label + " — log scale");
            y.setBase(10);
            y.setTickUnit(new NumberTickUnit(1));
            y.setNumberFormatOverride(new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)));
            y.setSmallestValue(Math.min(range.lower(), 1e-9));
            // whole decades, so both ends carry a labelled tick
            y.setRange(range.lower(), range.upper());
            y.setMinorTickMarksVisible(true);
            return y;
        }
        NumberAxis y = new NumberAxis(label);
        y.setRange(range.lower(), range.upper());
        y.setTickUnit(niceTickUnit((range.upper() - range.lower()) / 10));
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
