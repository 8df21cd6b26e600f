package io.github.gocbench.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gocbench.dialect.DbFamily;
import io.github.gocbench.engine.Bounds;
import io.github.gocbench.engine.Workload;
import io.github.gocbench.server.Dialects;
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
    void thoroughRunOfThreeStrategiesOnTwoServersIsPlannedAtAboutTwentyMinutes() {
        assertThat(Duration.ofMillis(estimateMs(ComparePlan.Mode.THOROUGH, 3)))
                .isBetween(Duration.ofMinutes(18), Duration.ofMinutes(21));
        ComparePlan.Sizes s = ComparePlan.sizes(ComparePlan.Mode.THOROUGH, servers(3));
        assertThat(s.steady()).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(5));
        assertThat(s.raceBudget()).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(10));
    }

    @Test
    void quickRunIsPlannedAtAboutTwoAndAHalfMinutes() {
        assertThat(Duration.ofMillis(estimateMs(ComparePlan.Mode.QUICK, 3)))
                .isBetween(Duration.ofSeconds(60), Duration.ofSeconds(160));
    }

    @Test
    void moreStrategiesShortenEachRunButNeverBelowTheFloors() {
        ComparePlan.Sizes many = ComparePlan.sizes(ComparePlan.Mode.THOROUGH, servers(10));
        assertThat(many.steady()).isEqualTo(ComparePlan.MIN_STEADY);
        assertThat(many.warmup()).isGreaterThanOrEqualTo(ComparePlan.MIN_WARMUP);
        assertThat(many.raceBudget()).isBetween(ComparePlan.MIN_RACE_BUDGET, Duration.ofSeconds(2));
        // the full catalogue (12 + 10 strategies) is estimated at about 20 minutes (the estimate
        // assumes slow connections; measured runs take less)
        assertThat(Duration.ofMillis(estimateMs(ComparePlan.Mode.THOROUGH, 11)))
                .isLessThan(Duration.ofMinutes(23));
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
        // per server: 3 x 7 races + 3 strategies x 3 workloads x 3 thread counts x 3 repeats
        assertThat(steps).hasSize(2 * (21 + 81));
        List<String> steady = steps.stream().filter(s -> s.config().workload() instanceof Workload.Steady st)
                .filter(s -> s.target().family() == DbFamily.POSTGRES && s.config().strategy().equals("naive"))
                .map(s -> ((Workload.Steady) s.config().workload()).keys().text()
                        + (s.config().conditions().churn() > 0 ? "+churn" : "") + "@" + s.config().workload().threads())
                .toList();
        // hit-heavy, create-heavy, the blog's get-or-create then delete; the whole set once per repeat
        List<String> once = List.of("hotset:1000@1", "hotset:1000@2", "hotset:1000@8", "new@1", "new@2", "new@8",
                "hot+churn@1", "hot+churn@2", "hot+churn@8");
        List<String> thrice = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            thrice.addAll(once);
        }
        assertThat(steady).containsExactlyElementsOf(thrice);
    }

    @Test
    void quickRunsEachSteadyPointOnceAndRepeatOverridesIt() {
        List<ComparePlan.Server> servers = servers(2);
        ComparePlan.Mode quick = ComparePlan.Mode.QUICK;
        ComparePlan.Sizes sizes = ComparePlan.sizes(quick, servers);
        long steady = ComparePlan.steps(quick, sizes, 200, servers, Bounds.DEFAULT).stream()
                .filter(s -> s.config().workload() instanceof Workload.Steady).count();
        assertThat(steady).isEqualTo(2 * 2 * 3 * 2);
        long repeated = ComparePlan.steps(quick.withRepeats(2), sizes, 200, servers, Bounds.DEFAULT).stream()
                .filter(s -> s.config().workload() instanceof Workload.Steady).count();
        assertThat(repeated).isEqualTo(2 * steady);
    }
}
