package io.github.gocbench.dialect.mysql;

import static io.github.gocbench.strategy.Situation.AUTOCOMMIT;
import static io.github.gocbench.strategy.Situation.OUTER_READ_COMMITTED;
import static io.github.gocbench.strategy.Situation.OUTER_REPEATABLE_READ;

import com.mysql.cj.conf.PropertyKey;
import com.mysql.cj.jdbc.JdbcConnection;
import com.mysql.cj.jdbc.StatementImpl;
import io.github.gocbench.strategy.Table;
import io.github.gocbench.strategy.Expect;
import io.github.gocbench.strategy.Got;
import io.github.gocbench.strategy.SideEffect;
import io.github.gocbench.strategy.Strategy;
import io.github.gocbench.strategy.StrategyDef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * {@code upsert}: one statement, {@code INSERT … ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id)}.
 * On a new row the server generates the id; on an existing one {@code LAST_INSERT_ID(id)} makes
 * the existing id the statement's "last insert id". Both arrive in the OK packet, read with
 * Connector/J's {@code getLastInsertID()} (no second round trip).
 *
 * <p>New vs existing comes from the affected-row count, which needs Connector/J's
 * {@code useAffectedRows=true} (see {@link MySqlDialect#connectionProperties()}). Measured on
 * MariaDB 10.11 and 11.4.5 with Connector/J 9.5: with the default ({@code useAffectedRows=false},
 * the CLIENT_FOUND_ROWS flag) a new row and an existing row both report 1, so they cannot be told
 * apart; with {@code useAffectedRows=true} a new row reports 1 and an existing row 0 (its id is
 * unchanged; 2 would mean a changed row, which {@code id = id} never is), and
 * {@code getGeneratedKeys()} is then empty for the existing row while {@code getLastInsertID()}
 * still holds it. Without the property this strategy refuses to run rather than report every
 * call as CREATED.
 *
 * <p>Origin: the design card (DESIGN.md, "Strategies"), MySQL's canonical upsert.
 *
 * <p>Known to get wrong: the side-effect hook runs before every INSERT attempt, hits included,
 * because the strategy cannot know before inserting whether the row exists. Its read is a
 * locking read of the latest row version, so in an outer REPEATABLE READ transaction it finds a
 * row committed after the caller's snapshot (FOUND) — unless {@code innodb_snapshot_isolation} is
 * ON (MariaDB), which refuses that read with 1020 ({@code SNAPSHOT_CONFLICT}). A hit takes an
 * exclusive lock on the row (and gap locks around a new one), so concurrent upserts can deadlock
 * (1213), and every hit consumes an AUTO_INCREMENT value (gaps in ids). Without the unique
 * constraint nothing is ever a duplicate: every call inserts a new row (double create, duplicate
 * rows).
 */
final class UpsertMySql implements Strategy {

    static final String ID = "upsert";
    static final String SUMMARY = "INSERT ... ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id); one statement";

    /** Declared outcomes when racing callers share a key (held by the race suites). */
    static final Expect EXPECT = Expect.safe(AUTOCOMMIT, OUTER_READ_COMMITTED, OUTER_REPEATABLE_READ);

    /** Connector/J connection property this strategy needs set to {@code true}. */
    static final String AFFECTED_ROWS_PROPERTY = PropertyKey.useAffectedRows.getKeyName();

    private static final String UPSERT = "INSERT INTO %s (k) VALUES (?) ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id)";

    private final String upsert;

    static final StrategyDef DEF = new StrategyDef(ID, SUMMARY, UpsertMySql::new, EXPECT);

    UpsertMySql(Table table) {
        this.upsert = String.format(UPSERT, table.name());
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Got getOrCreate(Connection connection, long key, SideEffect sideEffect) throws SQLException {
        requireAffectedRows(connection);
        sideEffect.beforeInsert(key);
        try (PreparedStatement ps = connection.prepareStatement(upsert)) {
            ps.setLong(1, key);
            int affected = ps.executeUpdate();
            long id = ps.unwrap(StatementImpl.class).getLastInsertID();
            return new Got(id, affected == 1, 0);
        }
    }

    private static void requireAffectedRows(Connection connection) throws SQLException {
        boolean affectedRows = connection.unwrap(JdbcConnection.class).getPropertySet()
                .getBooleanProperty(PropertyKey.useAffectedRows).getValue();
        if (!affectedRows) {
            throw new IllegalStateException("MySQL upsert needs the Connector/J connection property "
                    + AFFECTED_ROWS_PROPERTY + "=true: without it a found row reports 1 affected row, "
                    + "exactly like a new one (Dialect.connectionProperties())");
        }
    }
}
