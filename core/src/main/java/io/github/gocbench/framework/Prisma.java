package io.github.gocbench.framework;

import static io.github.gocbench.outcome.Outcome.DUPLICATE_KEY;
import static io.github.gocbench.outcome.Outcome.SERIALIZATION_FAILURE;
import static io.github.gocbench.strategy.Situation.AUTOCOMMIT;
import static io.github.gocbench.strategy.Situation.OUTER_READ_COMMITTED;
import static io.github.gocbench.strategy.Situation.OUTER_REPEATABLE_READ;

import io.github.gocbench.strategy.Expect;
import io.github.gocbench.strategy.Got;
import io.github.gocbench.strategy.SideEffect;
import io.github.gocbench.strategy.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Prisma Client's {@code upsert} (prisma/prisma-engines
 * {@code query-engine/core/src/query_graph_builder/write/upsert.rs} @ 01aad9b6), in its two paths:
 *
 * <ul>
 *   <li>{@code prisma-upsert} ({@code update: {}}, the get-or-create idiom, and every upsert the
 *       native path refuses): the emulated upsert, a transactional query graph: {@code BEGIN}; {@code
 *       SELECT id … WHERE k = $1 OFFSET $2}; on a miss {@code INSERT … RETURNING id} and the read-back
 *       {@code SELECT … WHERE id = $1 LIMIT $2 OFFSET $3}; on a hit (empty update: no UPDATE) the read-back
 *       alone; {@code COMMIT}. Nothing catches the unique violation: two callers that both missed give
 *       the loser P2002 (prisma#3242, #14868). Inside an interactive transaction
 *       ({@code $transaction(async tx => …)}) the graph joins it: no {@code BEGIN}, no savepoint, so on
 *       PostgreSQL the P2002 also aborts the caller's transaction.</li>
 *   <li>{@code prisma-upsert-native} (Prisma 4.6+, PostgreSQL only, when {@code where} is one unique
 *       field equal to the create value and {@code update} is not empty, here {@code update: {k}}): one
 *       {@code INSERT … ON CONFLICT ("k") DO UPDATE SET "k" = $2 WHERE … RETURNING …} (prisma#9972),
 *       no transaction around it. Prisma does not tell the caller whether the row was created, so
 *       this replay answers FOUND for every call.</li>
 * </ul>
 * Prisma names every table {@code "public"."t"} on PostgreSQL and {@code `database`.`t`} on MySQL;
 * the replay leaves the schema out (the run's table lives in the connection's default schema).
 */
public final class Prisma {

    static final String SOURCE = "prisma/prisma-engines query-engine/core/src/query_graph_builder/write/upsert.rs"
            + " @ 01aad9b6";

    private static final String PG_SELECT_ID = "SELECT \"%1$s\".\"id\" FROM \"%1$s\" WHERE (\"%1$s\".\"k\" = ? AND 1=1)"
            + " OFFSET ?";
    private static final String PG_INSERT = "INSERT INTO \"%1$s\" (\"k\") VALUES (?) RETURNING \"%1$s\".\"id\"";
    private static final String PG_READ = "SELECT \"%1$s\".\"id\", \"%1$s\".\"k\", \"%1$s\".\"created_at\" FROM \"%1$s\""
            + " WHERE \"%1$s\".\"id\" = ? LIMIT ? OFFSET ?";
    /** Quaint writes an OFFSET without LIMIT on MySQL with the largest LIMIT, inline. */
    private static final String MY_SELECT_ID = "SELECT `%1$s`.`id` FROM `%1$s` WHERE (`%1$s`.`k` = ? AND 1=1)"
            + " LIMIT 18446744073709551615 OFFSET ?";
    private static final String MY_INSERT = "INSERT INTO `%1$s` (`k`) VALUES (?)";
    private static final String MY_READ = "SELECT `%1$s`.`id`, `%1$s`.`k`, `%1$s`.`created_at` FROM `%1$s`"
            + " WHERE `%1$s`.`id` = ? LIMIT ? OFFSET ?";
    private static final String PG_NATIVE = "INSERT INTO \"%1$s\" (\"k\") VALUES (?) ON CONFLICT (\"k\") DO UPDATE"
            + " SET \"k\" = ? WHERE (\"%1$s\".\"k\" = ? AND 1=1) RETURNING \"%1$s\".\"id\", \"%1$s\".\"k\","
            + " \"%1$s\".\"created_at\"";

    /** No rescue anywhere: the loser of the insert race gets P2002. */
    static final Expect EMULATED = Expect.UNDECLARED
            .known(AUTOCOMMIT, DUPLICATE_KEY)
            .known(OUTER_READ_COMMITTED, DUPLICATE_KEY)
            .known(OUTER_REPEATABLE_READ, DUPLICATE_KEY);
    /**
     * One atomic statement; inside a REPEATABLE READ transaction DO UPDATE of a row the snapshot cannot
     * see is a serialization failure.
     */
    static final Expect NATIVE = Expect.safe(AUTOCOMMIT, OUTER_READ_COMMITTED)
            .known(OUTER_REPEATABLE_READ, SERIALIZATION_FAILURE);

    static final List<FrameworkDef> DEFS = List.of(
            FrameworkDef.of("prisma-upsert", "Prisma", "2.x - 6.x", SOURCE,
                            "https://github.com/prisma/prisma/issues/3242 "
                                    + "https://github.com/prisma/prisma/issues/14868",
                            "upsert with update {} (emulated): BEGIN; SELECT id; INSERT RETURNING id | -; "
                                    + "SELECT by id; COMMIT (no rescue: P2002)")
                    .on(Flavor.POSTGRES, Emulated::new, EMULATED)
                    .on(Flavor.MYSQL, Emulated::new, EMULATED),
            FrameworkDef.of("prisma-upsert-native", "Prisma", "4.6 - 6.x", SOURCE,
                            "https://github.com/prisma/prisma/issues/9972",
                            "upsert with a non-empty update (native): INSERT ... ON CONFLICT (k) DO UPDATE SET k "
                                    + "RETURNING (PostgreSQL only)")
                    .on(Flavor.POSTGRES, Native::new, NATIVE));

    private Prisma() {
    }

    /** {@code prisma.item.upsert({where: {k}, create: {k}, update: {}})}. */
    static final class Emulated implements Replay {
        private final Flavor flavor;
        private final String selectId;
        private final String insert;
        private final String read;

        Emulated(Flavor flavor, Table table) {
            this.flavor = flavor;
            boolean pg = flavor == Flavor.POSTGRES;
            this.selectId = String.format(pg ? PG_SELECT_ID : MY_SELECT_ID, table.name());
            this.insert = String.format(pg ? PG_INSERT : MY_INSERT, table.name());
            this.read = String.format(pg ? PG_READ : MY_READ, table.name());
        }

        @Override
        public String id() {
            return "prisma-upsert";
        }

        @Override
        public Got getOrCreate(Connection c, long key, SideEffect sideEffect) throws SQLException {
            boolean own = c.getAutoCommit();
            if (own) {
                Statements.send(c, "BEGIN");
            }
            try {
                Long found = Jdbc.queryId(c, selectId, key, 0);
                Got got;
                if (found != null) {
                    got = Got.found(found);
                } else {
                    sideEffect.beforeInsert(key);
                    got = Got.created(Jdbc.insertId(flavor, c, insert, key));
                }
                Jdbc.queryId(c, read, got.id(), 1, 0);
                if (own) {
                    Statements.send(c, "COMMIT");
                }
                return got;
            } catch (SQLException | RuntimeException e) {
                if (own) {
                    Statements.rollbackAfter(c, "ROLLBACK", e);
                }
                throw e;
            }
        }

        @Override
        public List<String> statements(boolean inTransaction, Path path) {
            List<String> s = new ArrayList<>();
            if (!inTransaction) {
                s.add("BEGIN");
            }
            s.add(selectId);
            if (path != Path.FOUND) {
                s.add(insert);
            }
            if (path != Path.CONFLICT) {
                s.add(read);
            }
            if (!inTransaction) {
                s.add(path == Path.CONFLICT ? "ROLLBACK" : "COMMIT");
            }
            return s;
        }
    }

    /** {@code prisma.item.upsert({where: {k}, create: {k}, update: {k}})} on PostgreSQL. */
    static final class Native implements Replay {
        private final String upsert;

        Native(Flavor flavor, Table table) {
            this.upsert = String.format(PG_NATIVE, table.name());
        }

        @Override
        public String id() {
            return "prisma-upsert-native";
        }

        @Override
        public Got getOrCreate(Connection c, long key, SideEffect sideEffect) throws SQLException {
            sideEffect.beforeInsert(key);
            try (PreparedStatement ps = c.prepareStatement(upsert)) {
                ps.setLong(1, key);
                ps.setLong(2, key);
                ps.setLong(3, key);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new SQLException("no row came back from the native upsert, key " + key);
                    }
                    return Got.found(rs.getLong(1)); // Prisma does not say whether it created the row
                }
            }
        }

        @Override
        public List<String> statements(boolean inTransaction, Path path) {
            return List.of(upsert);
        }

        @Override
        public boolean tellsCreated() {
            return false;
        }
    }
}
