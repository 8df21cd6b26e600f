package io.github.gocbench.framework;

import static io.github.gocbench.outcome.Outcome.DEADLOCK;
import static io.github.gocbench.outcome.Outcome.DUPLICATE_KEY;
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
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * ActiveRecord's {@code find_or_create_by} and {@code create_or_find_by}, in the shapes they had
 * (rails/rails {@code activerecord/lib/active_record/relation.rb}):
 *
 * <ul>
 *   <li>{@code rails-7.0} (up to 7.0): {@code find_by || create}. {@code create}'s {@code save} opens a
 *       transaction ({@code BEGIN … COMMIT}) in autocommit and joins the caller's one otherwise (no
 *       savepoint); nothing rescues {@code RecordNotUnique}, so a lost race reaches the caller, and on
 *       PostgreSQL it also aborts the caller's transaction.</li>
 *   <li>{@code rails-7.1} (7.1 to 8.x): {@code find_by || create_or_find_by} (PR #45720):
 *       {@code transaction(requires_new: true) { create }}, i.e. {@code BEGIN} or
 *       {@code SAVEPOINT active_record_1}; on {@code RecordNotUnique} {@code ROLLBACK} /
 *       {@code ROLLBACK TO SAVEPOINT active_record_1} (no release), then {@code find_by!}, which
 *       inside a transaction is {@code where(attrs).lock.find_by!(attrs)}: {@code … WHERE k = ? AND
 *       k = ? LIMIT 1 FOR UPDATE} (PR #48053 for issue #48035). On InnoDB each loser keeps the shared
 *       lock its failed INSERT took on the duplicate entry, so two losers asking for the exclusive
 *       lock deadlock (issue #54281).</li>
 *   <li>{@code rails-main}: the same with a shared-lock re-read (PR #58733; PostgreSQL
 *       {@code FOR SHARE}; here {@code LOCK IN SHARE MODE} on MySQL/MariaDB, which MariaDB accepts
 *       where it rejects {@code FOR SHARE}).</li>
 *   <li>{@code rails-create-or-find-by} (7.1+): {@code create_or_find_by} alone, no leading SELECT.</li>
 * </ul>
 */
public final class Rails {

    static final String SOURCE = "rails/rails activerecord/lib/active_record/relation.rb (7.2/8.x line)";

    private static final String PG_FIND = "SELECT \"%1$s\".* FROM \"%1$s\" WHERE \"%1$s\".\"k\" = ? LIMIT 1";
    private static final String PG_FIND_LOCKED = "SELECT \"%1$s\".* FROM \"%1$s\" WHERE \"%1$s\".\"k\" = ?"
            + " AND \"%1$s\".\"k\" = ? LIMIT 1 ";
    private static final String PG_INSERT = "INSERT INTO \"%1$s\" (\"k\") VALUES (?) RETURNING \"id\"";
    private static final String MY_FIND = "SELECT `%1$s`.* FROM `%1$s` WHERE `%1$s`.`k` = ? LIMIT 1";
    private static final String MY_FIND_LOCKED = "SELECT `%1$s`.* FROM `%1$s` WHERE `%1$s`.`k` = ?"
            + " AND `%1$s`.`k` = ? LIMIT 1 ";
    private static final String MY_INSERT = "INSERT INTO `%1$s` (`k`) VALUES (?)";
    private static final String SAVEPOINT = "active_record_1";

    /** No rescue: the lost race is the caller's RecordNotUnique everywhere. */
    static final Expect V70 = Expect.UNDECLARED
            .known(AUTOCOMMIT, DUPLICATE_KEY)
            .known(OUTER_READ_COMMITTED, DUPLICATE_KEY)
            .known(OUTER_REPEATABLE_READ, DUPLICATE_KEY);
    /** PostgreSQL: a locking read sees only rows its snapshot sees; REPEATABLE READ hides the winner. */
    static final Expect LOCKED_PG = Expect.safe(AUTOCOMMIT, OUTER_READ_COMMITTED)
            .known(OUTER_REPEATABLE_READ, NOT_FOUND_AFTER_CONFLICT);
    /** InnoDB, FOR UPDATE re-read: losers holding the duplicate entry's shared lock deadlock (#54281). */
    static final Expect FOR_UPDATE_MYSQL = Expect.safe(AUTOCOMMIT)
            .known(OUTER_READ_COMMITTED, DEADLOCK)
            .known(OUTER_REPEATABLE_READ, DEADLOCK);
    /** InnoDB, shared-lock re-read (#58733): shared locks do not conflict, the locking read sees the row. */
    static final Expect FOR_SHARE_MYSQL = Expect.safe(AUTOCOMMIT, OUTER_READ_COMMITTED, OUTER_REPEATABLE_READ);

    static final List<FrameworkDef> DEFS = List.of(
            FrameworkDef.of("rails-7.0", "Rails", "<= 7.0", SOURCE,
                            "https://github.com/rails/rails/pull/45720",
                            "find_or_create_by: SELECT LIMIT 1 || BEGIN; INSERT; COMMIT (no rescue)")
                    .on(Flavor.POSTGRES, (f, t) -> new FindOrCreateBy(f, t, Shape.V70), V70)
                    .on(Flavor.MYSQL, (f, t) -> new FindOrCreateBy(f, t, Shape.V70), V70),
            FrameworkDef.of("rails-7.1", "Rails", "7.1 - 8.x", SOURCE,
                            "https://github.com/rails/rails/issues/48035 https://github.com/rails/rails/issues/54281",
                            "find_or_create_by: SELECT || INSERT in BEGIN/SAVEPOINT; on RecordNotUnique "
                                    + "SELECT (FOR UPDATE in a transaction)")
                    .on(Flavor.POSTGRES, (f, t) -> new FindOrCreateBy(f, t, Shape.V71), LOCKED_PG)
                    .on(Flavor.MYSQL, (f, t) -> new FindOrCreateBy(f, t, Shape.V71), FOR_UPDATE_MYSQL),
            FrameworkDef.of("rails-main", "Rails", "main after PR #58733", SOURCE,
                            "https://github.com/rails/rails/pull/58733",
                            "find_or_create_by: as rails-7.1, re-read with a shared lock in a transaction")
                    .on(Flavor.POSTGRES, (f, t) -> new FindOrCreateBy(f, t, Shape.SHARED), LOCKED_PG)
                    .on(Flavor.MYSQL, (f, t) -> new FindOrCreateBy(f, t, Shape.SHARED), FOR_SHARE_MYSQL),
            FrameworkDef.of("rails-create-or-find-by", "Rails", "7.1 - 8.x", SOURCE,
                            "https://github.com/rails/rails/issues/54281 https://github.com/rails/rails/pull/31989",
                            "create_or_find_by: INSERT in BEGIN/SAVEPOINT; on RecordNotUnique SELECT "
                                    + "(FOR UPDATE in a transaction)")
                    .on(Flavor.POSTGRES, (f, t) -> new FindOrCreateBy(f, t, Shape.CREATE_OR_FIND), LOCKED_PG)
                    .on(Flavor.MYSQL, (f, t) -> new FindOrCreateBy(f, t, Shape.CREATE_OR_FIND), FOR_UPDATE_MYSQL));

    /** Which shape of the calls this replay is. */
    enum Shape {
        V70("rails-7.0", true, null, null),
        V71("rails-7.1", true, "FOR UPDATE", "FOR UPDATE"),
        SHARED("rails-main", true, "FOR SHARE", "LOCK IN SHARE MODE"),
        CREATE_OR_FIND("rails-create-or-find-by", false, "FOR UPDATE", "FOR UPDATE");

        final String id;
        final boolean findFirst;
        final String pgLock;
        final String myLock;

        Shape(String id, boolean findFirst, String pgLock, String myLock) {
            this.id = id;
            this.findFirst = findFirst;
            this.pgLock = pgLock;
            this.myLock = myLock;
        }

        boolean rescues() {
            return pgLock != null;
        }
    }

    private Rails() {
    }

    /** {@code Item.find_or_create_by(k: key)} / {@code Item.create_or_find_by(k: key)}. */
    static final class FindOrCreateBy implements Replay {
        private final Flavor flavor;
        private final Shape shape;
        private final String find;
        private final String findLocked;
        private final String insert;

        FindOrCreateBy(Flavor flavor, Table table, Shape shape) {
            this.flavor = flavor;
            this.shape = shape;
            boolean pg = flavor == Flavor.POSTGRES;
            this.find = String.format(pg ? PG_FIND : MY_FIND, table.name());
            this.findLocked = shape.rescues()
                    ? String.format(pg ? PG_FIND_LOCKED : MY_FIND_LOCKED, table.name()) + (pg ? shape.pgLock : shape.myLock)
                    : null;
            this.insert = String.format(pg ? PG_INSERT : MY_INSERT, table.name());
        }

        @Override
        public String id() {
            return shape.id;
        }

        @Override
        public Got getOrCreate(Connection c, long key, SideEffect sideEffect) throws SQLException {
            if (shape.findFirst) {
                Long found = Jdbc.queryId(c, find, key);
                if (found != null) {
                    return Got.found(found);
                }
            }
            boolean open = !c.getAutoCommit();
            sideEffect.beforeInsert(key);
            try {
                return Got.created(create(c, key, open));
            } catch (SQLException e) {
                if (!shape.rescues() || !flavor.isDuplicate(e)) {
                    throw e;
                }
                Long id = open ? Jdbc.queryId(c, findLocked, key, key) : Jdbc.queryId(c, find, key);
                if (id == null) {
                    throw new NotFoundAfterConflictException(key, e);
                }
                return new Got(id, false, shape.findFirst ? 1 : 0);
            }
        }

        /** {@code transaction(requires_new: …) { create }}: BEGIN, a savepoint, or (7.0, open) joining. */
        private long create(Connection c, long key, boolean open) throws SQLException {
            if (open && !shape.rescues()) {
                return Jdbc.insertId(flavor, c, insert, key);
            }
            String begin = open ? "SAVEPOINT " + SAVEPOINT : "BEGIN";
            String rollback = open ? "ROLLBACK TO SAVEPOINT " + SAVEPOINT : "ROLLBACK";
            Statements.send(c, begin);
            long id;
            try {
                id = Jdbc.insertId(flavor, c, insert, key);
            } catch (SQLException | RuntimeException e) {
                Statements.rollbackAfter(c, rollback, e);
                throw e;
            }
            Statements.send(c, open ? "RELEASE SAVEPOINT " + SAVEPOINT : "COMMIT");
            return id;
        }

        @Override
        public List<String> statements(boolean inTransaction, Path path) {
            List<String> s = new ArrayList<>();
            if (shape.findFirst) {
                s.add(find);
                if (path == Path.FOUND) {
                    return s;
                }
            }
            boolean fails = path != Path.CREATED;
            if (inTransaction && !shape.rescues()) {
                s.add(insert);
                return s;
            }
            s.add(inTransaction ? "SAVEPOINT " + SAVEPOINT : "BEGIN");
            s.add(insert);
            if (!fails) {
                s.add(inTransaction ? "RELEASE SAVEPOINT " + SAVEPOINT : "COMMIT");
                return s;
            }
            s.add(inTransaction ? "ROLLBACK TO SAVEPOINT " + SAVEPOINT : "ROLLBACK");
            if (shape.rescues()) {
                s.add(inTransaction ? findLocked : find);
            }
            return s;
        }
    }
}
