package io.github.gocbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;

class StrategyPlotsTest {

    @Test
    void logScaleOnlyWhenTheRangeIsWideAndPositive() {
        assertThat(StrategyPlots.needsLog(List.of(100.0, 5000.0))).isFalse();   // 50×: still linear
        assertThat(StrategyPlots.needsLog(List.of(100.0, 5001.0))).isTrue();
        assertThat(StrategyPlots.needsLog(List.of(0.0, 5000.0))).isFalse();    // zero has no log
        assertThat(StrategyPlots.needsLog(List.of())).isFalse();
    }

    @Test
    void tickUnitsAreRoundAndTheirLabelsDiffer() {
        assertThat(unit(0.00083)).isEqualTo(0.001);
        assertThat(label(0.00083, 0.007)).isEqualTo("0.007");
        assertThat(label(0.00083, 0.008)).isEqualTo("0.008");
        assertThat(unit(230)).isEqualTo(250);
        assertThat(label(230, 250)).isEqualTo("250");
        assertThat(label(2300, 25_000)).isEqualTo("25,000");
        assertThat(unit(0.22)).isEqualTo(0.25);
        assertThat(label(0.22, 0.75)).isEqualTo("0.75");
        assertThat(unit(7)).isEqualTo(10);
    }

    @Test
    void wideThroughputRangeGetsALogAxisAndThreadsALogBase2Axis() {
        Map<String, SortedMap<Integer, Double>> series = new TreeMap<>();
        series.put("naive", new TreeMap<>(Map.of(1, 30.0, 8, 240.0)));
        series.put("upsert", new TreeMap<>(Map.of(1, 3000.0, 8, 24000.0)));
        JFreeChart chart = StrategyPlots.lines("t", "s", "throughput (calls/s)", series, StrategyPlots.Scale.AUTO);
        XYPlot plot = chart.getXYPlot();
        assertThat(plot.getRangeAxis()).isInstanceOf(LogAxis.class);
        assertThat(plot.getRangeAxis().getLabel()).contains("calls/s").contains("log scale");
        assertThat(((LogAxis) plot.getDomainAxis()).getBase()).isEqualTo(2.0);
        assertThat(plot.getRenderer().getSeriesPaint(0)).isEqualTo(Palette.colorOf("naive"));
        assertThat(plot.getRenderer().getSeriesPaint(1)).isEqualTo(Palette.colorOf("upsert"));
    }

    @Test
    void narrowRangeStaysLinearFromZero() {
        Map<String, SortedMap<Integer, Double>> series = new TreeMap<>();
        series.put("naive", new TreeMap<>(Map.of(1, 3000.0, 8, 9000.0)));
        JFreeChart chart = StrategyPlots.lines("t", "s", "y", series, StrategyPlots.Scale.AUTO);
        NumberAxis y = (NumberAxis) chart.getXYPlot().getRangeAxis();
        assertThat(y.getLowerBound()).isLessThan(0).isGreaterThan(-9000 * 0.05);
        assertThat(y.getUpperBound()).isGreaterThan(9000);
    }

    @Test
    void oneThreadCountBecomesBarsInStrategyColours() {
        Map<String, SortedMap<Integer, Double>> series = new TreeMap<>();
        series.put("upsert", new TreeMap<>(Map.of(8, 10.0)));
        series.put("naive", new TreeMap<>(Map.of(8, 30.0)));
        JFreeChart chart = StrategyPlots.lines("t", "s", "y", series, StrategyPlots.Scale.LINEAR);
        CategoryPlot plot = chart.getCategoryPlot();
        assertThat(plot.getDataset().getRowCount()).isEqualTo(2);
        assertThat(plot.getDataset().getRowKey(0).toString()).isEqualTo("naive");
        assertThat(plot.getDataset().getRowKey(1).toString()).isEqualTo("upsert");
        assertThat(plot.getDataset().getColumnCount()).isEqualTo(1);
        assertThat(plot.getDataset().getColumnKey(0).toString()).isEqualTo("8 threads");
        assertThat(plot.getRenderer().getSeriesPaint(0)).isEqualTo(Palette.colorOf("naive"));
    }

