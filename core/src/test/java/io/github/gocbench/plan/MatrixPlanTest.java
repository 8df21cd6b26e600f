package io.github.gocbench.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gocbench.dialect.DbFamily;
import io.github.gocbench.engine.Workload;
import io.github.gocbench.server.Dialects;
import io.github.gocbench.server.TargetSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The matrix's races as planned before any server is open, from plain values (nothing runs). */
class MatrixPlanTest {

    @Test
    void plansEachStrategyInEachColumnOncePerAssumedVariantOfEachServer() {
        List<MatrixPlan.Server> servers = List.of(
                new MatrixPlan.Server(TargetSpec.of(DbFamily.POSTGRES),
                        Dialects.of(DbFamily.POSTGRES).strategies().subList(0, 2)),
                new MatrixPlan.Server(TargetSpec.of(DbFamily.MARIADB),
                        Dialects.of(DbFamily.MARIADB).strategies().subList(0, 3)));
        List<MatrixPlan.Column> columns = MatrixPlan.columns("RC,RR+tx");

        List<Sweep.Step> steps = MatrixPlan.steps(servers, columns, 40);

        // PostgreSQL: 2 strategies x 2 columns; MariaDB: 3 x 2, with innodb_snapshot_isolation OFF and ON
        assertThat(steps).hasSize(2 * 2 + 3 * 2 * 2);
        assertThat(steps.subList(0, 4)).allSatisfy(s -> {
            assertThat(s.target().family()).isEqualTo(DbFamily.POSTGRES);
            assertThat(s.variant()).isEqualTo(Sweep.Variant.PLAIN);
        });
        assertThat(steps.subList(4, 16)).extracting(s -> s.variant().title()).containsExactly(
                "innodb_snapshot_isolation=OFF", "innodb_snapshot_isolation=OFF", "innodb_snapshot_isolation=OFF",
                "innodb_snapshot_isolation=OFF", "innodb_snapshot_isolation=OFF", "innodb_snapshot_isolation=OFF",
                "innodb_snapshot_isolation=ON", "innodb_snapshot_isolation=ON", "innodb_snapshot_isolation=ON",
                "innodb_snapshot_isolation=ON", "innodb_snapshot_isolation=ON", "innodb_snapshot_isolation=ON");
        assertThat(steps.subList(0, 4)).extracting(s -> s.config().strategy() + " "
                + columns.stream().filter(c -> c.conditions().equals(s.config().conditions())).findFirst()
                        .orElseThrow().label())
                .containsExactly(
                        servers.get(0).strategies().get(0).id() + " RC", servers.get(0).strategies().get(0).id() + " RR+tx",
                        servers.get(0).strategies().get(1).id() + " RC", servers.get(0).strategies().get(1).id() + " RR+tx");
        assertThat(steps).allSatisfy(s -> {
            assertThat(s.config().workload()).isEqualTo(new Workload.Race(MatrixPlan.THREADS, 40));
            assertThat(s.config().bounds()).isEqualTo(MatrixPlan.BOUNDS);
            assertThat(s.raceBudget()).isNull();
        });
    }
}
