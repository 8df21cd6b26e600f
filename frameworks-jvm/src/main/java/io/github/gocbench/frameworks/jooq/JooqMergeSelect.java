package io.github.gocbench.frameworks.jooq;

import io.github.gocbench.frameworks.Conflicts;
import io.github.gocbench.frameworks.SqlErrors;
import io.github.gocbench.frameworks.Versions;
import io.github.gocbench.spi.UserStrategy;
import java.sql.Connection;
import java.sql.SQLException;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * jOOQ's MERGE: {@code mergeInto(t).using(selectOne()).on(k.eq(key)).whenNotMatchedThenInsert(k)
 * .values(key)}, then {@code select id from t where k = ?}. What jOOQ sends depends on the
 * dialect (see {@link #sql}): PostgreSQL 15+ gets a native {@code MERGE}, which does no
 * speculative insertion (a concurrent MERGE raises the unique violation). For MariaDB/MySQL, which
 * have no MERGE, jOOQ 3.19 (open source edition) renders the same {@code merge into} for this shape,
 * so {@link #prepare} refuses them. Created when the MERGE counted a row.
 */
public final class JooqMergeSelect implements UserStrategy {

    static final JooqTable TABLE = JooqTable.named("goc_jvm_jooq_merge");

    @Override
    public String description() {
        return "jOOQ " + JooqTable.jooqVersion() + ": mergeInto().using(selectOne()).on(k).whenNotMatchedThenInsert()"
                + " (native MERGE on PostgreSQL), then select";
    }

    @Override
    public String id() {
        return "jooq-" + Versions.majorMinor(JooqTable.jooqVersion()) + "-merge-select";
    }

    /**
     * Creates the table; refuses MariaDB/MySQL, where jOOQ renders the MERGE as it is
     * written ({@code merge into ... using (select 1 ...) ...}), which those servers do not have.
     */
    @Override
    public void prepare(Connection connection) throws SQLException {
        DSLContext ctx = JooqTable.using(connection);
        if (ctx.dialect() != SQLDialect.POSTGRES) {
            throw new SQLException("jOOQ " + JooqTable.jooqVersion() + " renders no MERGE emulation for "
                    + ctx.dialect() + " (it sends: " + sql(connection, 1) + "), which the server does not"
                    + " have; run " + id() + " on PostgreSQL", "0A000");
        }
        TABLE.create(connection);
    }

    /** The statement jOOQ renders for the MERGE on {@code connection}'s server (bind values inlined). */
    public static String sql(Connection connection, long key) throws SQLException {
        DSLContext ctx = JooqTable.using(connection);
        return ctx.renderInlined(merge(ctx, key));
    }

    private static org.jooq.Query merge(DSLContext ctx, long key) {
        return ctx.mergeInto(TABLE.table())
                .using(DSL.selectOne())
                .on(TABLE.k().eq(key))
                .whenNotMatchedThenInsert(TABLE.k())
                .values(key);
    }

    @Override
    public Answer getOrCreate(Connection connection, long key) throws SQLException {
        try {
            DSLContext ctx = JooqTable.using(connection);
            int inserted = merge(ctx, key).execute();
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
