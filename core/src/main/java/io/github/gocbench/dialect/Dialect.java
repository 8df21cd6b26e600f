package io.github.gocbench.dialect;

import io.github.gocbench.outcome.Outcome;
import io.github.gocbench.strategy.StrategyDef;
import io.github.gocbench.strategy.Table;
import io.github.gocbench.strategy.UserStrategies;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything that differs per server family: DDL, the SQL of each strategy and its declared
 * outcomes (one file per strategy in the dialect's package; the flows the dialects share,
 * {@link SerializableRetry} and {@link InsertFirst}, run that SQL), how an {@link SQLException}
 * maps to an {@link Outcome} (one table per dialect, the only code that reads error codes),
 * session bounds, and the server settings worth recording.
 */
public interface Dialect {

    /** {@code postgres} or {@code mysql} (MySQL and MariaDB share one dialect). */
    String id();

    /** Drops and recreates {@code table}, empty. */
    void resetSchema(Connection connection, Table table) throws SQLException;

    /**
     * Claims {@code table} for this session if no other session holds it, without waiting: a
     * session-level advisory lock, so two goc runs against one server never reset or fill each
     * other's table. The server releases it when the session ends, also when the process dies.
     *
     * @return whether this session now holds the claim (re-claiming one's own claim succeeds)
     */
    boolean tryClaimTable(Connection connection, Table table) throws SQLException;

    /**
     * Who holds the claim on {@code table}, in the server's terms ({@code "backend pid 4711"},
     * {@code "connection id 42"}), or {@code "nobody"}.
     */
    String tableClaimHolder(Connection connection, Table table) throws SQLException;

    /**
     * Gives the claim on {@code table} back before the session closes. Closing alone releases it
     * too, but the server ends a session a moment after the client hangs up: without this the
     * next run of the same sweep could find its own predecessor still holding the table.
     */
    void releaseTableClaim(Connection connection, Table table) throws SQLException;

    /**
     * The server's id of {@code connection}'s session (PostgreSQL's backend pid, MariaDB/MySQL's
     * connection id): what the server's own views (locks, waits, processlist) call it, so a
     * client-side connection can be found there.
     */
    long sessionId(Connection connection) throws SQLException;

    /** Deletes every row of {@code table}. */
    void truncate(Connection connection, Table table) throws SQLException;

    /** Maps a server error to a call outcome, by this dialect's SQLState / vendor-code table. */
    Outcome classify(SQLException e);

    /**
     * Why the server refused a connection attempt, by the same table, when it is one of the
     * reasons {@link ConnectRefusal} names; empty for anything else.
     */
    default Optional<ConnectRefusal> connectRefusal(SQLException e) {
        return Optional.empty();
    }

    /**
     * Sets server-side bounds on this session so no statement or lock wait can hang a run.
     * Durations are rounded up to what the server supports.
     */
    void applySessionBounds(Connection connection, Duration statementTimeout, Duration lockTimeout)
            throws SQLException;

    /** Server product version and the settings that change results (DESIGN.md, "Targets"). */
    Map<String, String> serverSettings(Connection connection) throws SQLException;

    /**
     * JDBC connection properties this dialect's strategies rely on; targets add them to every
     * connection they open (e.g. MySQL's {@code useAffectedRows=true}, without which Connector/J
     * reports an upsert that found the row exactly like one that inserted it).
     */
    default Map<String, String> connectionProperties() {
        return Map.of();
    }

    /** The strategies this dialect can express, in catalogue order. */
    List<StrategyDef> strategies();

    /**
     * The strategy with this id, if this dialect can express it, else the user's strategy
     * registered under it ({@code --strategy-class}, {@link UserStrategies}).
     */
    default Optional<StrategyDef> strategy(String id) {
        return strategies().stream().filter(s -> s.id().equals(id)).findFirst().or(() -> UserStrategies.find(id));
    }
}
