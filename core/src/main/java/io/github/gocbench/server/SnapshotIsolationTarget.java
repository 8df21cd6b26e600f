package io.github.gocbench.server;

import io.github.gocbench.dialect.DbFamily;
import io.github.gocbench.dialect.Dialect;
import io.github.gocbench.dialect.mysql.MySqlOutcomes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A MariaDB target whose every connection runs with {@code innodb_snapshot_isolation} set ON or
 * OFF for its session. MariaDB 10.6.18/10.11.8/11.4 added the variable: ON makes REPEATABLE READ
 * (and SERIALIZABLE) report a write to a row changed after the snapshot as an error (1020, "Record
 * has changed since last read") instead of silently reading the latest committed version. It is
 * session-settable, so a decorator can compare both on one server. {@link #info()} records the
 * value in the settings so results say which way they ran. {@link #close()} leaves the wrapped
 * target open: it belongs to the caller, who may wrap it twice (ON and OFF).
 */
public final class SnapshotIsolationTarget implements Target {

    /** The server variable, also the key recorded in {@link TargetInfo#settings()}. */
    public static final String SETTING = "innodb_snapshot_isolation";

    private final Target inner;
    private final boolean on;

    public SnapshotIsolationTarget(Target inner, boolean on) {
        this.inner = inner;
        this.on = on;
    }

    /**
     * The server's global value of {@value #SETTING}, or empty when the server does not have it
     * (MySQL, PostgreSQL, older MariaDB).
     */
    public static Optional<Boolean> globalValue(Target target) throws SQLException {
        if (target.info().family() == DbFamily.POSTGRES) {
            return Optional.empty();
        }
        try (Connection c = target.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT @@global.innodb_snapshot_isolation")) {
            rs.next();
            return Optional.of(rs.getInt(1) != 0);
        } catch (SQLException e) {
            if (MySqlOutcomes.isUnknownVariable(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Whether connections of this target run with the setting ON. */
    public boolean on() {
        return on;
    }

    @Override
    public TargetInfo info() {
        TargetInfo i = inner.info();
        Map<String, String> settings = new LinkedHashMap<>(i.settings() == null ? Map.of() : i.settings());
        settings.put(SETTING, on ? "ON" : "OFF");
        return new TargetInfo(i.family(), i.product(), i.version(), i.provision(), i.url(), java.util.Collections.unmodifiableMap(settings));
    }

    @Override
    public Dialect dialect() {
        return inner.dialect();
    }

    /** A connection of the wrapped target with the session setting applied and checked. */
    @Override
    public Connection connect() throws SQLException {
        Connection c = inner.connect();
        try (Statement st = c.createStatement()) {
            st.execute(on ? "SET SESSION innodb_snapshot_isolation = ON" : "SET SESSION innodb_snapshot_isolation = OFF");
            try (ResultSet rs = st.executeQuery("SELECT @@session.innodb_snapshot_isolation")) {
                if (!rs.next() || (rs.getInt(1) != 0) != on) {
                    throw new SQLException(SETTING + " did not take the value " + (on ? "ON" : "OFF"));
                }
            }
            return c;
        } catch (SQLException | RuntimeException e) {
            try {
                c.close();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** Does nothing: the wrapped target belongs to the caller. */
    @Override
    public void close() {
    }
}
