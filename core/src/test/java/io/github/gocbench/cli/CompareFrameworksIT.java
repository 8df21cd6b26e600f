package io.github.gocbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gocbench.outcome.Outcome;
import io.github.gocbench.results.ResultsWriter;
import io.github.gocbench.results.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code goc compare --frameworks} on both embedded servers, shrunk with the hidden size overrides
 * (races of at most 30 rounds in a 300 ms budget, steady runs of 300 ms) and one replay: it runs
 * the framework replays, autocommit and inside an outer transaction at 8 threads, with evidence and
 * goodput in every run. {@code rails-7.0} has no rescue, so with 8 callers released together per
 * round its DUPLICATE_KEY shows up in the autocommit race (about 8 rounds in 10 in the committed
 * grid; 30 rounds here).
 */
class CompareFrameworksIT {

    private static final List<String> IDS = List.of("rails-7.0");

    @TempDir
    static Path out;

    private static GocCliIT.Run compare;
    private static List<RunResult> runs;

    @BeforeAll
    static void runCompare() throws IOException {
        compare = GocCliIT.goc("compare", "--frameworks", "--quick", "--db", "postgres,mariadb",
                "--strategy", String.join(",", IDS), "--out", out.toString(),
                "--rounds", "30", "--race-budget", "300ms", "--duration", "300ms", "--warmup", "100ms");
        Path latest = out.resolve("latest");
        runs = Files.isDirectory(latest) ? ResultsWriter.readJson(latest.toRealPath().resolve("results.json")) : List.of();
    }

    @Test
    void racesEveryReplayOnBothServersInAutocommitAndAnOuterTransactionWithEvidenceAndGoodput() {
        assertThat(compare.exit()).as(compare.err()).isZero();
        assertThat(runs).extracting(r -> r.config().strategy()).containsOnlyElementsOf(IDS);
        for (String db : List.of("POSTGRES", "MARIADB")) {
            for (String id : IDS) {
                List<RunResult> mine = runs.stream().filter(r -> r.target().family().name().equals(db)
                        && r.config().strategy().equals(id)).toList();
                assertThat(mine).as(db + " " + id).anyMatch(r -> r.race() != null && r.config().threads() == 8
                                && !r.config().conditions().outerTx() && r.config().conditions().unique())
                        .anyMatch(r -> r.race() != null && r.config().threads() == 8 && r.config().conditions().outerTx())
                        .anyMatch(r -> r.race() == null);
                assertThat(mine.stream().filter(r -> r.race() != null)).as(db + " " + id + " evidence")
                        .allSatisfy(r -> {
                            assertThat(r.evidence()).isNotNull();
                            assertThat(r.evidence().trials()).isPositive();
                            assertThat(r.evidence().upperBound95()).isBetween(0.0, 1.0);
                        });
                // churn runs delete the key under the callers: a short one may end before any call
                assertThat(mine.stream().filter(r -> r.race() == null && r.config().conditions().churn() == 0.0))
                        .as(db + " " + id + " goodput").isNotEmpty()
                        .allSatisfy(r -> assertThat(r.totals().goodputPerSecond()).isPositive());
            }
        }
    }

    @Test
    void rails70WithoutRescueLosesTheRaceWithDuplicateKey() {
        for (String db : List.of("POSTGRES", "MARIADB")) {
            RunResult race = runs.stream().filter(r -> r.target().family().name().equals(db)
                    && r.config().strategy().equals("rails-7.0") && r.race() != null && r.config().threads() == 8
                    && !r.config().conditions().outerTx() && r.config().conditions().unique()
                    && !r.config().conditions().sideEffect()).findFirst().orElseThrow();
            assertThat(race.outcomes().get(Outcome.DUPLICATE_KEY)).as(db).isPositive();
        }
    }

    @Test
    void aStrategyOfItsOwnIsRefusedInOneLine(@TempDir Path dir) {
        GocCliIT.Run r = GocCliIT.goc("compare", "--frameworks", "--db", "postgres", "--strategy", "naive",
                "--out", dir.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.errLines().get(0)).contains("'naive' is a strategy of its own").doesNotContain("Exception");
    }
}
