package io.github.gocbench.dialect.mysql;

import static io.github.gocbench.outcome.Outcome.CONNECTION_LOST;
import static io.github.gocbench.outcome.Outcome.DEADLOCK;
import static io.github.gocbench.outcome.Outcome.DUPLICATE_KEY;
import static io.github.gocbench.outcome.Outcome.LOCK_TIMEOUT;
import static io.github.gocbench.outcome.Outcome.NOT_FOUND_AFTER_CONFLICT;
import static io.github.gocbench.outcome.Outcome.SNAPSHOT_CONFLICT;
import static io.github.gocbench.outcome.Outcome.TIMEOUT;
import static io.github.gocbench.dialect.ConnectRefusal.Reason.AUTHENTICATION;
import static io.github.gocbench.dialect.ConnectRefusal.Reason.DATABASE_ACCESS_DENIED;
import static io.github.gocbench.dialect.ConnectRefusal.Reason.UNKNOWN_DATABASE;
import static java.util.Map.entry;

import com.mysql.cj.jdbc.exceptions.CommunicationsException;
import com.mysql.cj.jdbc.exceptions.MySQLStatementCancelledException;
import io.github.gocbench.dialect.ConnectRefusal;
import io.github.gocbench.dialect.ErrorChain;
import io.github.gocbench.outcome.Outcome;
import io.github.gocbench.strategy.NotFoundAfterConflictException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.Map;
import java.util.Optional;

/**
 * MySQL's and MariaDB's error table, the one place their error codes are read. To a call outcome:
 * vendor error code first, then SQLState, then SQLState class; an error no row matches is
 * {@link Outcome#OTHER}. Vendor codes come first because SQLStates are ambiguous here: 23000
 * covers both duplicates and NOT NULL violations, 40001 is what MySQL reports for a deadlock
 * (1213) and Connector/J for a lock wait timeout (1205), and HY000 means anything. Wrapped errors
 * are looked through by {@link ErrorChain}. Besides: the reason a connection attempt was refused
 * ({@link ConnectRefusal}) and whether a system variable is unknown to the server.
 */
public final class MySqlOutcomes {

    /**
     * goc-bench's own SQLState for "GET_LOCK timed out" (class GC, like
     * {@link NotFoundAfterConflictException#SQLSTATE}): the server answers 0 instead of raising an
     * error, so {@link AdvisoryLockMySql} raises one with this state.
     */
    public static final String GET_LOCK_TIMEOUT_SQLSTATE = "GC002";

    /** Vendor error code to outcome. */
    static final Map<Integer, Outcome> BY_VENDOR_CODE = Map.ofEntries(
            // ER_DUP_ENTRY: "Duplicate entry '1' for key 'k'" (SQLState 23000)
            entry(1062, DUPLICATE_KEY),
            // ER_DUP_ENTRY_WITH_KEY_NAME: the same duplicate, reported with the key's name (SQLState
            // 23000). MariaDB 10.11 and 11.4 send 1062 for every INSERT, UPDATE and ALTER duplicate
            // tried; the code stays mapped so a server or driver path that does send it is not OTHER.
            entry(1586, DUPLICATE_KEY),
            // ER_LOCK_DEADLOCK: "Deadlock found when trying to get lock" (SQLState 40001)
            entry(1213, DEADLOCK),
            // ER_LOCK_WAIT_TIMEOUT: innodb_lock_wait_timeout exceeded
            entry(1205, LOCK_TIMEOUT),
            // ER_LOCK_NOWAIT (MySQL 8): a NOWAIT lock request found the row locked
            entry(3572, LOCK_TIMEOUT),
            // ER_CHECKREAD: "Record has changed since last read" (innodb_snapshot_isolation=ON)
            entry(1020, SNAPSHOT_CONFLICT),
            // ER_QUERY_TIMEOUT (MySQL): max_execution_time exceeded (SELECT only)
            entry(3024, TIMEOUT),
            // ER_STATEMENT_TIMEOUT (MariaDB): max_statement_time exceeded (SQLState 70100)
            entry(1969, TIMEOUT),
            // ER_QUERY_INTERRUPTED: "Query execution was interrupted" (SQLState 70100), the statement
            // was stopped by KILL QUERY; PostgreSQL's query_canceled (57014) is TIMEOUT too
            entry(1317, TIMEOUT),
            // ER_CONNECTION_KILLED (MariaDB): KILL CONNECTION of this session
            entry(1927, CONNECTION_LOST),
            // ER_SERVER_SHUTDOWN: server shutdown in progress
            entry(1053, CONNECTION_LOST),
            // CR_SERVER_LOST: "Lost connection to MySQL server during query"
            entry(2013, CONNECTION_LOST));

