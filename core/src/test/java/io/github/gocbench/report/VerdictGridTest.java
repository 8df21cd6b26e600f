package io.github.gocbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gocbench.outcome.Verdict;
import io.github.gocbench.results.RunResult;
import io.github.gocbench.results.WorkloadKind;
import io.github.gocbench.strategy.Conditions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictGridTest {

    private static final Conditions OUTER_TX = new Conditions(null, true, true, false, 0.0);
    private static final VerdictGrid.Column PG_AUTO = new VerdictGrid.Column("PostgreSQL 17.6 (embedded)",
            Conditions.DEFAULT);
    private static final VerdictGrid.Column PG_OUTER = new VerdictGrid.Column("PostgreSQL 17.6 (embedded)", OUTER_TX);
    private static final VerdictGrid.Column MARIA_OUTER = new VerdictGrid.Column("MariaDB 11.4.5 (embedded)", OUTER_TX);

    @Test
    void longCellsBreakIntoTwoLinesThatFitTheirColumnAndHeadersSetTheWidth() {
        java.awt.Font f = new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 13);
        double room = VerdictGrid.CELL_WIDTH - VerdictGrid.CELL_PADDING;
        assertThat(VerdictGrid.cellLines("dup 72%", f, room)).containsExactly("dup 72%");
        List<String> two = VerdictGrid.cellLines("duprows, doublecreate, idmismatch 100%", f, room);
        assertThat(two).containsExactly("duprows, doublecreate,", "idmismatch 100%");
        two.forEach(line -> assertThat(VerdictGrid.textWidth(line, f)).as(line).isLessThanOrEqualTo(room));
        // the widest header fits its column, so the axis does not drop it as overlapping
        VerdictGrid g = VerdictGrid.of(SampleResults.all());
        java.awt.Font header = new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 13);
        double widest = g.columns().stream().mapToDouble(c -> VerdictGrid.textWidth(c.label(), header)).max()
                .orElseThrow();
        assertThat((double) g.columnWidth()).isGreaterThan(widest);
    }

    @Test
    void rowsInDesignOrderColumnsPerServerAndCondition() {
        VerdictGrid g = VerdictGrid.of(SampleResults.all());
        assertThat(g.strategies()).containsExactly("naive", "transactional", "upsert");
        assertThat(g.columns()).extracting(VerdictGrid.Column::label).containsExactly(
                "MariaDB 11.4.5 · autocommit", "MariaDB 11.4.5 · outer-tx",
                "PostgreSQL 17.6 · autocommit", "PostgreSQL 17.6 · outer-tx");
    }

    @Test
    void cellsShowSafeOrTheAnomaliesSeenAcrossRaceAndSteadyRuns() {
        VerdictGrid g = VerdictGrid.of(SampleResults.all());
        // SAFE carries its evidence: the 95 % bound over the cell's race rounds
        assertThat(g.cell("upsert", PG_AUTO).text()).isEqualTo("✓ <0.20%");
        assertThat(g.cell("upsert", PG_AUTO).runs()).isEqualTo(3 + 8); // 3 race + 2 keys × 4 thread counts
        assertThat(g.cell("transactional", PG_OUTER).text()).startsWith("notfound ").endsWith("%");
        assertThat(g.cell("naive", MARIA_OUTER).anomalies()).containsExactly("dup", "idmismatch");
        assertThat(g.cell("merge", PG_AUTO).text()).isEqualTo("–");
        assertThat(g.cell("merge", PG_AUTO).safe()).isFalse();
    }

    @Test
    void incompleteRunsAreMarkedAndUnsafeVerdictWithoutCountsStillShows() {
        List<RunResult> rs = new ArrayList<>();
        RunResult ok = SampleResults.race().stream().filter(r -> r.config().strategy().equals("upsert")).findFirst()
                .get();
        rs.add(copy(ok, ok.verdict(), false, "deadline reached"));
        rs.add(copy(ok, Verdict.UNSAFE, true, null));
        VerdictGrid g = VerdictGrid.of(rs);
        VerdictGrid.Column col = g.columns().get(0);
        assertThat(g.cell("upsert", col).text()).isEqualTo("unsafe *");
        assertThat(g.anyIncomplete()).isTrue();
        assertThat(g.toMarkdown()).contains("| `upsert` | unsafe * |");
        // a run cut short without an anomaly is inconclusive, never a ✓
        List<RunResult> cut = List.of(copy(ok, Verdict.INCONCLUSIVE, false, "deadline reached"));
        assertThat(VerdictGrid.of(cut).cell("upsert", col).text()).matches("\\? 0/\\d+ \\*");
        assertThat(VerdictGrid.of(cut).cell("upsert", col).safe()).isFalse();
    }

    @Test
    void markdownAndHtmlEscapeWhatTheyMust() {
        RunResult r = SampleResults.race().get(0);
        RunResult odd = new RunResult(r.tool(), r.toolVersion(), r.time(), r.host(), r.target(),
                new RunResult.ConfigInfo("a|b<c>", WorkloadKind.RACE, 2, 10, null, null, null, Conditions.DEFAULT),
                r.totals(), r.outcomes(), r.invariants(), r.latencyMicros(), 0, r.race(), r.verdict(), null, true,
                null);
        VerdictGrid g = VerdictGrid.of(List.of(odd));
        assertThat(g.toHtml()).contains("<code>a|b&lt;c&gt;</code>").doesNotContain("<c>");
        assertThat(g.toMarkdown()).contains("`a\\|b<c>`");
        assertThat(g.toMarkdown().lines().skip(2).findFirst().get().split("(?<!\\\\)\\|")).hasSize(3);
    }

    private static RunResult copy(RunResult r, Verdict v, boolean complete, String note) {
        return new RunResult(r.tool(), r.toolVersion(), r.time(), r.host(), r.target(), r.config(), r.totals(),
                r.outcomes(), r.invariants(), r.latencyMicros(), r.retries(), r.race(), v, r.firstAnomaly(), complete,
                note);
    }
}
