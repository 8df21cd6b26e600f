package io.github.gocbench.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gocbench.outcome.Outcome;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** The chain walk, with a one-row table: SQLState "X" is a deadlock. */
class ErrorChainTest {

    private static Outcome table(SQLException e) {
        return "X".equals(e.getSQLState()) ? Outcome.DEADLOCK : Outcome.OTHER;
    }

    @Test
    void outermostKnownErrorWins() {
        SQLException inner = new SQLException("inner", "X");
        SQLException outer = new SQLException("outer", "X", inner);
        assertThat(ErrorChain.classify(outer, ErrorChainTest::table)).isEqualTo(Outcome.DEADLOCK);
    }

    @Test
    void unknownEverywhereIsOther() {
        SQLException e = new SQLException("a", "Y", new SQLException("b", "Z"));
        assertThat(ErrorChain.classify(e, ErrorChainTest::table)).isEqualTo(Outcome.OTHER);
    }

    @Test
    void cyclicNextExceptionChainTerminates() {
        SQLException a = new SQLException("a", "Y");
        SQLException b = new SQLException("b", "Y");
        a.setNextException(b);
        b.setNextException(a);
        assertThat(ErrorChain.classify(a, ErrorChainTest::table)).isEqualTo(Outcome.OTHER);
    }
}