    /** Full SQLState to outcome, when no vendor code matched. */
    static final Map<String, Outcome> BY_SQLSTATE = Map.ofEntries(
            // goc-bench's own: the strategy lost the insert race, then its re-read saw no row
            entry(NotFoundAfterConflictException.SQLSTATE, NOT_FOUND_AFTER_CONFLICT),
            // goc-bench's own: GET_LOCK answered 0, its wait timed out (AdvisoryLockMySql)
            entry(GET_LOCK_TIMEOUT_SQLSTATE, LOCK_TIMEOUT));

    /** SQLState class (first two characters) to outcome, when nothing above matched. */
    static final Map<String, Outcome> BY_SQLSTATE_CLASS = Map.ofEntries(
            // connection exception: 08S01 communications link failure, 08003 connection closed
            entry("08", CONNECTION_LOST));

    /** Vendor code of a refused connection attempt to its reason. */
    static final Map<Integer, ConnectRefusal.Reason> CONNECT_REFUSAL_BY_VENDOR_CODE = Map.ofEntries(
            // ER_ACCESS_DENIED_ERROR: "Access denied for user 'u'@'host' (using password: YES)"
            entry(1045, AUTHENTICATION),
            // ER_DBACCESS_DENIED_ERROR: "Access denied for user 'u'@'host' to database 'd'"
            entry(1044, DATABASE_ACCESS_DENIED),
            // ER_BAD_DB_ERROR: "Unknown database 'd'"
            entry(1049, UNKNOWN_DATABASE));

    /** ER_UNKNOWN_SYSTEM_VARIABLE: the server has no variable of that name (older or other product). */
    private static final int UNKNOWN_SYSTEM_VARIABLE = 1193;

    private MySqlOutcomes() {
    }

    /** Why a connection attempt failed with {@code e}, when the table knows the reason. */
    public static Optional<ConnectRefusal> connectRefusal(SQLException e) {
        int code = e.getErrorCode();
        ConnectRefusal.Reason reason = CONNECT_REFUSAL_BY_VENDOR_CODE.get(code);
        return reason == null ? Optional.empty() : Optional.of(new ConnectRefusal(reason, "error " + code));
    }

    /**
     * True when {@code e} says the server does not know the system variable asked for
     * ({@code SELECT @@global.innodb_snapshot_isolation} on MySQL or an older MariaDB).
     */
    public static boolean isUnknownVariable(SQLException e) {
        return e.getErrorCode() == UNKNOWN_SYSTEM_VARIABLE;
    }

    /** The outcome {@code e} stands for, looking through wrapped and chained errors. */
    public static Outcome classify(SQLException e) {
        return ErrorChain.classify(e, MySqlOutcomes::classifyOne);
    }

    /** The outcome of one error, ignoring what it wraps. */
    static Outcome classifyOne(SQLException e) {
        Outcome byCode = BY_VENDOR_CODE.get(e.getErrorCode());
        if (byCode != null) {
            return byCode;
        }
        String state = e.getSQLState();
        if (state != null) {
            Outcome byState = BY_SQLSTATE.get(state);
            if (byState != null) {
                return byState;
            }
            if (state.length() >= 2) {
                Outcome byClass = BY_SQLSTATE_CLASS.get(state.substring(0, 2));
                if (byClass != null) {
                    return byClass;
                }
            }
        }
        // Connector/J's link failure, whatever SQLState it carries
        if (e instanceof CommunicationsException) {
            return CONNECTION_LOST;
        }
        // Connector/J's setQueryTimeout (MySQLTimeoutException) and Statement.cancel
        // (MySQLStatementCancelledException): the driver sends KILL QUERY and reports its own error
        // in place of the server's 1317, with SQLState null and code 0 (both seen on MariaDB 10.11)
        if (e instanceof SQLTimeoutException || e instanceof MySQLStatementCancelledException) {
            return TIMEOUT;
        }
        return Outcome.OTHER;
    }
}
