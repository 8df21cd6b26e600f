package io.github.gocbench.engine;

import static io.github.gocbench.outcome.Outcome.CREATED;
import static io.github.gocbench.outcome.Outcome.DEADLOCK;
import static io.github.gocbench.outcome.Outcome.DUPLICATE_KEY;
import static io.github.gocbench.outcome.Outcome.FOUND;
import static io.github.gocbench.outcome.Outcome.NOT_FOUND_AFTER_CONFLICT;
import static io.github.gocbench.outcome.Outcome.SERIALIZATION_FAILURE;
import static io.github.gocbench.outcome.Outcome.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gocbench.outcome.Outcome;
import org.junit.jupiter.api.Test;

class InvariantsTest {

    @Test
    void cleanRoundHasNoViolations() {
        Invariants.RoundFigures f = Invariants.round(new Outcome[] {CREATED, FOUND, FOUND, FOUND},
                new long[] {7, 7, 7, 7});
        assertThat(f).isEqualTo(new Invariants.RoundFigures(1, 0, 0, 0));
    }

    @Test
    void twoCreatesInARoundAreOneDoubleCreateAndOneMismatch() {
        Invariants.RoundFigures f = Invariants.round(new Outcome[] {CREATED, CREATED, FOUND, DUPLICATE_KEY},
                new long[] {7, 8, 7, 0});
        assertThat(f.created()).isEqualTo(2);
        assertThat(f.doubleCreates()).isEqualTo(1);
        assertThat(f.idMismatches()).isEqualTo(1);
        assertThat(f.anomalousCalls()).isEqualTo(1);
    }

    @Test
    void failedCallsIdsAreIgnoredAndUncountedCallersSkipped() {
        Invariants.RoundFigures f = Invariants.round(new Outcome[] {DUPLICATE_KEY, null, FOUND, CREATED},
                new long[] {99, 98, 5, 5});
        assertThat(f).isEqualTo(new Invariants.RoundFigures(1, 0, 0, 1));
    }

    @Test
    void threeDistinctIdsAreTwoMismatches() {
        Invariants.RoundFigures f = Invariants.round(new Outcome[] {CREATED, CREATED, CREATED, FOUND},
                new long[] {1, 2, 3, 1});
        assertThat(f.doubleCreates()).isEqualTo(2);
        assertThat(f.idMismatches()).isEqualTo(2);
    }

    @Test
    void sideEffectSurplusPerCall() {
        assertThat(Invariants.sideEffectSurplus(CREATED, 1)).isZero();
        assertThat(Invariants.sideEffectSurplus(CREATED, 0)).isZero();
        assertThat(Invariants.sideEffectSurplus(CREATED, 3)).isEqualTo(2);
        assertThat(Invariants.sideEffectSurplus(FOUND, 0)).isZero();
        assertThat(Invariants.sideEffectSurplus(FOUND, 1)).isEqualTo(1);
        assertThat(Invariants.sideEffectSurplus(DUPLICATE_KEY, 1)).isEqualTo(1);
        assertThat(Invariants.sideEffectSurplus(NOT_FOUND_AFTER_CONFLICT, 2)).isEqualTo(2);
        // uncertain: the call may have created a row, or no row may exist at all
        assertThat(Invariants.sideEffectSurplus(TIMEOUT, 1)).isZero();
        assertThat(Invariants.sideEffectSurplus(SERIALIZATION_FAILURE, 1)).isZero();
        assertThat(Invariants.sideEffectSurplus(DEADLOCK, 1)).isZero();
        assertThat(Invariants.sideEffectSurplus(null, 1)).isZero();
    }

    @Test
    void sideEffectSurplusFromRows() {
        assertThat(Invariants.sideEffectSurplusFromRows(8, 1)).isEqualTo(7);
        assertThat(Invariants.sideEffectSurplusFromRows(2, 2)).isZero();
        assertThat(Invariants.sideEffectSurplusFromRows(5, 0)).isZero();
        assertThat(Invariants.sideEffectSurplusFromRows(1, 3)).isZero();
    }
}
