package io.github.gocbench.dialect.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Rounding of session bounds to what MySQL and MariaDB accept: never shorter than asked. */
class MySqlDialectTest {

    @Test
    void statementTimeSecondsKeepMicrosecondsAndRoundUp() {
        assertThat(MySqlDialect.ceilSeconds(Duration.ofMillis(1500))).isEqualByComparingTo(new BigDecimal("1.5"));
        assertThat(MySqlDialect.ceilSeconds(Duration.ofNanos(1))).isEqualByComparingTo(new BigDecimal("0.000001"));
        assertThat(MySqlDialect.ceilSeconds(Duration.ZERO)).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void executionTimeMillisRoundUp() {
        assertThat(MySqlDialect.ceilMillis(Duration.ofNanos(250_000_001))).isEqualTo(251);
        assertThat(MySqlDialect.ceilMillis(Duration.ofMillis(250))).isEqualTo(250);
    }

    @Test
    void lockWaitIsWholeSecondsAtLeastOne() {
        assertThat(MySqlDialect.lockWaitSeconds(Duration.ZERO)).isEqualTo(1);
        assertThat(MySqlDialect.lockWaitSeconds(Duration.ofMillis(200))).isEqualTo(1);
        assertThat(MySqlDialect.lockWaitSeconds(Duration.ofMillis(1001))).isEqualTo(2);
        assertThat(MySqlDialect.lockWaitSeconds(Duration.ofSeconds(2))).isEqualTo(2);
    }

    @Test
    void negativeTimeoutIsRejected() {
        assertThatThrownBy(() -> MySqlDialect.ceilSeconds(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