    @Test
    void siblingRangeCoversEveryChartAndLogRangesAreWholeDecades() {
        StrategyPlots.YRange log = StrategyPlots.YRange.of(List.of(0.5, 5.0, 50.0, 200.0), StrategyPlots.Scale.LOG);
        assertThat(log).isEqualTo(new StrategyPlots.YRange(0.1, 1000, true));
        StrategyPlots.YRange linear = StrategyPlots.YRange.of(List.of(0.0, 12.0, 90.0), StrategyPlots.Scale.LINEAR);
        assertThat(linear.log()).isFalse();
        assertThat(linear.lower()).isLessThan(0);
        assertThat(linear.upper()).isCloseTo(90 * 1.08, org.assertj.core.data.Offset.offset(1e-9));
        // a zero among the values: no log axis even when asked for one (a log axis has no zero)
        assertThat(StrategyPlots.YRange.of(List.of(0.0, 10.0), StrategyPlots.Scale.LOG).log()).isFalse();
    }

    @Test
    void siblingGoodputChartsShareOneAxisWhateverTheirOwnValues() {
        // a slow server (tens of calls/s) and a fast one (tens of thousands): one axis for both
        List<ThroughputPoint> points = List.of(
                new ThroughputPoint("A (embedded)", "hot", "autocommit", "naive", 1, 30),
                new ThroughputPoint("A (embedded)", "hot", "autocommit", "naive", 2, 45),
                new ThroughputPoint("B (embedded)", "new", "outer-tx", "upsert", 1, 20_000),
                new ThroughputPoint("B (embedded)", "new", "outer-tx", "upsert", 2, 40_000));
        List<ChartWriter.Drawing> drawings = ThroughputChart.drawings(points, "throughput", "Goodput");
        assertThat(drawings).hasSize(2);
        List<String> ranges = drawings.stream().map(d -> {
            var y = d.chart().getXYPlot().getRangeAxis();
            return y.getLowerBound() + ".." + y.getUpperBound();
        }).distinct().toList();
        assertThat(ranges).containsExactly("10.0..100000.0");
    }

    @Test
    void siblingLatencyAndAnomalyChartsShareOneAxis() {
        List<io.github.gocbench.results.RunResult> runs = SampleResults.all();
        List<String> latency = LatencyChart.drawings(runs).stream()
                .map(d -> d.chart().getCategoryPlot().getRangeAxis().getRange().toString()).distinct().toList();
        assertThat(LatencyChart.drawings(runs)).hasSizeGreaterThan(1);
        assertThat(latency).hasSize(1);
        // race charts: one axis (PostgreSQL and MariaDB, autocommit and outer-tx)
        List<ChartWriter.Drawing> race = AnomalyChart.drawings(runs).stream()
                .filter(d -> d.id().contains("race")).toList();
        assertThat(race).hasSizeGreaterThan(1);
        assertThat(race.stream().map(d -> d.chart().getXYPlot().getRangeAxis().getRange().toString()).distinct())
                .hasSize(1);
    }

    @Test
    void barValuesAreWrittenCompactly() {
        assertThat(StrategyPlots.compact(0)).isEqualTo("0");
        assertThat(StrategyPlots.compact(0.00784)).isEqualTo("0.0078");
        assertThat(StrategyPlots.compact(1.449)).isEqualTo("1.4");
        assertThat(StrategyPlots.compact(73.2)).isEqualTo("73");
        assertThat(StrategyPlots.compact(940.4)).isEqualTo("940");
        assertThat(StrategyPlots.compact(2712)).isEqualTo("2.7k");
        assertThat(StrategyPlots.compact(94_211)).isEqualTo("94k");
        assertThat(StrategyPlots.compact(123_456)).isEqualTo("123k");
        assertThat(StrategyPlots.compact(999.7)).isEqualTo("1k");
        assertThat(StrategyPlots.compact(1_250_000)).isEqualTo("1.3M");
    }

