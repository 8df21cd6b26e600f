package io.github.gocbench.framework;

import static io.github.gocbench.outcome.Outcome.DUPLICATE_KEY;
import static io.github.gocbench.outcome.Outcome.NOT_FOUND_AFTER_CONFLICT;
import static io.github.gocbench.outcome.Outcome.OTHER;
import static io.github.gocbench.strategy.Situation.AUTOCOMMIT;
import static io.github.gocbench.strategy.Situation.OUTER_READ_COMMITTED;
import static io.github.gocbench.strategy.Situation.OUTER_REPEATABLE_READ;

import io.github.gocbench.strategy.Expect;
import io.github.gocbench.strategy.Got;
import io.github.gocbench.strategy.NotFoundAfterConflictException;
import io.github.gocbench.strategy.SideEffect;
import io.github.gocbench.strategy.Table;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Eloquent's {@code firstOrCreate} and {@code createOrFirst} (laravel/framework
 * {@code src/Illuminate/Database/Eloquent/Builder.php} @ bd71b45f), in three shapes:
 *
 * <ul>
 *   <li>{@code laravel-10.19} (up to 10.19): {@code first() ?? create()}: a plain autocommit INSERT (or
 *       one inside the caller's transaction); the lost race is the caller's {@code QueryException}.</li>
 *   <li>{@code laravel-10.20} (10.20, PR #47973): {@code first() ?? createOrFirst()}: INSERT, on
 *       {@code UniqueConstraintViolationException} {@code first()} again, but without a savepoint: inside a
 *       PostgreSQL transaction the failed INSERT has aborted it and the re-read fails with 25P02
 *       (issue #48143).</li>
 *   <li>{@code laravel} (10.21 to 12.x): {@code withSavepointIfNeeded} (PR #48144): inside a
 *       transaction the INSERT runs under {@code SAVEPOINT trans2}, never released (a nested commit only
 *       decrements the level), rolled back to on failure; in autocommit a plain INSERT. The re-read is a
 *       plain SELECT on the write connection, so inside REPEATABLE READ it misses the winner's row and the
 *       exception is rethrown.</li>
 *   <li>{@code laravel-create-or-first}: {@code createOrFirst} alone (10.21+).</li>
 * </ul>
 */
public final class Laravel {

    static final String SOURCE = "laravel/framework src/Illuminate/Database/Eloquent/Builder.php @ bd71b45f";

    private static final String PG_FIRST = "select * from \"%1$s\" where (\"k\" = ?) limit 1";
    private static final String PG_INSERT = "insert into \"%1$s\" (\"k\") values (?) returning \"id\"";
    private static final String MY_FIRST = "select * from `%1$s` where (`k` = ?) limit 1";
    private static final String MY_INSERT = "insert into `%1$s` (`k`) values (?)";
    /** The caller's DB::transaction() is level 1; the nested one is savepoint trans2. */
    private static final String SAVEPOINT = "SAVEPOINT trans2";
    private static final String ROLLBACK_TO = "ROLLBACK TO SAVEPOINT trans2";

    static final Expect V1019 = Expect.UNDECLARED
            .known(AUTOCOMMIT, DUPLICATE_KEY)
            .known(OUTER_READ_COMMITTED, DUPLICATE_KEY)
            .known(OUTER_REPEATABLE_READ, DUPLICATE_KEY);
    /**
     * PostgreSQL without the savepoint: the re-read runs in an aborted transaction (25P02); goc classifies
     * the call by the first error of its chain, the unique violation, so it reads DUPLICATE_KEY.
     */
    static final Expect V1020_PG = Expect.safe(AUTOCOMMIT)
            .known(OUTER_READ_COMMITTED, DUPLICATE_KEY).possible(OUTER_READ_COMMITTED, OTHER)
            .known(OUTER_REPEATABLE_READ, DUPLICATE_KEY).possible(OUTER_REPEATABLE_READ, OTHER);
    static final Expect CURRENT = Expect.safe(AUTOCOMMIT, OUTER_READ_COMMITTED)
            .known(OUTER_REPEATABLE_READ, NOT_FOUND_AFTER_CONFLICT);

    static final List<FrameworkDef> DEFS = List.of(
            FrameworkDef.of("laravel", "Laravel", "10.21 - 12.x", SOURCE,
                            "https://github.com/laravel/framework/issues/48143 "
                                    + "https://github.com/laravel/framework/pull/48144",
                            "firstOrCreate: select limit 1 || insert (SAVEPOINT trans2 in a transaction); "
                                    + "on unique violation select again")
                    .on(Flavor.POSTGRES, (f, t) -> new FirstOrCreate(f, t, Shape.CURRENT), CURRENT)
                    .on(Flavor.MYSQL, (f, t) -> new FirstOrCreate(f, t, Shape.CURRENT), CURRENT),
            FrameworkDef.of("laravel-create-or-first", "Laravel", "10.21 - 12.x", SOURCE,
                            "https://github.com/laravel/framework/pull/47973",
                            "createOrFirst: insert (SAVEPOINT trans2 in a transaction); on unique violation select")
                    .on(Flavor.POSTGRES, (f, t) -> new FirstOrCreate(f, t, Shape.CREATE_OR_FIRST), CURRENT)
                    .on(Flavor.MYSQL, (f, t) -> new FirstOrCreate(f, t, Shape.CREATE_OR_FIRST), CURRENT),
            FrameworkDef.of("laravel-10.20", "Laravel", "10.20", SOURCE,
                            "https://github.com/laravel/framework/issues/48143",
                            "firstOrCreate: select || insert; on unique violation select (no savepoint)")
                    .on(Flavor.POSTGRES, (f, t) -> new FirstOrCreate(f, t, Shape.V1020), V1020_PG)
                    .on(Flavor.MYSQL, (f, t) -> new FirstOrCreate(f, t, Shape.V1020), CURRENT),
            FrameworkDef.of("laravel-10.19", "Laravel", "<= 10.19", SOURCE,
                            "https://github.com/laravel/framework/issues/19372",
                            "firstOrCreate: select limit 1 || insert (no rescue)")
                    .on(Flavor.POSTGRES, (f, t) -> new FirstOrCreate(f, t, Shape.V1019), V1019)
                    .on(Flavor.MYSQL, (f, t) -> new FirstOrCreate(f, t, Shape.V1019), V1019));

    enum Shape {
        CURRENT("laravel", true, true, true),
        CREATE_OR_FIRST("laravel-create-or-first", false, true, true),
        V1020("laravel-10.20", true, true, false),
        V1019("laravel-10.19", true, false, false);

        final String id;
        final boolean firstFirst;
        final boolean rescues;
        final boolean savepoint;

        Shape(String id, boolean firstFirst, boolean rescues, boolean savepoint) {
            this.id = id;
            this.firstFirst = firstFirst;
            this.rescues = rescues;
            this.savepoint = savepoint;
        }
    }

    private Laravel() {
    }

    /** {@code Item::firstOrCreate(['k' => $key])} / {@code Item::createOrFirst(['k' => $key])}. */
    static final class FirstOrCreate implements Replay {
        private final Flavor flavor;
        private final Shape shape;
        private final String first;
        private final String insert;

        FirstOrCreate(Flavor flavor, Table table, Shape shape) {
            this.flavor = flavor;
            this.shape = shape;
            boolean pg = flavor == Flavor.POSTGRES;
            this.first = String.format(pg ? PG_FIRST : MY_FIRST, table.name());
            this.insert = String.format(pg ? PG_INSERT : MY_INSERT, table.name());
        }

        @Override
        public String id() {
            return shape.id;
        }

        @Override
        public Got getOrCreate(Connection c, long key, SideEffect sideEffect) throws SQLException {
            if (shape.firstFirst) {
                Long found = Jdbc.queryId(c, first, key);
                if (found != null) {
                    return Got.found(found);
                }
            }
            boolean savepoint = shape.savepoint && !c.getAutoCommit();
            sideEffect.beforeInsert(key);
            try {
                if (savepoint) {
                    Statements.send(c, SAVEPOINT);
                }
                return Got.created(Jdbc.insertId(flavor, c, insert, key));
            } catch (SQLException e) {
                if (savepoint) {
                    Statements.rollbackAfter(c, ROLLBACK_TO, e);
                }
                if (!shape.rescues || !flavor.isDuplicate(e)) {
                    throw e;
                }
                Long id = Jdbc.queryId(c, first, key);
                if (id == null) {
                    throw new NotFoundAfterConflictException(key, e);
                }
                return new Got(id, false, shape.firstFirst ? 1 : 0);
            }
        }

        @Override
        public List<String> statements(boolean inTransaction, Path path) {
            List<String> s = new ArrayList<>();
            if (shape.firstFirst) {
                s.add(first);
                if (path == Path.FOUND) {
                    return s;
                }
            }
            boolean savepoint = shape.savepoint && inTransaction;
            if (savepoint) {
                s.add(SAVEPOINT);
            }
            s.add(insert);
            if (path != Path.CREATED) {
                if (savepoint) {
                    s.add(ROLLBACK_TO);
                }
                if (shape.rescues) {
                    s.add(first);
                }
            }
            return s;
        }
    }
}
