package io.github.gocbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gocbench.results.CallCost;
import io.github.gocbench.results.RunResult;
import io.github.gocbench.results.WorkloadKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report's cost table and goc diff's cost section. */
class CostTableTest {

    private static RunResult sample(String strategy, double walPerCall) {
        RunResult base = SampleResults.result(SampleResults.POSTGRES, strategy, WorkloadKind.STEADY, 4, "hot", false, 1000, 10,
                0, 0, new RunResult.Latency(1, 2, 3, 4, 5), null);
        return base.withCost(new CallCost("measured", 100, false, null, List.of(
                CallCost.Figure.of("wal_bytes", "bytes", walPerCall * 100, 100, true, "lsn"),
                CallCost.Figure.unavailable("dead_tuples", "tuples", false, "n_dead_tup", "vacuumed"),
                CallCost.Figure.of("round_trips", "round trips", 200, 100, false, "socket")),
                Map.of("0", 99L, "2", 1L)));
    }

    @Test
    void tableShowsPerCallFiguresAndNaForUnavailable() {
        String md = CostTable.markdown(List.of(sample("upsert-do-update", 120)));
        assertThat(md).startsWith("## Cost per call").contains("| upsert-do-update |").contains("| 120 |")
                .contains("| 2.00 |").contains("n/a").contains("0: 99, 2: 1");
        assertThat(CostTable.markdown(List.of(SampleResults.steady().get(0))))
                .isEmpty();
        assertThat(CostTable.html(List.of(sample("upsert", 1)))).contains("<h2>Cost per call</h2>");
    }

    @Test
    void diffListsChangedFiguresOnly() {
        List<CostDiff.Delta> d = CostDiff.of(List.of(sample("upsert", 100)), List.of(sample("upsert", 150)));
        assertThat(d).singleElement().satisfies(x -> {
            assertThat(x.figure()).isEqualTo("wal_bytes");
            assertThat(x.before()).isEqualTo(100.0);
            assertThat(x.after()).isEqualTo(150.0);
        });
        assertThat(CostDiff.markdown(List.of(sample("upsert", 100)), List.of(sample("upsert", 100))))
                .contains("No per-call cost figure changed");
    }
}
