package io.github.gocbench.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gocbench.outcome.Outcome;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * The chain walk, with a two-row table: SQLState "D" is a deadlock, "L" a lock timeout, anything
 * else OTHER. Every test puts two different answers (or an answer and OTHER) at different depths,
 * so a walk that picks the wrong one fails.
 */
class ErrorChainTest {

    private static Outcome table(SQLException e) {
        if ("D".equals(e.getSQLState())) {
            return Outcome.DEADLOCK;
        }
        return "L".equals(e.getSQLState()) ? Outcome.LOCK_TIMEOUT : Outcome.OTHER;
    }

    private static Outcome classify(SQLException e) {
        return ErrorChain.classify(e, ErrorChainTest::table);
    }

    @Test
    void outermostKnownErrorWins() {
        SQLException inner = new SQLException("inner", "D");
        SQLException outer = new SQLException("outer", "L", inner);
        assertThat(classify(outer)).isEqualTo(Outcome.LOCK_TIMEOUT);
        // and the other way round, so neither answer wins for being that answer
        assertThat(classify(new SQLException("outer", "D", new SQLException("inner", "L"))))
                .isEqualTo(Outcome.DEADLOCK);
    }

    @Test
    void unknownOuterErrorIsLookedThroughToItsCause() {
        SQLException e = new SQLException("wrapper", "Y", new SQLException("b", "Z", new SQLException("c", "D")));
        assertThat(classify(e)).isEqualTo(Outcome.DEADLOCK);
    }

    @Test
    void nextExceptionIsLookedThrough() {
        SQLException batch = new SQLException("batch entry 0 aborted", "Y");
        batch.setNextException(new SQLException("the real error", "L"));
        assertThat(classify(batch)).isEqualTo(Outcome.LOCK_TIMEOUT);
    }

    @Test
    void nearerErrorWinsOverADeeperOneBreadthFirst() {
        // the next exception is one step away, the cause's cause two: breadth first finds the next one
        SQLException top = new SQLException("top", "Y", new SQLException("cause", "Z", new SQLException("deep", "D")));
        top.setNextException(new SQLException("next", "L"));
        assertThat(classify(top)).isEqualTo(Outcome.LOCK_TIMEOUT);
    }

    @Test
    void unknownEverywhereIsOther() {
        SQLException e = new SQLException("a", "Y", new SQLException("b", "Z"));
        assertThat(classify(e)).isEqualTo(Outcome.OTHER);
    }

    @Test
    void cyclicNextExceptionChainTerminatesAndStillFindsTheKnownCause() {
        SQLException a = new SQLException("a", "Y", new SQLException("c", "D"));
        SQLException b = new SQLException("b", "Y");
        a.setNextException(b);
        b.setNextException(a);
        assertThat(classify(a)).isEqualTo(Outcome.DEADLOCK);
        SQLException x = new SQLException("x", "Y");
        SQLException y = new SQLException("y", "Z");
        x.setNextException(y);
        y.setNextException(x);
        assertThat(classify(x)).isEqualTo(Outcome.OTHER);
    }

    @Test
    void aKnownErrorBeyondTheVisitBoundIsNotReached() {
        // 40 unknown wrappers around a deadlock: the walk stops after 32 errors (its bound against
        // endless chains), so the deadlock is not seen; at depth 31 it is
        assertThat(classify(wrapped(new SQLException("deep", "D"), 40))).isEqualTo(Outcome.OTHER);
        assertThat(classify(wrapped(new SQLException("deep", "D"), 31))).isEqualTo(Outcome.DEADLOCK);
    }

    private static SQLException wrapped(SQLException inner, int layers) {
        SQLException e = inner;
        for (int i = 0; i < layers; i++) {
            e = new SQLException("wrapper " + i, "Y", e);
        }
        return e;
    }
}
