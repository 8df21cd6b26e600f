package io.github.gocbench.framework;

import static io.github.gocbench.outcome.Outcome.DUPLICATE_KEY;
import static io.github.gocbench.outcome.Outcome.NOT_FOUND_AFTER_CONFLICT;
import static io.github.gocbench.outcome.Outcome.SERIALIZATION_FAILURE;
import static io.github.gocbench.strategy.Situation.AUTOCOMMIT;
import static io.github.gocbench.strategy.Situation.OUTER_READ_COMMITTED;
import static io.github.gocbench.strategy.Situation.OUTER_REPEATABLE_READ;

import io.github.gocbench.strategy.Expect;
import io.github.gocbench.strategy.Got;
import io.github.gocbench.strategy.NotFoundAfterConflictException;
import io.github.gocbench.strategy.SideEffect;
import io.github.gocbench.strategy.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * TypeORM 0.3.x, which has no find-or-create of its own: the three ways its users write one
 * (typeorm/typeorm {@code src/query-builder/InsertQueryBuilder.ts}, {@code src/persistence/EntityPersistExecutor.ts},
 * {@code src/entity-manager/EntityManager.ts}), for an entity {@code Item {id, k}}:
 *
 * <ul>
 *   <li>{@code typeorm-save}: {@code await repo.findOneBy({k}) ?? await repo.save(repo.create({k}))}.
 *       {@code save} of a new entity (no id) sends no SELECT; it wraps the INSERT in
 *       {@code START TRANSACTION … COMMIT}, or in {@code SAVEPOINT typeorm_1 … RELEASE SAVEPOINT
 *       typeorm_1} when the query runner is already in a transaction ({@code ROLLBACK [TO SAVEPOINT
 *       typeorm_1]} on error). Nothing catches the duplicate: {@code QueryFailedError} (typeorm#2188,
 *       closed "by design"; #4122, #7736).</li>
 *   <li>{@code typeorm-upsert}: {@code await repo.upsert({k}, ["k"]); return repo.findOneByOrFail({k})}:
 *       PostgreSQL {@code INSERT … ON CONFLICT ( "k" ) DO UPDATE SET "k" = EXCLUDED."k" RETURNING "id"},
 *       MySQL {@code INSERT … ON DUPLICATE KEY UPDATE `k` = VALUES(`k`)}; no transaction (a query
 *       builder's {@code useTransaction} is off). Its result does not say whether it created the row.</li>
 *   <li>{@code typeorm-or-ignore}: {@code createQueryBuilder().insert().values({k}).orIgnore().execute()},
 *       then {@code findOneByOrFail({k})} when it inserted nothing: PostgreSQL {@code ON CONFLICT DO
 *       NOTHING RETURNING "id"}, MySQL {@code INSERT IGNORE}.</li>
 * </ul>
 * On InnoDB REPEATABLE READ the no-op ODKU and the ignored INSERT leave the winner's row unchanged,
 * so the caller's snapshot still cannot see it and {@code findOneByOrFail} throws.
 */
public final class TypeOrm {

    static final String SOURCE = "typeorm/typeorm src/query-builder/InsertQueryBuilder.ts, "
            + "src/entity-manager/EntityManager.ts (0.3.x)";

    private static final String PG_FIND = "SELECT \"Item\".\"id\" AS \"Item_id\", \"Item\".\"k\" AS \"Item_k\""
            + " FROM \"%1$s\" \"Item\" WHERE ((\"Item\".\"k\" = ?)) LIMIT 1";
    private static final String MY_FIND = "SELECT `Item`.`id` AS `Item_id`, `Item`.`k` AS `Item_k`"
            + " FROM `%1$s` `Item` WHERE ((`Item`.`k` = ?)) LIMIT 1";
    private static final String PG_INSERT = "INSERT INTO \"%1$s\"(\"id\", \"k\") VALUES (DEFAULT, ?) RETURNING \"id\"";
    private static final String MY_INSERT = "INSERT INTO `%1$s`(`id`, `k`) VALUES (DEFAULT, ?)";
    private static final String PG_UPSERT = "INSERT INTO \"%1$s\"(\"id\", \"k\") VALUES (DEFAULT, ?)"
            + " ON CONFLICT ( \"k\" ) DO UPDATE SET \"k\" = EXCLUDED.\"k\" RETURNING \"id\"";
    private static final String MY_UPSERT = "INSERT INTO `%1$s`(`id`, `k`) VALUES (DEFAULT, ?)"
            + " ON DUPLICATE KEY UPDATE `k` = VALUES(`k`)";
    private static final String PG_OR_IGNORE = "INSERT INTO \"%1$s\"(\"id\", \"k\") VALUES (DEFAULT, ?)"
            + " ON CONFLICT DO NOTHING RETURNING \"id\"";
    private static final String MY_OR_IGNORE = "INSERT IGNORE INTO `%1$s`(`id`, `k`) VALUES (DEFAULT, ?)";
    private static final String SAVEPOINT = "typeorm_1";

    /** find ?? save: the loser's QueryFailedError everywhere. */
    static final Expect SAVE = Expect.UNDECLARED
            .known(AUTOCOMMIT, DUPLICATE_KEY)
            .known(OUTER_READ_COMMITTED, DUPLICATE_KEY)
            .known(OUTER_REPEATABLE_READ, DUPLICATE_KEY);
    /** PostgreSQL DO UPDATE: 40001 on a row a REPEATABLE READ snapshot cannot see. */
    static final Expect UPSERT_PG = Expect.safe(AUTOCOMMIT, OUTER_READ_COMMITTED)
            .known(OUTER_REPEATABLE_READ, SERIALIZATION_FAILURE);
    /** InnoDB: the no-op ODKU does not change the row, so a REPEATABLE READ snapshot still misses it. */
    static final Expect UPSERT_MYSQL = Expect.safe(AUTOCOMMIT, OUTER_READ_COMMITTED)
            .known(OUTER_REPEATABLE_READ, NOT_FOUND_AFTER_CONFLICT);
    static final Expect OR_IGNORE = Expect.safe(AUTOCOMMIT, OUTER_READ_COMMITTED)
            .known(OUTER_REPEATABLE_READ, NOT_FOUND_AFTER_CONFLICT);

    static final List<FrameworkDef> DEFS = List.of(
            FrameworkDef.of("typeorm-save", "TypeORM", "0.3.x", SOURCE,
                            "https://github.com/typeorm/typeorm/issues/2188 "
                                    + "https://github.com/typeorm/typeorm/issues/4122",
                            "findOneBy ?? save: SELECT LIMIT 1 || START TRANSACTION/SAVEPOINT; INSERT; COMMIT "
                                    + "(no rescue)")
                    .on(Flavor.POSTGRES, (f, t) -> new Save(f, t), SAVE)
                    .on(Flavor.MYSQL, (f, t) -> new Save(f, t), SAVE),
            FrameworkDef.of("typeorm-upsert", "TypeORM", "0.3.x", SOURCE,
                            "https://github.com/typeorm/typeorm/issues/2188",
                            "upsert(['k']) then findOneByOrFail: ON CONFLICT DO UPDATE SET k / ODKU k = VALUES(k); "
                                    + "SELECT")
                    .on(Flavor.POSTGRES, (f, t) -> new InsertThenFind(f, t, Kind.UPSERT), UPSERT_PG)
                    .on(Flavor.MYSQL, (f, t) -> new InsertThenFind(f, t, Kind.UPSERT), UPSERT_MYSQL),
            FrameworkDef.of("typeorm-or-ignore", "TypeORM", "0.3.x", SOURCE,
                            "https://github.com/typeorm/typeorm/issues/143",
                            "insert().orIgnore() then findOneByOrFail when nothing came back: ON CONFLICT DO "
                                    + "NOTHING RETURNING id / INSERT IGNORE; SELECT")
                    .on(Flavor.POSTGRES, (f, t) -> new InsertThenFind(f, t, Kind.OR_IGNORE), OR_IGNORE)
                    .on(Flavor.MYSQL, (f, t) -> new InsertThenFind(f, t, Kind.OR_IGNORE), OR_IGNORE));

    enum Kind { UPSERT, OR_IGNORE }

    private TypeOrm() {
    }

    /** {@code findOneBy({k}) ?? save(create({k}))}. */
    static final class Save implements Replay {
        private final Flavor flavor;
        private final String find;
        private final String insert;

        Save(Flavor flavor, Table table) {
            this.flavor = flavor;
            boolean pg = flavor == Flavor.POSTGRES;
            this.find = String.format(pg ? PG_FIND : MY_FIND, table.name());
            this.insert = String.format(pg ? PG_INSERT : MY_INSERT, table.name());
        }

        @Override
        public String id() {
            return "typeorm-save";
        }

        @Override
        public Got getOrCreate(Connection c, long key, SideEffect sideEffect) throws SQLException {
            Long found = Jdbc.queryId(c, find, key);
            if (found != null) {
                return Got.found(found);
            }
            boolean open = !c.getAutoCommit();
            sideEffect.beforeInsert(key);
            Statements.send(c, open ? "SAVEPOINT " + SAVEPOINT : "START TRANSACTION");
            long id;
            try {
                id = Jdbc.insertId(flavor, c, insert, key);
            } catch (SQLException | RuntimeException e) {
                Statements.rollbackAfter(c, open ? "ROLLBACK TO SAVEPOINT " + SAVEPOINT : "ROLLBACK", e);
                throw e;
            }
            Statements.send(c, open ? "RELEASE SAVEPOINT " + SAVEPOINT : "COMMIT");
            return Got.created(id);
        }

        @Override
        public List<String> statements(boolean inTransaction, Path path) {
            List<String> s = new ArrayList<>(List.of(find));
            if (path == Path.FOUND) {
                return s;
            }
            s.add(inTransaction ? "SAVEPOINT " + SAVEPOINT : "START TRANSACTION");
            s.add(insert);
            if (path == Path.CREATED) {
                s.add(inTransaction ? "RELEASE SAVEPOINT " + SAVEPOINT : "COMMIT");
            } else {
                s.add(inTransaction ? "ROLLBACK TO SAVEPOINT " + SAVEPOINT : "ROLLBACK");
            }
            return s;
        }
    }

    /** {@code upsert} / {@code orIgnore}, then {@code findOneByOrFail({k})}. */
    static final class InsertThenFind implements Replay {
        private final Flavor flavor;
        private final Kind kind;
        private final String insert;
        private final String find;

        InsertThenFind(Flavor flavor, Table table, Kind kind) {
            this.flavor = flavor;
            this.kind = kind;
            boolean pg = flavor == Flavor.POSTGRES;
            String sql = kind == Kind.UPSERT ? (pg ? PG_UPSERT : MY_UPSERT) : (pg ? PG_OR_IGNORE : MY_OR_IGNORE);
            this.insert = String.format(sql, table.name());
            this.find = String.format(pg ? PG_FIND : MY_FIND, table.name());
        }

        @Override
        public String id() {
            return kind == Kind.UPSERT ? "typeorm-upsert" : "typeorm-or-ignore";
        }

        @Override
        public Got getOrCreate(Connection c, long key, SideEffect sideEffect) throws SQLException {
            sideEffect.beforeInsert(key);
            Long inserted = flavor == Flavor.POSTGRES ? Jdbc.queryId(c, insert, key) : insertedMySql(c, key);
            if (kind == Kind.OR_IGNORE && inserted != null) {
                return Got.created(inserted);
            }
            Long id = Jdbc.queryId(c, find, key);
            if (id == null) {
                throw new NotFoundAfterConflictException(key, null);
            }
            return Got.found(id);
        }

        /** The generated id when the INSERT inserted a row (update count 1 and a key), else null. */
        private Long insertedMySql(Connection c, long key) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(insert, Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, key);
                int n = ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    return n == 1 && keys.next() && keys.getLong(1) != 0 ? keys.getLong(1) : null;
                }
            }
        }

        @Override
        public List<String> statements(boolean inTransaction, Path path) {
            if (kind == Kind.OR_IGNORE && path == Path.CREATED) {
                return List.of(insert);
            }
            return List.of(insert, find);
        }

        @Override
        public boolean tellsCreated() {
            return kind == Kind.OR_IGNORE;
        }
    }
}
