package io.github.gocbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gocbench.dialect.DbFamily;
import io.github.gocbench.results.RunResult;
import io.github.gocbench.server.SnapshotIsolationTarget;
import io.github.gocbench.server.Target;
import io.github.gocbench.server.TargetSpec;
import io.github.gocbench.server.TestTargets;
import io.github.gocbench.strategy.Conditions;
import io.github.gocbench.strategy.Grade;
import io.github.gocbench.strategy.Situation;
import java.sql.SQLException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Grading uses the server's effective settings recorded at run time (audit M9): a MariaDB whose
 * sessions run with {@code innodb_snapshot_isolation} ON (the default from 11.6.2) is not graded
 * against declarations made for OFF, so upsert's 1020s inside an outer REPEATABLE READ transaction
 * are "not declared", not a false FORBIDDEN SEEN; with OFF the same race is graded as declared.
 */
class GradingIT {

    static Stream<Named<TargetSpec>> mariadb() {
        return TestTargets.specs().stream().filter(s -> s.family() != DbFamily.POSTGRES)
                .map(s -> Named.of(TestTargets.name(s), s));
    }

    private static RunResult race(Target t) {
        return Engine.run(t, new RunConfig("upsert", new Workload.Race(8, 100),
                Conditions.of(Situation.OUTER_REPEATABLE_READ), Bounds.DEFAULT), ProgressListener.NONE);
    }

    @ParameterizedTest(name = "{0}: upsert outer-repeatable-read, innodb_snapshot_isolation ON and OFF")
    @MethodSource("mariadb")
    void snapshotIsolationOnIsGradedFromTheRecordedSetting(TargetSpec spec) throws SQLException {
        Target plain = TestTargets.open(spec);
        org.junit.jupiter.api.Assumptions.assumeTrue(SnapshotIsolationTarget.globalValue(plain).isPresent(),
                "this server has no innodb_snapshot_isolation");
        RunResult on = race(new SnapshotIsolationTarget(plain, true));
        assertThat(on.target().settings()).containsEntry(SnapshotIsolationTarget.SETTING, "ON");
        assertThat(on.grading().grade()).as("%s %s", on.outcomes(), on.grading()).isEqualTo(Grade.NOT_DECLARED);
        assertThat(on.grading().undeclaredBecause()).contains("innodb_snapshot_isolation");

        RunResult off = race(new SnapshotIsolationTarget(plain, false));
        assertThat(off.grading().grade()).as("%s %s", off.outcomes(), off.grading()).isEqualTo(Grade.AS_DECLARED);
        assertThat(off.grading().situation()).isEqualTo(Situation.OUTER_REPEATABLE_READ);
    }
}
