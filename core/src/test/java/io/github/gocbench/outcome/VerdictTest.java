package io.github.gocbench.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VerdictTest {

    @Test
    void anAnomalySeenIsUnsafeEvenInARunCutShort() {
        assertThat(Verdict.of(1, true, 500, 500)).isEqualTo(Verdict.UNSAFE);
        assertThat(Verdict.of(3, false, 12, 500)).isEqualTo(Verdict.UNSAFE);
    }

    @Test
    void safeNeedsAFinishedRun() {
        assertThat(Verdict.of(0, true, 500, 500)).isEqualTo(Verdict.SAFE);
        assertThat(Verdict.of(0, true, 1234, 0)).as("steady run: duration asked, calls made").isEqualTo(Verdict.SAFE);
    }

    @Test
    void withoutAnomalyButWithoutTheWholeRunItIsInconclusive() {
        assertThat(Verdict.of(0, false, 500, 500)).as("cut short").isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(Verdict.of(0, true, 0, 0)).as("no calls").isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(Verdict.of(0, true, 499, 500)).as("fewer rounds than asked").isEqualTo(Verdict.INCONCLUSIVE);
    }
}
