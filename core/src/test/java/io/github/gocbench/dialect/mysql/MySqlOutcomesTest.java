package io.github.gocbench.dialect.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import com.mysql.cj.jdbc.exceptions.CommunicationsException;
import com.mysql.cj.jdbc.exceptions.MySQLStatementCancelledException;
import com.mysql.cj.jdbc.exceptions.MySQLTimeoutException;
import io.github.gocbench.dialect.ConnectRefusal;
import io.github.gocbench.outcome.Outcome;
import io.github.gocbench.strategy.NotFoundAfterConflictException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Each row of the MySQL/MariaDB error table, with plain SQLException values. */
class MySqlOutcomesTest {

    private static Outcome classify(String sqlState, int code) {
        return MySqlOutcomes.classify(new SQLException("msg", sqlState, code));
    }

    @Test
    void dupEntryIsDuplicateKey() {
        assertThat(classify("23000", 1062)).isEqualTo(Outcome.DUPLICATE_KEY);
    }

    @Test
    void dupEntryWithKeyNameIsDuplicateKey() {
        assertThat(classify("23000", 1586)).isEqualTo(Outcome.DUPLICATE_KEY);
    }

    @Test
    void queryInterruptedIsTimeout() {
        // KILL QUERY: SQLState 70100, like MariaDB's 1969 (timeout) and 1927 (connection killed)
        assertThat(classify("70100", 1317)).isEqualTo(Outcome.TIMEOUT);
    }

    @Test
    void deadlockWinsOverItsSqlState40001() {
        assertThat(classify("40001", 1213)).isEqualTo(Outcome.DEADLOCK);
    }

    @Test
    void lockWaitTimeout() {
        // Connector/J reports 1205 with SQLState 40001 too
        assertThat(classify("40001", 1205)).isEqualTo(Outcome.LOCK_TIMEOUT);
    }

    @Test
    void lockNowaitIsLockTimeout() {
        assertThat(classify("HY000", 3572)).isEqualTo(Outcome.LOCK_TIMEOUT);
    }

    @Test
    void recordChangedSinceLastReadIsSnapshotConflict() {
        assertThat(classify("HY000", 1020)).isEqualTo(Outcome.SNAPSHOT_CONFLICT);
    }

    @Test
    void mysqlMaxExecutionTimeIsTimeout() {
        assertThat(classify("HY000", 3024)).isEqualTo(Outcome.TIMEOUT);
    }

    @Test
    void mariadbMaxStatementTimeIsTimeout() {
        assertThat(classify("70100", 1969)).isEqualTo(Outcome.TIMEOUT);
    }

    @Test
    void connectionKilledIsConnectionLost() {
        assertThat(classify("70100", 1927)).isEqualTo(Outcome.CONNECTION_LOST);
    }

    @Test
    void serverShutdownIsConnectionLost() {
        assertThat(classify("08S01", 1053)).isEqualTo(Outcome.CONNECTION_LOST);
    }

    @Test
    void serverLostIsConnectionLost() {
        assertThat(classify("HY000", 2013)).isEqualTo(Outcome.CONNECTION_LOST);
    }

    @Test
    void connectionExceptionClassIsConnectionLost() {
        assertThat(classify("08003", 0)).isEqualTo(Outcome.CONNECTION_LOST);
    }

    @Test
    void communicationsExceptionIsConnectionLost() {
        assertThat(MySqlOutcomes.classify(new CommunicationsException("Communications link failure", null)))
                .isEqualTo(Outcome.CONNECTION_LOST);
    }

    @Test
    void notFoundAfterConflict() {
        SQLException e = new NotFoundAfterConflictException(7, new SQLException("dup", "23000", 1062));
        assertThat(MySqlOutcomes.classify(e)).isEqualTo(Outcome.NOT_FOUND_AFTER_CONFLICT);
    }

    @Test
    void jdbcQueryTimeoutIsTimeout() {
        // what Connector/J throws for setQueryTimeout: SQLState null, code 0 (DialectIT sees the
        // same on the real servers), so only its type can classify it
        MySQLTimeoutException e = new MySQLTimeoutException();
        assertThat(e.getSQLState()).isNull();
        assertThat(e.getErrorCode()).isZero();
        assertThat(MySqlOutcomes.classify(e)).isEqualTo(Outcome.TIMEOUT);
    }

    @Test
    void jdbcStatementCancelIsTimeout() {
        // what Connector/J throws for Statement.cancel: SQLState null, code 0, not an SQLTimeoutException
        MySQLStatementCancelledException e = new MySQLStatementCancelledException();
        assertThat(e.getSQLState()).isNull();
        assertThat(e.getErrorCode()).isZero();
        assertThat(MySqlOutcomes.classify(e)).isEqualTo(Outcome.TIMEOUT);
    }

    @Test
    void otherExceptionWithoutStateOrCodeIsOther() {
        // the type rows above are what classify those two; a plain SQLException with neither is OTHER
        assertThat(classify(null, 0)).isEqualTo(Outcome.OTHER);
    }

    @Test
    void notNullViolationWithDuplicateSqlStateIsOther() {
        // ER_BAD_NULL_ERROR shares SQLState 23000 with ER_DUP_ENTRY
        assertThat(classify("23000", 1048)).isEqualTo(Outcome.OTHER);
    }

    @Test
    void sqlState40001WithoutKnownCodeIsOther() {
        assertThat(classify("40001", 0)).isEqualTo(Outcome.OTHER);
    }

    @Test
    void wrappedCauseIsClassified() {
        SQLException wrapper = new SQLException("wrapper", null, new SQLException("dup", "23000", 1062));
        assertThat(MySqlOutcomes.classify(wrapper)).isEqualTo(Outcome.DUPLICATE_KEY);
    }

    @Test
    void connectRefusalsByTheirVendorCodes() {
        assertThat(MySqlOutcomes.connectRefusal(new SQLException("Access denied for user", "28000", 1045)))
                .contains(new ConnectRefusal(ConnectRefusal.Reason.AUTHENTICATION, "error 1045"));
        assertThat(MySqlOutcomes.connectRefusal(new SQLException("Access denied ... to database 'x'", "42000", 1044)))
                .contains(new ConnectRefusal(ConnectRefusal.Reason.DATABASE_ACCESS_DENIED, "error 1044"));
        assertThat(MySqlOutcomes.connectRefusal(new SQLException("Unknown database 'x'", "42000", 1049)))
                .contains(new ConnectRefusal(ConnectRefusal.Reason.UNKNOWN_DATABASE, "error 1049"));
        assertThat(MySqlOutcomes.connectRefusal(new SQLException("Too many connections", "08004", 1040))).isEmpty();
    }

    @Test
    void unknownSystemVariable() {
        assertThat(MySqlOutcomes.isUnknownVariable(new SQLException("Unknown system variable 'x'", "HY000", 1193)))
                .isTrue();
        assertThat(MySqlOutcomes.isUnknownVariable(new SQLException("Unknown column 'x'", "42S22", 1054))).isFalse();
    }
}
