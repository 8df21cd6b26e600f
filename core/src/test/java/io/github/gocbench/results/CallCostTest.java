package io.github.gocbench.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cost figures survive JSON, and the CSV shows unavailable ones as empty cells, never 0. */
public class CallCostTest {

    @TempDir
    Path dir;

    public static CallCost cost() {
        return new CallCost("measured", 400, false, null, List.of(
                CallCost.Figure.of("wal_bytes", "bytes", 40000, 400, true, "pg_current_wal_lsn()"),
                CallCost.Figure.of("dead_tuples_made", "tuples", 400, 400, false, "n_tup_upd + ..."),
                CallCost.Figure.unavailable("dead_tuples", "tuples", false, "pg_stat_user_tables.n_dead_tup",
                        "the table was vacuumed during the window"),
                CallCost.Figure.of("round_trips", "round trips", 800, 400, false, "socket")),
                Map.of("0", 398L, "1", 2L));
    }

    @Test
    void roundTripsThroughJsonAndFillsItsCsvColumns() throws IOException {
        RunResult r = ResultsWriterTest.sample("upsert-do-update", 0).withCost(cost());
        Path f = dir.resolve("c.json");
        ResultsWriter.writeJson(f, List.of(r));
        RunResult back = ResultsWriter.readJson(f).get(0);
        assertThat(back.cost()).isEqualTo(r.cost());
        assertThat(back.cost().perCall("wal_bytes")).isEqualTo(100.0);
        assertThat(back.cost().figure("dead_tuples").unavailable()).contains("vacuumed");

        List<String> header = ResultsWriter.csvHeader();
        List<String> row = ResultsWriter.csvRow(back);
        assertThat(row.get(header.indexOf("cost_dead_tuples_made_per_call"))).isEqualTo("1.0");
        assertThat(row.get(header.indexOf("cost_round_trips_per_call"))).isEqualTo("2.0");
        assertThat(row.get(header.indexOf("cost_dead_tuples_per_call"))).as("unavailable: empty").isEmpty();
        assertThat(row.get(header.indexOf("cost_successful_calls"))).isEqualTo("400");
    }

    @Test
    void aRunWithoutCostHasEmptyCostCells() {
        RunResult r = ResultsWriterTest.sample("naive", 0);
        List<String> header = ResultsWriter.csvHeader();
        List<String> row = ResultsWriter.csvRow(r);
        assertThat(row).hasSize(header.size());
        assertThat(row.get(header.indexOf("cost_wal_bytes_per_call"))).isEmpty();
    }
}
