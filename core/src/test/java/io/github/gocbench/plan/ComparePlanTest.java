package io.github.gocbench.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gocbench.dialect.DbFamily;
import io.github.gocbench.dialect.Dialects;
import io.github.gocbench.engine.Bounds;
import io.github.gocbench.engine.Workload;
import io.github.gocbench.server.TargetSpec;
import io.github.gocbench.strategy.StrategyDef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The compare plan's shape and its time estimate, from plain values (nothing runs). */
class ComparePlanTest {

    private static List<ComparePlan.Server> servers(int strategies) {
        List<ComparePlan.Server> s = new ArrayList<>();
        for (DbFamily f : List.of(DbFamily.POSTGRES, DbFamily.MARIADB)) {
            List<StrategyDef> all = Dialects.of(f).strategies();
            List<StrategyDef> defs = new ArrayList<>();
            for (int i = 0; i < strategies; i++) {
                defs.add(all.get(i % all.size()));
            }
            s.add(new ComparePlan.Server(TargetSpec.of(f), defs));
        }
        return s;
    }

    private static long estimateMs(ComparePlan.Mode mode, int strategiesPerServer) {
        List<ComparePlan.Server> servers = servers(strategiesPerServer);
        ComparePlan.Sizes sizes = ComparePlan.sizes(mode, servers);
        return new Sweep(ComparePlan.steps(mode, sizes, mode.raceRounds(), servers, Bounds.DEFAULT)).remainingFrom(0);
    }

    @Test
    void thoroughRunOfThreeStrategiesOnTwoServersIsPlannedAtAboutTenMinutes() {
        assertThat(Duration.ofMillis(estimateMs(ComparePlan.Mode.THOROUGH, 3)))
                .isBetween(Duration.ofMinutes(9), Duration.ofMinutes(11));
        ComparePlan.Sizes s = ComparePlan.sizes(ComparePlan.Mode.THOROUGH, servers(3));
        assertThat(s.steady()).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(5));
        assertThat(s.raceBudget()).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(6));
    }

    @Test
    void quickRunIsPlannedAtAboutTwoMinutes() {
        assertThat(Duration.ofMillis(estimateMs(ComparePlan.Mode.QUICK, 3)))
                .isBetween(Duration.ofSeconds(60), Duration.ofSeconds(150));
    }

    @Test
    void moreStrategiesShortenEachRunButNeverBelowTheFloors() {
        ComparePlan.Sizes many = ComparePlan.sizes(ComparePlan.Mode.THOROUGH, servers(10));
        assertThat(many.steady()).isEqualTo(ComparePlan.MIN_STEADY);
        assertThat(many.warmup()).isGreaterThanOrEqualTo(ComparePlan.MIN_WARMUP);
        assertThat(many.raceBudget()).isBetween(ComparePlan.MIN_RACE_BUDGET, Duration.ofSeconds(2));
        // the full catalogue (11 + 9 strategies) stays within about 20 minutes
        assertThat(Duration.ofMillis(estimateMs(ComparePlan.Mode.THOROUGH, 10)))
                .isLessThan(Duration.ofMinutes(21));
    }

    @Test
    void eachStrategyRacesFewestThreadsFirstWithTheOuterTxVerdictAtEight() {
        List<ComparePlan.Server> servers = servers(3);
        ComparePlan.Sizes sizes = ComparePlan.sizes(ComparePlan.Mode.THOROUGH, servers);
        List<Sweep.Step> steps = ComparePlan.steps(ComparePlan.Mode.THOROUGH, sizes, 1000, servers, Bounds.DEFAULT);
        List<String> firstStrategy = steps.stream()
                .filter(s -> s.config().workload() instanceof Workload.Race)
                .filter(s -> s.target().family() == DbFamily.POSTGRES && s.config().strategy().equals("naive"))
                .map(s -> s.config().workload().threads() + (s.config().conditions().outerTx() ? "o" : "")
                        + (s.config().conditions().sideEffect() ? "s" : "") + (s.config().conditions().unique() ? "" : "n"))
                .toList();
        // at 8 threads also --side-effect and --no-unique: invariants that can fire only there
        assertThat(firstStrategy).containsExactly("2", "4", "8", "8o", "8s", "8n", "16");
        assertThat(steps).filteredOn(s -> s.config().workload() instanceof Workload.Race)
                .allSatisfy(s -> assertThat(s.raceBudget()).isEqualTo(sizes.raceBudget()));
        // per server: 3 x 7 races + 3 x 2 keys x 5 thread counts
        assertThat(steps).hasSize(2 * (21 + 30));
    }
}
