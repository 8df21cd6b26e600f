package io.github.gocbench.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gocbench.dialect.ConnectRefusal;
import io.github.gocbench.outcome.Outcome;
import io.github.gocbench.strategy.NotFoundAfterConflictException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import org.junit.jupiter.api.Test;

/** Each row of PostgreSQL's error table, with plain SQLException values. */
class PostgresOutcomesTest {

    private static Outcome classify(String sqlState) {
        return PostgresOutcomes.classify(new SQLException("msg", sqlState));
    }

    @Test
    void uniqueViolationIsDuplicateKey() {
        assertThat(classify("23505")).isEqualTo(Outcome.DUPLICATE_KEY);
    }

    @Test
    void serializationFailure() {
        assertThat(classify("40001")).isEqualTo(Outcome.SERIALIZATION_FAILURE);
    }

    @Test
    void deadlockDetected() {
        assertThat(classify("40P01")).isEqualTo(Outcome.DEADLOCK);
    }

    @Test
    void lockNotAvailableIsLockTimeout() {
        assertThat(classify("55P03")).isEqualTo(Outcome.LOCK_TIMEOUT);
    }

    @Test
    void queryCanceledIsTimeout() {
        assertThat(classify("57014")).isEqualTo(Outcome.TIMEOUT);
    }

    @Test
    void adminShutdownIsConnectionLost() {
        assertThat(classify("57P01")).isEqualTo(Outcome.CONNECTION_LOST);
    }

    @Test
    void crashShutdownIsConnectionLost() {
        assertThat(classify("57P02")).isEqualTo(Outcome.CONNECTION_LOST);
    }

    @Test
    void cannotConnectNowIsConnectionLost() {
        assertThat(classify("57P03")).isEqualTo(Outcome.CONNECTION_LOST);
    }

    @Test
    void connectionExceptionClassIsConnectionLost() {
        assertThat(classify("08006")).isEqualTo(Outcome.CONNECTION_LOST);
    }

    @Test
    void notFoundAfterConflict() {
        SQLException e = new NotFoundAfterConflictException(7, new SQLException("dup", "23505"));
        assertThat(PostgresOutcomes.classify(e)).isEqualTo(Outcome.NOT_FOUND_AFTER_CONFLICT);
    }

    @Test
    void jdbcQueryTimeoutWithoutSqlStateIsTimeout() {
        assertThat(PostgresOutcomes.classify(new SQLTimeoutException("timed out"))).isEqualTo(Outcome.TIMEOUT);
    }

    @Test
    void otherSqlStatesAreOther() {
        // 23502 not_null_violation: same class as 23505 but not a duplicate
        assertThat(classify("23502")).isEqualTo(Outcome.OTHER);
    }

    @Test
    void missingSqlStateIsOther() {
        assertThat(PostgresOutcomes.classify(new SQLException("no state"))).isEqualTo(Outcome.OTHER);
    }

    @Test
    void batchUpdateExceptionIsClassifiedByItsNextException() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", null, 0, new int[0]);
        batch.setNextException(new SQLException("duplicate key value", "23505"));
        assertThat(PostgresOutcomes.classify(batch)).isEqualTo(Outcome.DUPLICATE_KEY);
    }

    @Test
    void wrappedCauseIsClassified() {
        SQLException wrapper = new SQLException("wrapper", null, new SQLException("deadlock", "40P01"));
        assertThat(PostgresOutcomes.classify(wrapper)).isEqualTo(Outcome.DEADLOCK);
    }

    @Test
    void connectRefusalsByTheirSqlStates() {
        assertThat(PostgresOutcomes.connectRefusal(new SQLException("password authentication failed", "28P01")))
                .contains(new ConnectRefusal(ConnectRefusal.Reason.AUTHENTICATION, "SQLState 28P01"));
        assertThat(PostgresOutcomes.connectRefusal(new SQLException("no pg_hba.conf entry", "28000")))
                .contains(new ConnectRefusal(ConnectRefusal.Reason.AUTHENTICATION, "SQLState 28000"));
        assertThat(PostgresOutcomes.connectRefusal(new SQLException("database \"x\" does not exist", "3D000")))
                .contains(new ConnectRefusal(ConnectRefusal.Reason.UNKNOWN_DATABASE, "SQLState 3D000"));
        assertThat(PostgresOutcomes.connectRefusal(new SQLException("too many connections", "53300"))).isEmpty();
        assertThat(PostgresOutcomes.connectRefusal(new SQLException("no state"))).isEmpty();
    }
}
