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

    private static double unit(double rough) {
        return StrategyPlots.niceTickUnit(rough).getSize();
    }

    private static String label(double rough, double value) {
        NumberTickUnit u = StrategyPlots.niceTickUnit(rough);
        return u.valueToString(value);
    }
}
