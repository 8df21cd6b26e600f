package io.github.gocbench.dialect.mysql;

import io.github.gocbench.dialect.ConnectRefusal;
import io.github.gocbench.dialect.Dialect;
import io.github.gocbench.dialect.Idiom;
import io.github.gocbench.dialect.KeyRows;
import io.github.gocbench.strategy.Table;
import io.github.gocbench.outcome.Outcome;
import io.github.gocbench.strategy.StrategyDef;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * MySQL and MariaDB (through MySQL Connector/J): DDL (InnoDB), error table
 * ({@link MySqlOutcomes}), session bounds, recorded settings and the strategy catalogue. The two
 * products differ in their statement timeout variable; the dialect tells them apart by
 * {@code SELECT VERSION()}. Stateless; one instance serves any number of connections.
 */
public final class MySqlDialect implements Dialect {

    private static final String CREATE_UNIQUE = "CREATE TABLE %1$s ("
            + "id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, "
            + "k BIGINT NOT NULL, "
            + "created_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), "
            + "UNIQUE KEY %1$s_k_key (k)) ENGINE=InnoDB";
    /** {@code --no-unique}: a plain index so lookups by {@code k} stay fast. */
    private static final String CREATE_NO_UNIQUE = "CREATE TABLE %1$s ("
            + "id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, "
            + "k BIGINT NOT NULL, "
            + "created_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), "
            + "KEY %1$s_k_idx (k)) ENGINE=InnoDB";
    private static final String DROP = "DROP TABLE IF EXISTS %s";
    private static final String TRUNCATE = "TRUNCATE TABLE %s";

    /**
     * A run's claim on its table: a user-level lock named after database and table (GET_LOCK
     * names are server-wide and at most 64 characters, hence the digest). Never collides with
     * the advisory-lock strategy's {@code goc:<k>} names.
     */
    private static final String TRY_CLAIM =
            "SELECT GET_LOCK(CONCAT('goc-table:', MD5(CONCAT(DATABASE(), '.', ?))), 0)";
    private static final String RELEASE_CLAIM =
            "SELECT RELEASE_LOCK(CONCAT('goc-table:', MD5(CONCAT(DATABASE(), '.', ?))))";
    private static final String CLAIM_HOLDER =
            "SELECT IS_USED_LOCK(CONCAT('goc-table:', MD5(CONCAT(DATABASE(), '.', ?))))";

    private static final String VERSION = "SELECT VERSION()";
    /** MariaDB: seconds as a decimal (microsecond precision); 0 disables. */
    private static final String SET_MAX_STATEMENT_TIME = "SET SESSION max_statement_time = ?";
    /** Oracle MySQL: milliseconds; applies to read-only SELECT only; 0 disables. */
    private static final String SET_MAX_EXECUTION_TIME = "SET SESSION max_execution_time = ?";
    /** Row lock waits, whole seconds, at least 1. */
    private static final String SET_INNODB_LOCK_WAIT_TIMEOUT = "SET SESSION innodb_lock_wait_timeout = ?";
    /** Metadata lock waits (DDL, TRUNCATE against open transactions), whole seconds, at least 1. */
    private static final String SET_LOCK_WAIT_TIMEOUT = "SET SESSION lock_wait_timeout = ?";
    private static final String SHOW_VARIABLE = "SHOW SESSION VARIABLES WHERE Variable_name = ?";

    /** What the shared flows need besides SQL: the id comes back as the generated key. */
    static final Idiom IDIOM = new Idiom(KeyRows::insertGeneratedId, MySqlOutcomes::classify);

    /** The catalogue, in the order {@code goc strategies} lists it; each strategy's file holds its SQL and DEF. */
    private static final List<StrategyDef> STRATEGIES = List.of(
            NaiveMySql.DEF,
            TransactionalMySql.DEF,
            UpsertMySql.DEF,
            InsertFirstMySql.DEF,
            InsertFirstMySql.DEF_FOR_UPDATE,
            InsertFirstMySql.DEF_FOR_SHARE,
            InsertIgnoreMySql.DEF,
            SelectForUpdateMySql.DEF,
            AdvisoryLockMySql.DEF,
            SerializableRetryMySql.DEF);

    public MySqlDialect() {
    }

    @Override
    public String id() {
        return "mysql";
    }

    /** {@code useAffectedRows=true}: {@link UpsertMySql} needs it to tell a new row from a found one. */
    @Override
    public Map<String, String> connectionProperties() {
        return Map.of(UpsertMySql.AFFECTED_ROWS_PROPERTY, "true");
    }

    @Override
    public void resetSchema(Connection connection, Table table) throws SQLException {
        String t = table.name();
        try (Statement s = connection.createStatement()) {
            s.execute(String.format(DROP, t));
            s.execute(String.format(table.unique() ? CREATE_UNIQUE : CREATE_NO_UNIQUE, t));
        }
    }

