package io.github.gocbench.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EvidenceTest {

    @Test
    void zeroAnomaliesGiveTheClosedFormBound() {
        // 0 of N: the one-sided 95 % Clopper-Pearson bound solves (1 - p)^N = 0.05
        for (long n : new long[] {1, 20, 100, 300, 500, 10_000}) {
            double expected = 1 - Math.pow(0.05, 1.0 / n);
            assertThat(Evidence.ofRounds(n, 0, 8).upperBound()).as("n=%d", n).isCloseTo(expected, within(1e-9));
        }
    }

    @Test
    void ruleOfThreeApproximatesTheBound() {
        assertThat(Evidence.ofRounds(300, 0, 8).upperBound()).isCloseTo(3.0 / 300, within(0.0002));
    }

    @Test
    void intervalMatchesPublishedClopperPearsonValues() {
        // 5 of 50: the exact 95 % interval is 0.0333 .. 0.2181 (a standard textbook value)
        Evidence.Interval ci = Evidence.ofRounds(50, 5, 8).interval();
        assertThat(ci.low()).isCloseTo(0.0333, within(0.0001));
        assertThat(ci.high()).isCloseTo(0.2181, within(0.0001));
        // every interval holds the observed rate
        assertThat(ci.low()).isLessThan(0.1);
        assertThat(ci.high()).isGreaterThan(0.1);
    }

    @Test
    void intervalAtTheEdges() {
        Evidence.Interval none = Evidence.ofRounds(100, 0, 2).interval();
        assertThat(none.low()).isZero();
        assertThat(none.high()).isCloseTo(1 - Math.pow(0.025, 1.0 / 100), within(1e-9));
        Evidence.Interval all = Evidence.ofRounds(100, 100, 2).interval();
        assertThat(all.high()).isEqualTo(1.0);
        assertThat(all.low()).isCloseTo(Math.pow(0.025, 1.0 / 100), within(1e-9));
    }

    @Test
    void noTrialsKnowNothing() {
        Evidence e = Evidence.ofRounds(0, 0, 8);
        assertThat(e.upperBound()).isEqualTo(1.0);
        assertThat(e.bounds(0.5)).isFalse();
        assertThat(e.describe()).isEqualTo("no rounds finished: nothing is known about the anomaly rate");
        assertThat(e.brief()).isEqualTo("0 rounds");
    }

    @Test
    void describesSafeWithItsBound() {
        assertThat(Evidence.ofRounds(500, 0, 8).describe())
                .isEqualTo("0 anomalies in 500 rounds of 8 threads: per-round anomaly rate below 0.60 % at 95 %");
        assertThat(Evidence.ofRounds(500, 0, 8).brief()).isEqualTo("0/500, <0.60 %");
        assertThat(Evidence.ofCalls(1_000_000, 0, 1).describe())
                .isEqualTo("0 anomalies in 1000000 calls of 1 thread: per-call anomaly rate below 0.00030 % at 95 %");
    }

    @Test
    void describesUnsafeWithItsInterval() {
        assertThat(Evidence.ofRounds(50, 5, 8).describe())
                .isEqualTo("anomalies in 5 of 50 rounds of 8 threads: per-round rate 10 % (95 % interval 3.3 % to 22 %)");
        assertThat(Evidence.ofRounds(50, 5, 8).brief()).isEqualTo("5/50, 10 %");
    }

    @Test
    void trialsToBoundIsTheFewestThatBound() {
        for (double r : new double[] {0.5, 0.1, 0.01, 0.001, 0.0001}) {
            long n = Evidence.trialsToBound(r);
            assertThat(Evidence.ofRounds(n, 0, 2).bounds(r)).as("r=%s n=%d", r, n).isTrue();
            assertThat(Evidence.ofRounds(n - 1, 0, 2).bounds(r)).as("r=%s n-1=%d", r, n - 1).isFalse();
        }
        // 1 in 10,000 takes 29,956 anomaly-free rounds (ln 0.05 / ln 0.9999)
        assertThat(Evidence.trialsToBound(0.0001)).isEqualTo(29_956);
    }

    @Test
    void anAnomalyNeverBounds() {
        assertThat(Evidence.ofRounds(1_000_000, 1, 8).bounds(0.5)).isFalse();
    }

    @Test
    void rejectsImpossibleCounts() {
        assertThatThrownBy(() -> Evidence.ofRounds(5, 6, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Evidence.ofRounds(-1, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Evidence.trialsToBound(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Evidence.trialsToBound(1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void percentKeepsTwoSignificantDigits() {
        assertThat(Evidence.percent(0.005989)).isEqualTo("0.60 %");
        assertThat(Evidence.percent(0.084)).isEqualTo("8.4 %");
        assertThat(Evidence.percent(1.0)).isEqualTo("100 %");
        assertThat(Evidence.percent(0.0)).isEqualTo("0 %");
        assertThat(Evidence.percent(0.000029955)).isEqualTo("0.0030 %");
    }
}
