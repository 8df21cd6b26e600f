package io.github.gocbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gocbench.results.CallCost;
import io.github.gocbench.results.RunResult;
import io.github.gocbench.results.WorkloadKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's cost chart over plain values: its bars, labels, and unavailable figures drawn as absent, not 0. */
class CostChartTest {

    private static final String DISABLED = "disabled by --no-cost";

    /** A steady hit-heavy run on PostgreSQL 17.6 at 4 threads, 100 successful calls. */
    private static RunResult run(String strategy, int threads, CallCost.Figure... figures) {
        RunResult base = SampleResults.result(SampleResults.POSTGRES, strategy, WorkloadKind.STEADY, threads, "hotset:1000",
                false, 100, 1, 0, 0, new RunResult.Latency(1, 2, 3, 4, 5), null);
        return base.withCost(new CallCost("measured", 100, false, null, List.of(figures), Map.of("0", 100L)));
    }

    private static CallCost.Figure of(String name, double perCall) {
        return CallCost.Figure.of(name, "n", perCall * 100, 100, false, "test");
    }

    private static CallCost.Figure na(String name, String why) {
        return CallCost.Figure.unavailable(name, "n", true, "test", why);
    }

    private static List<RunResult> sample() {
        return List.of(
                run("upsert", 4, of("statements", 2), of("round_trips", 2), of("xids", 1), of("dead_tuples_made", 0),
                        of("ids_consumed", 1), of("ids_burned", 1), of("wal_bytes", 80), of("table_bytes", 0),
                        of("index_bytes", 0)),
                run("upsert-do-update", 4, of("statements", 1), of("round_trips", 1), of("xids", 1),
                        of("dead_tuples_made", 1), of("ids_consumed", 1), of("ids_burned", 1), of("wal_bytes", 150),
                        of("table_bytes", 8), of("index_bytes", 0)),
                // the server-side figures switched off: statements and round trips still counted on the socket
                run("transactional", 4, of("statements", 3), of("round_trips", 3), na("xids", DISABLED),
                        na("dead_tuples_made", DISABLED), na("ids_consumed", DISABLED), na("ids_burned", DISABLED),
                        na("wal_bytes", DISABLED), na("table_bytes", DISABLED), na("index_bytes", DISABLED)),
                // a lower thread count: not drawn (the chart is at the most threads)
                run("upsert", 1, of("statements", 9), of("round_trips", 9)));
    }

    private static ChartWriter.Drawing drawing(String idPrefix) {
        return CostChart.drawings(sample()).stream().filter(d -> d.id().startsWith(idPrefix + "-postgresql"))
                .findFirst().orElseThrow();
    }

    private static CategoryDataset data(JFreeChart chart) {
        return ((CategoryPlot) chart.getPlot()).getDataset();
    }

    @Test
    void oneCountChartAndOneBytesChartPerWorkloadWithATitleNamingServerWorkloadAndSituation() {
        List<ChartWriter.Drawing> ds = CostChart.drawings(sample());
        assertThat(ds).extracting(ChartWriter.Drawing::id).containsExactly(
                "cost-postgresql-17-6-embedded-keys-hotset-1000-autocommit",
                "cost-bytes-postgresql-17-6-embedded-keys-hotset-1000-autocommit");
        assertThat(ds).allSatisfy(d -> assertThat(d.kind()).isEqualTo(ChartKind.COST));
        assertThat(ds.get(0).title()).isEqualTo("Cost per call — PostgreSQL 17.6 · hit-heavy · autocommit");
        assertThat(ds.get(1).title()).isEqualTo("Bytes per call — PostgreSQL 17.6 · hit-heavy · autocommit");
        CategoryPlot plot = (CategoryPlot) ds.get(0).chart().getPlot();
        assertThat(plot.getRangeAxis().getLabel()).isEqualTo("per successful call (count)");
        assertThat(((CategoryPlot) ds.get(1).chart().getPlot()).getRangeAxis().getLabel())
                .isEqualTo("bytes per successful call");
        assertThat(ds.get(0).caption()).contains("at 4 threads").contains(DISABLED);
    }

