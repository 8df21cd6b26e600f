package io.github.gocbench.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Rounding of session bounds to PostgreSQL's milliseconds: never shorter than asked. */
class PostgresDialectTest {

    @Test
    void millisRoundUp() {
        assertThat(PostgresDialect.ceilMillis(Duration.ofNanos(1))).isEqualTo(1);
        assertThat(PostgresDialect.ceilMillis(Duration.ofNanos(250_000_001))).isEqualTo(251);
        assertThat(PostgresDialect.ceilMillis(Duration.ofSeconds(5))).isEqualTo(5000);
        assertThat(PostgresDialect.ceilMillis(Duration.ZERO)).isZero();
    }

    @Test
    void negativeTimeoutIsRejected() {
        assertThatThrownBy(() -> PostgresDialect.ceilMillis(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
