package io.github.gocbench.strategy;

import static io.github.gocbench.strategy.Isolation.READ_COMMITTED;
import static io.github.gocbench.strategy.Isolation.REPEATABLE_READ;
import static io.github.gocbench.strategy.Isolation.SERIALIZABLE;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EffectiveSituationTest {

    private static EffectiveSituation pg(Isolation effective, boolean outerTx) {
        return new EffectiveSituation(effective, READ_COMMITTED, outerTx, true, 0.0, false);
    }

    private static EffectiveSituation innodb(Isolation effective, boolean outerTx, boolean snapshotIsolation) {
        return new EffectiveSituation(effective, REPEATABLE_READ, outerTx, true, 0.0, snapshotIsolation);
    }

    @Test
    void shippedDefaultsMapToTheThreeSituations() {
        assertThat(pg(READ_COMMITTED, false).situation()).contains(Situation.AUTOCOMMIT);
        assertThat(pg(READ_COMMITTED, true).situation()).contains(Situation.OUTER_READ_COMMITTED);
        assertThat(pg(REPEATABLE_READ, true).situation()).contains(Situation.OUTER_REPEATABLE_READ);
        assertThat(innodb(REPEATABLE_READ, false, false).situation()).contains(Situation.AUTOCOMMIT);
        assertThat(innodb(READ_COMMITTED, true, false).situation()).contains(Situation.OUTER_READ_COMMITTED);
        assertThat(innodb(REPEATABLE_READ, true, false).situation()).contains(Situation.OUTER_REPEATABLE_READ);
    }

    @Test
    void aPostgresWhoseDefaultIsRepeatableReadIsNotTheDeclaredAutocommit() {
        EffectiveSituation e = pg(REPEATABLE_READ, false);
        assertThat(e.situation()).isEmpty();
        assertThat(e.undeclaredBecause())
                .isEqualTo("autocommit is declared at READ COMMITTED only; these calls ran at REPEATABLE READ");
    }

    @Test
    void snapshotIsolationOnLeavesRepeatableReadUndeclaredButNotReadCommitted() {
        assertThat(innodb(REPEATABLE_READ, true, true).situation()).isEmpty();
        assertThat(innodb(REPEATABLE_READ, false, true).situation()).isEmpty();
        assertThat(innodb(REPEATABLE_READ, true, true).undeclaredBecause()).contains("innodb_snapshot_isolation");
        assertThat(innodb(READ_COMMITTED, true, true).situation()).contains(Situation.OUTER_READ_COMMITTED);
    }

    @Test
    void conditionsNoDeclarationCovers() {
        assertThat(new EffectiveSituation(READ_COMMITTED, READ_COMMITTED, false, false, 0.0, false).undeclaredBecause())
                .isEqualTo("declarations assume the unique constraint");
        assertThat(new EffectiveSituation(READ_COMMITTED, READ_COMMITTED, false, true, 0.5, false).undeclaredBecause())
                .isEqualTo("declarations are for races without churn");
        assertThat(new EffectiveSituation(null, READ_COMMITTED, false, true, 0.0, false).undeclaredBecause())
                .isEqualTo("the server's default isolation was not recorded");
        assertThat(pg(SERIALIZABLE, true).situation()).isEmpty();
        assertThat(pg(SERIALIZABLE, false).situation()).isEmpty();
    }

    @Test
    void everySituationIsReachable() {
        // a Situation added to the enum without a way to reach it here would never be graded
        for (Situation s : Situation.values()) {
            Conditions c = Conditions.of(s);
            Isolation effective = c.isolation() == null ? READ_COMMITTED : c.isolation();
            assertThat(new EffectiveSituation(effective, READ_COMMITTED, c.outerTx(), c.unique(), c.churn(), false)
                    .situation()).as("%s", s).contains(s);
        }
    }

    @Test
    void parsesIsolationAsServersReportIt() {
        assertThat(EffectiveSituation.parseServerIsolation("read committed")).isEqualTo(READ_COMMITTED);
        assertThat(EffectiveSituation.parseServerIsolation("REPEATABLE-READ")).isEqualTo(REPEATABLE_READ);
        assertThat(EffectiveSituation.parseServerIsolation("serializable")).isEqualTo(SERIALIZABLE);
        assertThat(EffectiveSituation.parseServerIsolation("READ-UNCOMMITTED")).isNull();
        assertThat(EffectiveSituation.parseServerIsolation(null)).isNull();
    }
}
