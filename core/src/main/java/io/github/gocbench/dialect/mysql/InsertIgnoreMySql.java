package io.github.gocbench.dialect.mysql;

import static io.github.gocbench.outcome.Outcome.NOT_FOUND_AFTER_CONFLICT;
import static io.github.gocbench.strategy.Situation.AUTOCOMMIT;
import static io.github.gocbench.strategy.Situation.OUTER_READ_COMMITTED;
import static io.github.gocbench.strategy.Situation.OUTER_REPEATABLE_READ;

import io.github.gocbench.dialect.KeyRows;
import io.github.gocbench.strategy.Table;
import io.github.gocbench.strategy.Expect;
import io.github.gocbench.strategy.Got;
import io.github.gocbench.strategy.SideEffect;
import io.github.gocbench.strategy.Strategy;
import io.github.gocbench.strategy.StrategyDef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * {@code insert-ignore}: {@code INSERT IGNORE INTO t (k) VALUES (?)}; one affected row means this
 * call inserted the row (id from the generated keys), none means the key exists (the duplicate,
 * 1062, became a warning), so SELECT it.
 *
 * <p>The affected-row count of an ignored INSERT is 0 whether or not Connector/J's
 * {@code useAffectedRows} is set (that flag only changes what UPDATE and
 * {@code ON DUPLICATE KEY UPDATE} report), so unlike {@code upsert} this strategy needs no
 * connection property (measured with Connector/J 9.5 on MariaDB 10.11: 1 then 0 with either
 * setting).
 *
 * <p>Origin: the common MySQL idiom.
 *
 * <p>Known to get wrong: IGNORE turns every error it can into a warning, not just duplicates
 * (e.g. out-of-range values are clipped). The side-effect hook runs before every call, hits
 * included. The SELECT after an ignored INSERT is a consistent read: inside an outer REPEATABLE
 * READ transaction (InnoDB's default) whose snapshot predates the winner's commit it sees
 * nothing, {@code NOT_FOUND_AFTER_CONFLICT}. Without the unique constraint nothing is ignored:
 * every call creates a new row.
 */
final class InsertIgnoreMySql implements Strategy {

    static final String ID = "insert-ignore";
    static final String SUMMARY = "INSERT IGNORE; SELECT when no row was inserted";

    static final Expect EXPECT = Expect.safe(AUTOCOMMIT, OUTER_READ_COMMITTED)
            .known(OUTER_REPEATABLE_READ, NOT_FOUND_AFTER_CONFLICT);

    private static final String INSERT_IGNORE = "INSERT IGNORE INTO %s (k) VALUES (?)";
    private static final String SELECT = "SELECT id FROM %s WHERE k = ? ORDER BY id LIMIT 1";

    private final String insertIgnore;
    private final String select;

    static final StrategyDef DEF = new StrategyDef(ID, SUMMARY, InsertIgnoreMySql::new, EXPECT);

    InsertIgnoreMySql(Table table) {
        this.insertIgnore = String.format(INSERT_IGNORE, table.name());
        this.select = String.format(SELECT, table.name());
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Got getOrCreate(Connection connection, long key, SideEffect sideEffect) throws SQLException {
        sideEffect.beforeInsert(key);
        try (PreparedStatement ps = connection.prepareStatement(insertIgnore, Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, key);
            if (ps.executeUpdate() == 1) {
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return Got.created(keys.getLong(1));
                }
            }
        }
        return Got.found(KeyRows.readBack(connection, select, key, null));
    }
}