    @Test
    void aBarPerStrategyAndMetricInThePaletteLookAtTheMostThreads() {
        JFreeChart chart = drawing("cost").chart();
        CategoryDataset d = data(chart);
        assertThat(d.getRowKeys()).containsExactly("transactional", "upsert", "upsert-do-update");
        assertThat(d.getColumnKeys()).containsExactly("statements", "round trips", "xids ⁂ (some n/a)",
                "dead tuples made (some n/a)", "ids consumed (some n/a)", "ids burned (some n/a)");
        assertThat(d.getValue("upsert", "statements").doubleValue()).as("the 4-thread run, not the 1-thread one")
                .isEqualTo(2.0);
        assertThat(d.getValue("upsert-do-update", "dead tuples made (some n/a)").doubleValue()).isEqualTo(1.0);
        assertThat(d.getValue("upsert", "dead tuples made (some n/a)").doubleValue())
                .as("a measured zero is a zero").isEqualTo(0.0);
        assertThat(d.getValue("transactional", "statements").doubleValue()).isEqualTo(3.0);
        CategoryPlot plot = (CategoryPlot) chart.getPlot();
        for (int i = 0; i < d.getRowCount(); i++) {
            assertThat(plot.getRenderer().getSeriesPaint(i)).isEqualTo(Palette.colorOf((String) d.getRowKey(i)));
        }
        JFreeChart bytes = drawing("cost-bytes").chart();
        assertThat(data(bytes).getValue("upsert-do-update", "table + index growth (some n/a)").doubleValue())
                .as("table_bytes + index_bytes").isEqualTo(8.0);
        assertThat(data(bytes).getValue("upsert-do-update", "WAL ⁂ (some n/a)").doubleValue()).isEqualTo(150.0);
    }

    @Test
    void anUnavailableFigureIsNoBarNotAZeroAndTheChartSaysWhy() {
        JFreeChart chart = drawing("cost").chart();
        CategoryDataset d = data(chart);
        for (Object column : d.getColumnKeys()) {
            if (!column.equals("statements") && !column.equals("round trips")) {
                assertThat(d.getValue("transactional", (String) column)).as("%s", column).isNull();
            }
        }
        List<String> notes = new ArrayList<>();
        for (Object t : chart.getSubtitles()) {
            if (t instanceof TextTitle tt) {
                notes.add(tt.getText());
            }
        }
        assertThat(notes).anyMatch(n -> n.contains("n/a, not drawn — xids ⁂: " + DISABLED + " (transactional)"));
        // all strategies unavailable: the category says so
        List<RunResult> allOff = List.of(run("upsert", 2, of("statements", 2), of("round_trips", 2),
                na("wal_bytes", DISABLED), na("table_bytes", DISABLED), na("index_bytes", DISABLED)));
        CategoryDataset bytes = data(CostChart.drawings(allOff).get(1).chart());
        assertThat(bytes.getColumnKeys()).containsExactly("WAL ⁂ (n/a)", "table + index growth (n/a)");
        assertThat(bytes.getValue("upsert", "WAL ⁂ (n/a)")).isNull();
    }

    @Test
    void theSvgCarriesTitleStrategiesAndTheReason(@TempDir Path dir) throws Exception {
        RenderedChart c = ChartWriter.write(drawing("cost"), dir);
        List<String> texts = ChartFiles.svgTexts(c.svg());
        assertThat(texts).contains(c.title(), "transactional", "upsert", "upsert-do-update", "statements");
        assertThat(texts).as("no category label cut short").noneMatch(t -> t.endsWith("..."));
        assertThat(String.join("\n", texts)).contains("xids ⁂: " + DISABLED);
        assertThat(c.png()).exists();
    }
}
