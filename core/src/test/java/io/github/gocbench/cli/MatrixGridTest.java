package io.github.gocbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gocbench.outcome.Invariant;
import io.github.gocbench.outcome.Outcome;
import io.github.gocbench.outcome.Verdict;
import io.github.gocbench.plan.MatrixPlan;
import io.github.gocbench.results.ResultsWriter;
import io.github.gocbench.results.RunResult;
import io.github.gocbench.results.WorkloadKind;
import io.github.gocbench.server.TargetInfo;
import io.github.gocbench.strategy.Conditions;
import io.github.gocbench.strategy.Isolation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The matrix layout (columns, labels, cells) and its files, from plain values. */
class MatrixGridTest {

    private static RunResult race(String strategy, String isolation, boolean outerTx, double churn,
                                  Map<Outcome, Long> outcomes, Map<Invariant, Long> invariants, boolean complete) {
        boolean unsafe = outcomes.entrySet().stream().anyMatch(e -> e.getKey().isAnomaly() && e.getValue() > 0)
                || invariants.values().stream().anyMatch(v -> v > 0);
        return new RunResult("goc-bench", "test", Instant.EPOCH, null, null,
                new RunResult.ConfigInfo(strategy, WorkloadKind.RACE, 8, 10, null, null, null,
                        new Conditions(Isolation.parse(isolation), outerTx, true, false, churn)),
                new RunResult.Totals(80, 1.0, 80.0), outcomes, invariants, null, 0,
                new RunResult.RaceFigures(10, unsafe ? 4 : 0, unsafe ? 0.4 : 0),
                unsafe ? Verdict.UNSAFE : complete ? Verdict.SAFE : Verdict.INCONCLUSIVE, null, complete,
                complete ? null : "deadline");
    }

    @Test
    void columnsAreGroupedByIsolationThenTransactionThenChurn() {
        List<String> labels = MatrixPlan.allColumns().stream().map(MatrixPlan.Column::label).toList();
        assertThat(labels).containsExactly(
                "RC", "RC churn", "RC+tx", "RC+tx churn",
                "RR", "RR churn", "RR+tx", "RR+tx churn",
                "SER", "SER churn", "SER+tx", "SER+tx churn");
        MatrixPlan.Column c = MatrixPlan.allColumns().get(3);
        assertThat(c.conditions().isolation()).isEqualTo(Isolation.READ_COMMITTED);
        assertThat(c.conditions().outerTx()).isTrue();
        assertThat(c.conditions().churn()).isEqualTo(1.0);
        assertThat(c.conditions().unique()).isTrue();
    }

    @Test
    void columnSubsetKeepsGridOrderAndRejectsUnknownLabels() {
        assertThat(MatrixPlan.columns("ser+tx churn, rc").stream().map(MatrixPlan.Column::label))
                .containsExactly("RC", "SER+tx churn");
        assertThatThrownBy(() -> MatrixPlan.columns("RC,XX")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("XX");
    }

    @Test
    void cellsShowSafeMarkAnomalyShortNamesNotRunAndIncomplete() {
        List<MatrixPlan.Column> cols = MatrixPlan.columns("RC,RC+tx,RR");
        List<RunResult> rs = List.of(
                race("naive", "read-committed", false, 0, Map.of(Outcome.DUPLICATE_KEY, 5L), Map.of(), true),
                race("naive", "read-committed", true, 0,
                        Map.of(Outcome.DUPLICATE_KEY, 2L, Outcome.SERIALIZATION_FAILURE, 1L),
                        Map.of(Invariant.DOUBLE_CREATE, 1L), true),
                race("transactional", "read-committed", false, 0, Map.of(Outcome.CREATED, 10L), Map.of(), true),
                race("transactional", "read-committed", true, 0, Map.of(), Map.of(), false),
                // churn run: must not fall into the plain RC column
                race("transactional", "read-committed", false, 1.0, Map.of(Outcome.NOT_FOUND_AFTER_CONFLICT, 3L),
                        Map.of(), true));
        MatrixGrid g = new MatrixGrid(List.of("naive", "transactional"), cols, rs);

        // UNSAFE: the anomalies and the share of rounds that saw one
        assertThat(g.cell("naive", cols.get(0))).isEqualTo("dup 40%");
        assertThat(g.cell("naive", cols.get(1))).isEqualTo("dup, serial, doublecreate 40%");
        // SAFE: with the 95 % bound 10 anomaly-free rounds give (1 - 0.05^(1/10) = 26 %)
        assertThat(g.cell("transactional", cols.get(0))).isEqualTo("✓ <26%");
        // cut short without an anomaly: inconclusive, not ✓
        assertThat(g.cell("transactional", cols.get(1))).isEqualTo("? 0/10 *");
        assertThat(g.cell("naive", cols.get(2))).isEqualTo("–");

        List<String> md = g.markdown().lines().toList();
        assertThat(md.get(0)).matches("\\| strategy +\\| RC +\\| RC\\+tx +\\| RR +\\|");
        assertThat(md.get(2)).startsWith("| naive ").contains("| dup 40% ");
        assertThat(md.get(3)).startsWith("| transactional ").contains("| ✓ <26% ");
        assertThat(md).hasSize(4);
    }

    @Test
    void filesAreNeverOverwritten(@TempDir Path dir) throws IOException {
        List<RunResult> rs = List.of(race("naive", "serializable", false, 0, Map.of(), Map.of(), true));
        MatrixFiles.Written first = MatrixFiles.write(dir, "# one\n", null, rs);
        MatrixFiles.Written second = MatrixFiles.write(dir, "# two\n", null, rs);
        assertThat(first.markdown().getFileName().toString()).isEqualTo("matrix.md");
        assertThat(second.markdown().getFileName().toString()).isEqualTo("matrix-2.md");
        assertThat(second.json().getFileName().toString()).isEqualTo("matrix-2.json");
        assertThat(Files.readString(first.markdown())).isEqualTo("# one\n");
        assertThat(ResultsWriter.readJson(second.json())).hasSize(1);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).allMatch(n -> n.startsWith("matrix"));
        }
    }

    @Test
    void serverSlugIsAFolderName() {
        assertThat(TargetInfo.shortVersion("10.11.19-MariaDB-0+deb12u1")).isEqualTo("10.11.19");
        assertThat(MatrixFiles.slug(new io.github.gocbench.server.TargetInfo(
                io.github.gocbench.dialect.DbFamily.MARIADB, "MariaDB", "10.11.19-MariaDB-0+deb12u1",
                io.github.gocbench.server.Provision.URL, "jdbc:mysql://x", Map.of())))
                .isEqualTo("mariadb-10.11.19-url");
    }
}
