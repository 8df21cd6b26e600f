package io.github.gocbench.frameworks.jooq;

import io.github.gocbench.frameworks.Db;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.jooq.Constants;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * A strategy's table as jOOQ sees it without generated code: {@code name(id bigint generated, k
 * bigint unique)}, and a {@link DSLContext} on goc's connection with the server's dialect.
 */
record JooqTable(String name, Table<?> table, Field<Long> id, Field<Long> k) {

    static JooqTable named(String name) {
        return new JooqTable(name, DSL.table(DSL.name(name)), DSL.field(DSL.name("id"), SQLDataType.BIGINT),
                DSL.field(DSL.name("k"), SQLDataType.BIGINT));
    }

    /** The jOOQ version on the classpath, e.g. {@code 3.19.39}. */
    static String jooqVersion() {
        return Constants.FULL_VERSION;
    }

    void create(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(Db.of(connection).createKeyTable(name));
        }
    }

    /** jOOQ on {@code connection}: POSTGRES, MARIADB or MYSQL, from the server's product name and version. */
    static DSLContext using(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        String version = connection.getMetaData().getDatabaseProductVersion().toLowerCase(Locale.ROOT);
        SQLDialect dialect = product.contains("postgres") ? SQLDialect.POSTGRES
                : product.contains("mariadb") || version.contains("mariadb") ? SQLDialect.MARIADB : SQLDialect.MYSQL;
        return DSL.using(connection, dialect);
    }

    /** The id of the row of {@code key}, or null. */
    Long idOf(DSLContext ctx, long key) {
        return ctx.select(id).from(table).where(k.eq(key)).fetchOne(id);
    }
}
