package io.github.gocbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MaxRateTest {

    @Test
    void readsDecimalsFractionsAndPercentages() {
        assertThat(MaxRate.parse("0.0001")).isCloseTo(1e-4, within(1e-15));
        assertThat(MaxRate.parse("1/10000")).isCloseTo(1e-4, within(1e-15));
        assertThat(MaxRate.parse("0.01%")).isCloseTo(1e-4, within(1e-15));
        assertThat(MaxRate.parse(" 1 / 1000 ")).isCloseTo(1e-3, within(1e-15));
    }

    @Test
    void rejectsWhatIsNotARate() {
        for (String bad : new String[] {"0", "1", "2", "-0.1", "abc", "1/0", "100%", "", "NaN"}) {
            assertThatThrownBy(() -> MaxRate.parse(bad)).as(bad).isInstanceOf(BadInputException.class)
                    .hasMessageContaining("--max-rate");
        }
    }
}