    @Override
    public boolean tryClaimTable(Connection connection, Table table) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(TRY_CLAIM)) {
            ps.setString(1, table.name());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) == 1;
            }
        }
    }

    @Override
    public long sessionId(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT CONNECTION_ID()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void releaseTableClaim(Connection connection, Table table) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(RELEASE_CLAIM)) {
            ps.setString(1, table.name());
            ps.executeQuery().close();
        }
    }

    @Override
    public String tableClaimHolder(Connection connection, Table table) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(CLAIM_HOLDER)) {
            ps.setString(1, table.name());
            try (ResultSet rs = ps.executeQuery()) {
                long id = rs.next() ? rs.getLong(1) : 0;
                return id > 0 ? "connection id " + id : "nobody";
            }
        }
    }

    @Override
    public void truncate(Connection connection, Table table) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(String.format(TRUNCATE, table.name()));
        }
    }

    @Override
    public Outcome classify(SQLException e) {
        return MySqlOutcomes.classify(e);
    }

    @Override
    public Optional<ConnectRefusal> connectRefusal(SQLException e) {
        return MySqlOutcomes.connectRefusal(e);
    }

    /**
     * MariaDB: {@code max_statement_time} (seconds, microseconds rounded up). MySQL:
     * {@code max_execution_time} (milliseconds rounded up; SELECT only). Both:
     * {@code innodb_lock_wait_timeout} and {@code lock_wait_timeout} in whole seconds rounded
     * up, at least 1 (InnoDB cannot wait less). A zero statement timeout disables it.
     */
    @Override
    public void applySessionBounds(Connection connection, Duration statementTimeout, Duration lockTimeout)
            throws SQLException {
        if (isMariaDb(connection)) {
            set(connection, SET_MAX_STATEMENT_TIME, ceilSeconds(statementTimeout));
        } else {
            set(connection, SET_MAX_EXECUTION_TIME, ceilMillis(statementTimeout));
        }
        long lockSeconds = lockWaitSeconds(lockTimeout);
        set(connection, SET_INNODB_LOCK_WAIT_TIMEOUT, lockSeconds);
        set(connection, SET_LOCK_WAIT_TIMEOUT, lockSeconds);
    }

    private static void set(Connection connection, String sql, Object value) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setObject(1, value);
            ps.execute();
        }
    }

    /** Seconds with microsecond precision, rounded up. */
    static BigDecimal ceilSeconds(Duration d) {
        requireNonNegative(d);
        return new BigDecimal(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9))
                .setScale(6, RoundingMode.CEILING);
    }

    /** Whole seconds, rounded up, at least 1: what {@code innodb_lock_wait_timeout} accepts. */
    static long lockWaitSeconds(Duration d) {
        return Math.max(1, ceilSeconds(d).setScale(0, RoundingMode.CEILING).longValueExact());
    }

    /** Whole milliseconds, rounded up. */
    static long ceilMillis(Duration d) {
        requireNonNegative(d);
        long ms = d.toMillis();
        return d.minusMillis(ms).isZero() ? ms : ms + 1;
    }

    private static void requireNonNegative(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative: " + d);
        }
    }

    /** True when the server is MariaDB ({@code VERSION()} says so), false for Oracle MySQL. */
    public static boolean isMariaDb(Connection connection) throws SQLException {
        return version(connection).contains("MariaDB");
    }

    private static String version(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(VERSION)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /**
     * version, product, transaction_isolation (tx_isolation before MariaDB 11.1),
     * innodb_flush_log_at_trx_commit, innodb_snapshot_isolation (only where it exists),
     * max_connections and autocommit, as this session sees them.
     */
    @Override
    public Map<String, String> serverSettings(Connection connection) throws SQLException {
        Map<String, String> settings = new LinkedHashMap<>();
        String version = version(connection);
        settings.put("version", version);
        settings.put("product", version.contains("MariaDB") ? "MariaDB" : "MySQL");
        try (PreparedStatement ps = connection.prepareStatement(SHOW_VARIABLE)) {
            Optional<String> isolation = variable(ps, "transaction_isolation");
            if (isolation.isEmpty()) {
                isolation = variable(ps, "tx_isolation");
            }
            isolation.ifPresent(v -> settings.put("transaction_isolation", v));
            for (String name : List.of("innodb_flush_log_at_trx_commit", "innodb_snapshot_isolation",
                    "max_connections", "autocommit")) {
                variable(ps, name).ifPresent(v -> settings.put(name, v));
            }
        }
        return settings;
    }

    private static Optional<String> variable(PreparedStatement show, String name) throws SQLException {
        show.setString(1, name);
        try (ResultSet rs = show.executeQuery()) {
            return rs.next() ? Optional.ofNullable(rs.getString(2)) : Optional.empty();
        }
    }

    @Override
    public List<StrategyDef> strategies() {
        return STRATEGIES;
    }
}
