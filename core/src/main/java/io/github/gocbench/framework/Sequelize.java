package io.github.gocbench.framework;

import static io.github.gocbench.outcome.Outcome.NOT_FOUND_AFTER_CONFLICT;
import static io.github.gocbench.strategy.Situation.AUTOCOMMIT;
import static io.github.gocbench.strategy.Situation.OUTER_READ_COMMITTED;
import static io.github.gocbench.strategy.Situation.OUTER_REPEATABLE_READ;

import io.github.gocbench.strategy.Expect;
import io.github.gocbench.strategy.Got;
import io.github.gocbench.strategy.NotFoundAfterConflictException;
import io.github.gocbench.strategy.SideEffect;
import io.github.gocbench.strategy.Table;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Sequelize's {@code Model.findOrCreate} (sequelize/sequelize {@code src/model.js}, 6.x, and
 * {@code packages/core/src/model.js} @ c7700944, 7.x: the same flow), for a model whose {@code k} is
 * declared {@code unique} (so {@code findOne} adds no {@code LIMIT}):
 *
 * <ul>
 *   <li>{@code sequelize.transaction(options)}: {@code START TRANSACTION} when the caller passed no
 *       transaction, else {@code SAVEPOINT "<transaction id>-sp-1"}, which nothing releases or rolls
 *       back afterwards (the {@code finally} commits only an internal transaction);</li>
 *   <li>{@code findOne} inside it; on a miss {@code create} with {@code exception: true}: on PostgreSQL
 *       the INSERT runs inside a temporary PL/pgSQL function whose {@code EXCEPTION WHEN
 *       unique_violation} block catches the duplicate (an implicit subtransaction, so the caller's
 *       transaction is not aborted), values inlined (the query generator turns bind parameters off for
 *       it), then {@code SELECT (testfunc.response).*, testfunc.sequelize_caught_exception FROM
 *       pg_temp.testfunc()} and {@code DROP FUNCTION}; a caught exception becomes a
 *       {@code UniqueConstraintError}. On MySQL a plain INSERT;</li>
 *   <li>on {@code UniqueConstraintError} one more {@code findOne}: inside the caller's transaction when
 *       there is one, else with {@code transaction: null}, i.e. on another pooled connection while the
 *       internal transaction is still open (sequelize#4333: with a pool of one it hangs). This replay
 *       has one connection, so it commits the internal transaction first and then re-reads in
 *       autocommit: the same visibility (a fresh read outside the transaction; the failed INSERT's lock
 *       does not block a plain read) without the second connection. A miss rethrows the error.</li>
 * </ul>
 * node-postgres sends the function's three statements as one simple query (one log line); JDBC sends
 * them one by one. The function's dollar-quote delimiter is {@code $func_<uuid>$} in Sequelize; here
 * a fixed uuid (the delimiter's value does not matter to the server).
 */
public final class Sequelize {

    static final String SOURCE = "sequelize/sequelize packages/core/src/model.js + "
            + "abstract-dialect/query-generator.js @ c7700944 (6.x src/model.js: same flow)";
    static final String THREADS = "https://github.com/sequelize/sequelize/issues/4333 "
            + "https://github.com/sequelize/sequelize/issues/1599";

    private static final String PG_FIND = "SELECT \"id\", \"k\", \"created_at\" FROM \"%1$s\" AS \"Item\""
            + " WHERE \"Item\".\"k\" = ?";
    private static final String MY_FIND = "SELECT `id`, `k`, `created_at` FROM `%1$s` AS `Item`"
            + " WHERE `Item`.`k` = ?";
    private static final String MY_INSERT = "INSERT INTO `%1$s` (`id`,`k`) VALUES (DEFAULT,?)";
    private static final String DELIMITER = "$func_5a0c3b7e9d2f4c1a8e6b0d9f7a3c2e1b$";
    private static final String PG_CREATE_FUNCTION = "CREATE OR REPLACE FUNCTION pg_temp.testfunc(OUT response"
            + " \"%1$s\", OUT sequelize_caught_exception text) RETURNS RECORD AS " + DELIMITER
            + " BEGIN INSERT INTO \"%1$s\" (\"id\",\"k\") VALUES (DEFAULT,%2$d) RETURNING * INTO response;"
            + " EXCEPTION WHEN unique_violation THEN GET STACKED DIAGNOSTICS sequelize_caught_exception ="
            + " PG_EXCEPTION_DETAIL; END " + DELIMITER + " LANGUAGE plpgsql";
    private static final String PG_CALL_FUNCTION = "SELECT (testfunc.response).\"id\", (testfunc.response).\"k\","
            + " (testfunc.response).\"created_at\", testfunc.sequelize_caught_exception FROM pg_temp.testfunc()";
    private static final String PG_DROP_FUNCTION = "DROP FUNCTION IF EXISTS pg_temp.testfunc()";
    /** Sequelize names a savepoint {@code <parent transaction uuid>-sp-<n>}. */
    private static final String SAVEPOINT_NAME = "0b6f2c4e-8a1d-4f3b-9c7e-2d5a6b8c0e1f-sp-1";

    /** The re-read is fresh except inside a REPEATABLE READ transaction (the caller's snapshot). */
    static final Expect FIND_OR_CREATE = Expect.safe(AUTOCOMMIT, OUTER_READ_COMMITTED)
            .known(OUTER_REPEATABLE_READ, NOT_FOUND_AFTER_CONFLICT);

    static final List<FrameworkDef> DEFS = List.of(
            FrameworkDef.of("sequelize", "Sequelize", "6.x - 7", SOURCE, THREADS,
                            "findOrCreate: START TRANSACTION/SAVEPOINT; SELECT; INSERT (PostgreSQL: in a temp "
                                    + "PL/pgSQL function catching unique_violation); on conflict SELECT again")
                    .on(Flavor.POSTGRES, FindOrCreate::new, FIND_OR_CREATE)
                    .on(Flavor.MYSQL, FindOrCreate::new, FIND_OR_CREATE));

    private Sequelize() {
    }

    /** The create's answer: the new id, or the unique violation it ran into. */
    private record Insert(long id, SQLException conflict) {
    }

    /** {@code Item.findOrCreate({where: {k: key}, transaction})}. */
    static final class FindOrCreate implements Replay {
        private final Flavor flavor;
        private final Table table;
        private final String find;
        private final String savepoint;

        FindOrCreate(Flavor flavor, Table table) {
            this.flavor = flavor;
            this.table = table;
            boolean pg = flavor == Flavor.POSTGRES;
            this.find = String.format(pg ? PG_FIND : MY_FIND, table.name());
            this.savepoint = "SAVEPOINT " + (pg ? "\"" + SAVEPOINT_NAME + "\"" : "`" + SAVEPOINT_NAME + "`");
        }

        @Override
        public String id() {
            return "sequelize";
        }

        @Override
        public Got getOrCreate(Connection c, long key, SideEffect sideEffect) throws SQLException {
            boolean internal = c.getAutoCommit();
            Statements.send(c, internal ? "START TRANSACTION" : savepoint);
            Insert insert;
            try {
                Long found = Jdbc.queryId(c, find, key);
                if (found != null) {
                    commitIfInternal(c, internal);
                    return Got.found(found);
                }
                sideEffect.beforeInsert(key);
                insert = flavor == Flavor.POSTGRES ? createInFunction(c, key) : create(c, key);
                if (insert.conflict() == null) {
                    commitIfInternal(c, internal);
                    return Got.created(insert.id());
                }
                if (!internal) {
                    return reread(c, key, insert.conflict());
                }
            } catch (SQLException | RuntimeException e) {
                if (internal) {
                    // Sequelize's finally commits the internal transaction whatever happened
                    try {
                        Statements.send(c, "COMMIT");
                    } catch (SQLException r) {
                        e.addSuppressed(r);
                    }
                }
                throw e;
            }
            Statements.send(c, "COMMIT");
            return reread(c, key, insert.conflict());
        }

        private Got reread(Connection c, long key, SQLException conflict) throws SQLException {
            Long again = Jdbc.queryId(c, find, key);
            if (again == null) {
                throw new NotFoundAfterConflictException(key, conflict);
            }
            return new Got(again, false, 1);
        }

        private static void commitIfInternal(Connection c, boolean internal) throws SQLException {
            if (internal) {
                Statements.send(c, "COMMIT");
            }
        }

        /** MySQL: a plain INSERT; the duplicate error is Sequelize's UniqueConstraintError. */
        private Insert create(Connection c, long key) throws SQLException {
            try {
                return new Insert(Jdbc.insertId(flavor, c, String.format(MY_INSERT, table.name()), key), null);
            } catch (SQLException e) {
                if (!flavor.isDuplicate(e)) {
                    throw e;
                }
                return new Insert(0, e);
            }
        }

        /** PostgreSQL: the temp function; a caught unique_violation comes back as a column, not an error. */
        private Insert createInFunction(Connection c, long key) throws SQLException {
            Statements.send(c, String.format(PG_CREATE_FUNCTION, table.name(), key));
            Long id = null;
            String caught = null;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(PG_CALL_FUNCTION)) {
                if (rs.next()) {
                    long v = rs.getLong(1);
                    id = rs.wasNull() ? null : v;
                    caught = rs.getString(4);
                }
            }
            Statements.send(c, PG_DROP_FUNCTION);
            if (caught != null || id == null) {
                return new Insert(0, new SQLException("UniqueConstraintError (caught in pg_temp.testfunc): " + caught,
                        "23505"));
            }
            return new Insert(id, null);
        }

        @Override
        public List<String> statements(boolean inTransaction, Path path) {
            List<String> s = new ArrayList<>();
            s.add(inTransaction ? savepoint : "START TRANSACTION");
            s.add(find);
            if (path != Path.FOUND) {
                if (flavor == Flavor.POSTGRES) {
                    s.add(String.format(PG_CREATE_FUNCTION, table.name(), 0));
                    s.add(PG_CALL_FUNCTION);
                    s.add(PG_DROP_FUNCTION);
                } else {
                    s.add(String.format(MY_INSERT, table.name()));
                }
            }
            if (!inTransaction) {
                s.add("COMMIT");
            }
            if (path == Path.CONFLICT) {
                s.add(find);
            }
            return s;
        }
    }
}
