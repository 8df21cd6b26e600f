package io.github.gocbench.dialect.postgres;

import static io.github.gocbench.outcome.Outcome.CONNECTION_LOST;
import static io.github.gocbench.outcome.Outcome.DEADLOCK;
import static io.github.gocbench.outcome.Outcome.DUPLICATE_KEY;
import static io.github.gocbench.outcome.Outcome.LOCK_TIMEOUT;
import static io.github.gocbench.outcome.Outcome.NOT_FOUND_AFTER_CONFLICT;
import static io.github.gocbench.outcome.Outcome.SERIALIZATION_FAILURE;
import static io.github.gocbench.outcome.Outcome.TIMEOUT;
import static io.github.gocbench.dialect.ConnectRefusal.Reason.AUTHENTICATION;
import static io.github.gocbench.dialect.ConnectRefusal.Reason.UNKNOWN_DATABASE;
import static java.util.Map.entry;

import io.github.gocbench.dialect.ConnectRefusal;
import io.github.gocbench.dialect.ErrorChain;
import io.github.gocbench.outcome.Outcome;
import io.github.gocbench.strategy.NotFoundAfterConflictException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.Map;
import java.util.Optional;

/**
 * PostgreSQL's error table, the one place its SQLStates are read: SQLState to call outcome (a
 * full SQLState is looked up first, then its class, the first two characters; an error no row
 * matches is {@link Outcome#OTHER}; wrapped errors are looked through by {@link ErrorChain}), and
 * SQLState to the reason a connection attempt was refused ({@link ConnectRefusal}).
 */
public final class PostgresOutcomes {

    /** Full SQLState to outcome. */
    static final Map<String, Outcome> BY_SQLSTATE = Map.ofEntries(
            // goc-bench's own: the strategy lost the insert race, then its re-read saw no row
            entry(NotFoundAfterConflictException.SQLSTATE, NOT_FOUND_AFTER_CONFLICT),
            // unique_violation: "duplicate key value violates unique constraint"
            entry("23505", DUPLICATE_KEY),
            // serialization_failure: REPEATABLE READ / SERIALIZABLE could not keep the snapshot
            entry("40001", SERIALIZATION_FAILURE),
            // deadlock_detected
            entry("40P01", DEADLOCK),
            // lock_not_available: lock_timeout expired (or NOWAIT)
            entry("55P03", LOCK_TIMEOUT),
            // query_canceled: statement_timeout, or pgjdbc's setQueryTimeout cancelling the statement
            entry("57014", TIMEOUT),
            // admin_shutdown: server shutting down, or pg_terminate_backend()
            entry("57P01", CONNECTION_LOST),
            // crash_shutdown: another backend crashed, server restarting
            entry("57P02", CONNECTION_LOST),
            // cannot_connect_now: server starting up or shutting down
            entry("57P03", CONNECTION_LOST));

    /** SQLState class (first two characters) to outcome, when no full SQLState matched. */
    static final Map<String, Outcome> BY_SQLSTATE_CLASS = Map.ofEntries(
            // connection_exception: 08000, 08003, 08006 (pgjdbc: I/O error, connection closed)
            entry("08", CONNECTION_LOST));

    /** SQLState of a refused connection attempt to its reason. */
    static final Map<String, ConnectRefusal.Reason> CONNECT_REFUSAL_BY_SQLSTATE = Map.ofEntries(
            // invalid_password
            entry("28P01", AUTHENTICATION),
            // invalid_authorization_specification: e.g. no pg_hba.conf entry, unknown role
            entry("28000", AUTHENTICATION),
            // invalid_catalog_name: "database ... does not exist"
            entry("3D000", UNKNOWN_DATABASE));

    private PostgresOutcomes() {
    }

    /** Why a connection attempt failed with {@code e}, when the table knows the reason. */
    public static Optional<ConnectRefusal> connectRefusal(SQLException e) {
        String state = e.getSQLState();
        ConnectRefusal.Reason reason = state == null ? null : CONNECT_REFUSAL_BY_SQLSTATE.get(state);
        return reason == null ? Optional.empty() : Optional.of(new ConnectRefusal(reason, "SQLState " + state));
    }

    /** The outcome {@code e} stands for, looking through wrapped and chained errors. */
    public static Outcome classify(SQLException e) {
        return ErrorChain.classify(e, PostgresOutcomes::classifyOne);
    }

    /** The outcome of one error, ignoring what it wraps. */
    static Outcome classifyOne(SQLException e) {
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
        // a JDBC-level query timeout a driver reports without a server SQLState
        if (e instanceof SQLTimeoutException) {
            return TIMEOUT;
        }
        return Outcome.OTHER;
    }
}
