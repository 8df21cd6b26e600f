package io.github.gocbench.frameworks.jooq;

import io.github.gocbench.frameworks.Conflicts;
import io.github.gocbench.frameworks.SqlErrors;
import io.github.gocbench.frameworks.Versions;
import io.github.gocbench.spi.UserStrategy;
import java.sql.Connection;
import java.sql.SQLException;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;

/**
 * The jOOQ get-or-create recipe (Vlad Mihalcea's answer to "find or insert based on unique key"):
 * an INSERT that ignores the duplicate, then a SELECT. PostgreSQL: {@code insertInto(t, k)
 * .values(key).onConflictDoNothing()}, rendered {@code insert into t (k) values (?) on conflict do
 * nothing}; MariaDB/MySQL: {@code .onDuplicateKeyIgnore()}, rendered {@code insert ignore into t (k)
 * values (?)}. Then {@code select id from t where k = ?}. Created when the INSERT counted a row.
 */
public final class JooqInsertIgnoreSelect implements UserStrategy {

    static final JooqTable TABLE = JooqTable.named("goc_jvm_jooq_insert_ignore");

    @Override
    public String description() {
        return "jOOQ " + JooqTable.jooqVersion() + ": insertInto().onConflictDoNothing() (PostgreSQL) or"
                + " onDuplicateKeyIgnore() (MariaDB/MySQL: insert ignore), then select";
    }

    @Override
    public String id() {
        return "jooq-" + Versions.majorMinor(JooqTable.jooqVersion()) + "-insert-ignore-select";
    }

    @Override
    public void prepare(Connection connection) throws SQLException {
        TABLE.create(connection);
    }

    @Override
    public Answer getOrCreate(Connection connection, long key) throws SQLException {
        try {
            DSLContext ctx = JooqTable.using(connection);
            var insert = ctx.insertInto(TABLE.table(), TABLE.k()).values(key);
            int inserted = ctx.dialect() == SQLDialect.POSTGRES
                    ? insert.onConflictDoNothing().execute()
                    : insert.onDuplicateKeyIgnore().execute();
            Long id = TABLE.idOf(ctx, key);
            if (id == null) {
                throw Conflicts.notFoundAfterConflict(key, null);
            }
            return new Answer(id, inserted == 1);
        } catch (RuntimeException e) {
            throw SqlErrors.unwrap(e);
        }
    }
}
