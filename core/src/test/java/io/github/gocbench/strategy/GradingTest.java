package io.github.gocbench.strategy;

import static io.github.gocbench.outcome.Outcome.DEADLOCK;
import static io.github.gocbench.outcome.Outcome.DUPLICATE_KEY;
import static io.github.gocbench.outcome.Outcome.NOT_FOUND_AFTER_CONFLICT;
import static io.github.gocbench.outcome.Outcome.SERIALIZATION_FAILURE;
import static io.github.gocbench.strategy.Situation.AUTOCOMMIT;
import static io.github.gocbench.strategy.Situation.OUTER_READ_COMMITTED;
import static io.github.gocbench.strategy.Situation.OUTER_REPEATABLE_READ;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gocbench.outcome.Evidence;
import io.github.gocbench.outcome.Invariant;
import io.github.gocbench.outcome.Outcome;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GradingTest {

    /** Like naive: DUPLICATE_KEY known in autocommit, DEADLOCK possible under an outer RC transaction. */
    private static final Expect EXPECT = Expect.safe(OUTER_REPEATABLE_READ)
            .known(AUTOCOMMIT, DUPLICATE_KEY)
            .possible(OUTER_READ_COMMITTED, DEADLOCK);

    private static final EffectiveSituation AUTO = new EffectiveSituation(Isolation.READ_COMMITTED,
            Isolation.READ_COMMITTED, false, true, 0.0, false);
    private static final EffectiveSituation OUTER_RC = new EffectiveSituation(Isolation.READ_COMMITTED,
            Isolation.READ_COMMITTED, true, true, 0.0, false);
    private static final EffectiveSituation OUTER_RR = new EffectiveSituation(Isolation.REPEATABLE_READ,
            Isolation.READ_COMMITTED, true, true, 0.0, false);
    private static final Evidence FORTY = Evidence.ofRounds(40, 0, 8);

    private static Grading grade(EffectiveSituation where, Map<Outcome, Long> outcomes, Map<Invariant, Long> inv) {
        return Grading.of(EXPECT, where, outcomes, inv);
    }

    @Test
    void knownAnomalySeenIsAsDeclared() {
        Grading g = grade(AUTO, Map.of(Outcome.CREATED, 40L, DUPLICATE_KEY, 3L), Map.of());
        assertThat(g.grade()).isEqualTo(Grade.AS_DECLARED);
        assertThat(g.describe(FORTY)).isEqualTo("as declared (autocommit)");
        assertThat(g.forbidden()).isFalse();
    }

    @Test
    void knownAnomalyNotSeenIsWeakEvidenceWithItsRounds() {
        Grading g = grade(AUTO, Map.of(Outcome.CREATED, 40L, Outcome.FOUND, 280L), Map.of());
        assertThat(g.grade()).isEqualTo(Grade.DECLARED_NOT_SEEN);
        assertThat(g.knownNotSeen()).containsExactly(DUPLICATE_KEY);
        assertThat(g.describe(FORTY))
                .isEqualTo("declared not seen (autocommit): DUPLICATE_KEY not seen in 40 rounds (weak evidence)");
    }

    @Test
    void possibleAnomalyNeedNotAppearAndMayAppear() {
        assertThat(grade(OUTER_RC, Map.of(Outcome.FOUND, 10L), Map.of()).grade()).isEqualTo(Grade.AS_DECLARED);
        assertThat(grade(OUTER_RC, Map.of(DEADLOCK, 1L), Map.of()).grade()).isEqualTo(Grade.AS_DECLARED);
    }

    @Test
    void anAnomalyTheDeclarationDoesNotAllowIsForbidden() {
        Grading g = grade(OUTER_RR, Map.of(SERIALIZATION_FAILURE, 5L, Outcome.FOUND, 10L), Map.of());
        assertThat(g.grade()).isEqualTo(Grade.FORBIDDEN_SEEN);
        assertThat(g.forbiddenOutcomes()).containsExactly(SERIALIZATION_FAILURE);
        assertThat(g.forbidden()).isTrue();
        assertThat(g.describe(FORTY)).isEqualTo("FORBIDDEN SEEN (outer-repeatable-read): SERIALIZATION_FAILURE is not"
                + " declared here; the declaration or the server differs from what was known");
        // a known anomaly of another situation is still forbidden here
        assertThat(grade(OUTER_RR, Map.of(DUPLICATE_KEY, 1L), Map.of()).grade()).isEqualTo(Grade.FORBIDDEN_SEEN);
        // and forbidden wins over a known one seen alongside
        assertThat(grade(AUTO, Map.of(DUPLICATE_KEY, 1L, NOT_FOUND_AFTER_CONFLICT, 1L), Map.of()).forbiddenOutcomes())
                .containsExactly(NOT_FOUND_AFTER_CONFLICT);
    }

    @Test
    void doubleCreateIdMismatchAndDuplicateRowsAreForbiddenEverywhere() {
        for (Invariant i : new Invariant[] {Invariant.DOUBLE_CREATE, Invariant.ID_MISMATCH, Invariant.DUPLICATE_ROWS}) {
            Grading g = grade(AUTO, Map.of(DUPLICATE_KEY, 2L), Map.of(i, 1L));
            assertThat(g.grade()).as("%s", i).isEqualTo(Grade.FORBIDDEN_SEEN);
            assertThat(g.forbiddenInvariants()).containsExactly(i);
        }
    }

    @Test
    void repeatedSideEffectIsNotGraded() {
        Grading g = grade(OUTER_RR, Map.of(Outcome.FOUND, 10L), Map.of(Invariant.REPEATED_SIDE_EFFECT, 7L));
        assertThat(g.grade()).isEqualTo(Grade.AS_DECLARED);
    }

    @Test
    void zeroCountsAreNotSeen() {
        assertThat(grade(OUTER_RR, Map.of(SERIALIZATION_FAILURE, 0L), Map.of(Invariant.DOUBLE_CREATE, 0L)).grade())
                .isEqualTo(Grade.AS_DECLARED);
    }

    @Test
    void undeclaredSituationsAndStrategiesAreNotGraded() {
        EffectiveSituation churn = new EffectiveSituation(Isolation.READ_COMMITTED, Isolation.READ_COMMITTED, false,
                true, 1.0, false);
        Grading g = grade(churn, Map.of(SERIALIZATION_FAILURE, 9L), Map.of(Invariant.DOUBLE_CREATE, 1L));
        assertThat(g.grade()).isEqualTo(Grade.NOT_DECLARED);
        assertThat(g.forbidden()).isFalse();
        assertThat(g.describe(FORTY)).isEqualTo("not declared: declarations are for races without churn");

        Grading none = Grading.of(Expect.UNDECLARED, AUTO, Map.of(DUPLICATE_KEY, 1L), Map.of());
        assertThat(none.grade()).isEqualTo(Grade.NOT_DECLARED);
        assertThat(none.describe(FORTY)).isEqualTo("not declared: the strategy declares nothing for autocommit");
    }
}