    @Test
    void everyBarIsLabelledAZeroBarIsAVisibleStubAndAMissingValueNoBar() {
        JFreeChart chart = StrategyPlots.bars("t", "s", "threads", "anomalous calls (%)",
                List.of("naive", "upsert", "transactional"), List.of("8 threads"),
                (s, c) -> s.equals("naive") ? Double.valueOf(40) : s.equals("upsert") ? Double.valueOf(0) : null,
                StrategyPlots.Scale.LINEAR);
        CategoryPlot plot = chart.getCategoryPlot();
        var labels = plot.getRenderer().getDefaultItemLabelGenerator();
        assertThat(plot.getRenderer().getDefaultItemLabelsVisible()).isTrue();
        assertThat(labels.generateLabel(plot.getDataset(), 0, 0)).isEqualTo("40");   // naive
        assertThat(labels.generateLabel(plot.getDataset(), 1, 0)).isNull();          // transactional: not measured
        assertThat(labels.generateLabel(plot.getDataset(), 2, 0)).isEqualTo("0");    // upsert: measured zero
        assertThat(chart.getSubtitle(0).toString()).isNotNull();
        assertThat(((org.jfree.chart.title.TextTitle) chart.getSubtitle(0)).getText()).contains("not measured");
        // drawn: the zero bar shows in upsert's colour, the missing one not at all
        chart.removeLegend();
        java.awt.image.BufferedImage img = chart.createBufferedImage(StrategyPlots.WIDTH, StrategyPlots.HEIGHT);
        assertThat(pixels(img, Palette.colorOf("upsert"))).isGreaterThan(0);
        assertThat(pixels(img, Palette.colorOf("transactional"))).isZero();
    }

    @Test
    void aSmallRateBesideLargeOnesIsWrittenOutAndLabelsDoNotOverprint() {
        assertThat(StrategyPlots.smallValueLabel(0.0078, 97, "%")).isEqualTo("0.0078%");
        assertThat(StrategyPlots.smallValueLabel(40, 97, "%")).isNull();  // readable from the axis
        assertThat(StrategyPlots.smallValueLabel(0, 97, "%")).isNull();   // zero sits on the baseline
        double[] ys = StrategyPlots.labelHeights(new double[] {0.1, 0.12, 1.3}, 4);
        assertThat(ys[1] - ys[0]).isGreaterThanOrEqualTo(4);
        assertThat(ys[2] - ys[1]).isGreaterThanOrEqualTo(4);
        Map<String, SortedMap<Integer, Double>> series = new TreeMap<>();
        series.put("naive", new TreeMap<>(Map.of(2, 90.0, 4, 91.0)));
        series.put("upsert-cte", new TreeMap<>(Map.of(2, 0.12, 4, 50.0)));
        series.put("merge", new TreeMap<>(Map.of(2, 1.3, 4, 50.0)));
        JFreeChart chart = StrategyPlots.lines("t", "s", "y (%)", "%", series,
                StrategyPlots.YRange.of(List.of(0.0, 91.0), StrategyPlots.Scale.LINEAR));
        List<String> texts = chart.getXYPlot().getAnnotations().stream()
                .map(a -> ((org.jfree.chart.annotations.XYTextAnnotation) a).getText()).toList();
        assertThat(texts).containsExactlyInAnyOrder("0.12%", "1.3%");
    }

    @Test
    void unsafeStrategiesAreDashedAndOnlyThey() {
        Map<String, SortedMap<Integer, StrategyPlots.Spread>> series = new TreeMap<>();
        for (String s : Palette.KNOWN_STRATEGIES) {
            series.put(s, new TreeMap<>(Map.of(1, new StrategyPlots.Spread(100, 90, 110, false),
                    2, new StrategyPlots.Spread(200, 190, 210, false))));
        }
        JFreeChart chart = StrategyPlots.spreadLines("t", "s", "y", series, java.util.Set.of("naive", "merge"));
        var r = chart.getXYPlot().getRenderer();
        List<String> ordered = Palette.KNOWN_STRATEGIES;
        for (int i = 0; i < ordered.size(); i++) {
            float[] dash = ((java.awt.BasicStroke) r.getSeriesStroke(i)).getDashArray();
            boolean unsafe = ordered.get(i).equals("naive") || ordered.get(i).equals("merge");
            assertThat(dash != null).as(ordered.get(i)).isEqualTo(unsafe);
        }
    }

    private static long pixels(java.awt.image.BufferedImage img, java.awt.Color c) {
        long n = 0;
        for (int x = 0; x < img.getWidth(); x++) {
            for (int y = 0; y < img.getHeight(); y++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) == (c.getRGB() & 0xFFFFFF)) {
                    n++;
                }
            }
        }
        return n;
    }

    private static double unit(double rough) {
        return StrategyPlots.niceTickUnit(rough).getSize();
    }

    private static String label(double rough, double value) {
        NumberTickUnit u = StrategyPlots.niceTickUnit(rough);
        return u.valueToString(value);
    }
}
