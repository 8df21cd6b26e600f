package io.github.gocbench.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhaseTest {

    @Test
    void onlyTheCallAndTheOuterCommitCountAgainstTheStrategy() {
        assertThat(Phase.CALL.countsAgainstStrategy()).isTrue();
        assertThat(Phase.COMMIT.countsAgainstStrategy()).isTrue();
        assertThat(Phase.READ.countsAgainstStrategy()).isFalse();
        assertThat(Phase.CHURN.countsAgainstStrategy()).isFalse();
    }

    @Test
    void labelsAreTheNamesUsedInResults() {
        assertThat(Phase.CHURN.label()).isEqualTo("churn");
        assertThat(Phase.COMMIT.label()).isEqualTo("commit");
    }
}
