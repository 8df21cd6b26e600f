package io.github.gocbench.framework;

import static io.github.gocbench.outcome.Outcome.DEADLOCK;
import static io.github.gocbench.outcome.Outcome.NOT_FOUND_AFTER_CONFLICT;
import static io.github.gocbench.strategy.Situation.AUTOCOMMIT;
import static io.github.gocbench.strategy.Situation.OUTER_READ_COMMITTED;
import static io.github.gocbench.strategy.Situation.OUTER_REPEATABLE_READ;

import io.github.gocbench.dialect.AtomicBlock;
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
 * Django's {@code QuerySet.get_or_create} and {@code update_or_create}, replayed statement by
 * statement (django/django {@code django/db/models/query.py} @ 0379e753).
 *
 * <p>{@code get_or_create}: {@code get()} (a SELECT with {@code LIMIT 21}); on a miss
 * {@code create()} inside {@code transaction.atomic()}: its own transaction when the connection is in
 * autocommit (psycopg sends {@code BEGIN}; mysqlclient {@code set autocommit=0}, then {@code commit}
 * and {@code set autocommit=1}, which is what the JDBC drivers send for the same calls), a savepoint
 * {@code "s<thread>_x1"} inside the caller's transaction, released on success and, on failure,
 * rolled back to and then released ({@code Atomic.__exit__}). On {@code IntegrityError} one more
 * {@code get()}; if that misses too the {@code IntegrityError} reaches the caller: the row exists but
 * this call cannot see it ({@code NOT_FOUND_AFTER_CONFLICT}). Inside a REPEATABLE READ transaction
 * (InnoDB's default; Django uses READ COMMITTED on MySQL since 2.0, but an outer transaction at the
 * server default does not) the second {@code get()} reads the old snapshot: ticket #13906, #30199.
 *
 * <p>{@code update_or_create}: the same inside an outer {@code atomic()} with
 * {@code select_for_update()}: {@code SELECT … LIMIT 21 FOR UPDATE}, the create in a nested savepoint,
 * and on a hit an {@code UPDATE} of the {@code auto_now} column ({@code update_fields}, Django 4.2+).
 * On InnoDB a {@code FOR UPDATE} that misses takes a gap lock: two callers that both missed then
 * block each other's INSERT and one is chosen as deadlock victim (1213).
 */
public final class Django {

    static final String SOURCE = "django/django django/db/models/query.py @ 0379e753";
    static final String THREADS = "https://code.djangoproject.com/ticket/13906 "
            + "https://code.djangoproject.com/ticket/30199";

    private static final String PG_SELECT = "SELECT \"%1$s\".\"id\", \"%1$s\".\"k\", \"%1$s\".\"created_at\""
            + " FROM \"%1$s\" WHERE \"%1$s\".\"k\" = ? LIMIT 21";
    private static final String PG_INSERT = "INSERT INTO \"%1$s\" (\"k\") VALUES (?) RETURNING \"%1$s\".\"id\"";
    private static final String PG_UPDATE = "UPDATE \"%1$s\" SET \"created_at\" = CURRENT_TIMESTAMP"
            + " WHERE \"%1$s\".\"id\" = ?";
    private static final String MY_SELECT = "SELECT `%1$s`.`id`, `%1$s`.`k`, `%1$s`.`created_at`"
            + " FROM `%1$s` WHERE `%1$s`.`k` = ? LIMIT 21";
    private static final String MY_INSERT = "INSERT INTO `%1$s` (`k`) VALUES (?)";
    private static final String MY_UPDATE = "UPDATE `%1$s` SET `created_at` = CURRENT_TIMESTAMP"
            + " WHERE `%1$s`.`id` = ?";
    private static final String FOR_UPDATE = " FOR UPDATE";

    /** get_or_create: safe where the second get() reads fresh data; not in a REPEATABLE READ transaction. */
    static final Expect GET_OR_CREATE = Expect.safe(AUTOCOMMIT, OUTER_READ_COMMITTED)
            .known(OUTER_REPEATABLE_READ, NOT_FOUND_AFTER_CONFLICT);
    /** update_or_create on PostgreSQL: FOR UPDATE reads only rows its snapshot sees. */
    static final Expect UPDATE_OR_CREATE_PG = Expect.safe(AUTOCOMMIT, OUTER_READ_COMMITTED)
            .known(OUTER_REPEATABLE_READ, NOT_FOUND_AFTER_CONFLICT);
    /**
     * update_or_create on InnoDB: REPEATABLE READ (autocommit opens one) takes gap locks on the miss,
     * so racing creators deadlock; under READ COMMITTED the losers' shared locks on the duplicate
     * entry make the FOR UPDATE re-read deadlock instead.
     */
    static final Expect UPDATE_OR_CREATE_MYSQL = Expect.UNDECLARED
            .known(AUTOCOMMIT, DEADLOCK)
            .known(OUTER_READ_COMMITTED, DEADLOCK)
            .known(OUTER_REPEATABLE_READ, DEADLOCK);

    static final List<FrameworkDef> DEFS = List.of(
            FrameworkDef.of("django", "Django", "5.x", SOURCE, THREADS,
                            "get_or_create: SELECT LIMIT 21; INSERT in atomic() (BEGIN or SAVEPOINT); "
                                    + "on IntegrityError roll back and SELECT once more")
                    .on(Flavor.POSTGRES, GetOrCreate::new, GET_OR_CREATE)
                    .on(Flavor.MYSQL, GetOrCreate::new, GET_OR_CREATE),
            FrameworkDef.of("django-update-or-create", "Django", "4.2 - 5.x", SOURCE,
                            "https://code.djangoproject.com/ticket/28704",
                            "update_or_create: atomic() { SELECT LIMIT 21 FOR UPDATE; INSERT in a savepoint "
                                    + "| UPDATE auto_now }")
                    .on(Flavor.POSTGRES, UpdateOrCreate::new, UPDATE_OR_CREATE_PG)
                    .on(Flavor.MYSQL, UpdateOrCreate::new, UPDATE_OR_CREATE_MYSQL));

    private Django() {
    }

    /** {@code transaction.atomic()}: own transaction in autocommit, else a savepoint named like Django's. */
    private static final class Atomic {
        private final Flavor flavor;

        Atomic(Flavor flavor) {
            this.flavor = flavor;
        }

        String savepointName(int depth) {
            return "s" + Thread.currentThread().getId() + "_x" + depth;
        }

        String quote(String name) {
            return flavor == Flavor.POSTGRES ? "\"" + name + "\"" : "`" + name + "`";
        }

        /** Runs {@code work} atomically; {@code depth} numbers the savepoint when nested. */
        <T> T run(Connection c, int depth, AtomicBlock.Work<T> work) throws SQLException {
            if (c.getAutoCommit()) {
                return AtomicBlock.run(c, work);
            }
            String sp = quote(savepointName(depth));
            Statements.send(c, "SAVEPOINT " + sp);
            T result;
            try {
                result = work.run();
            } catch (SQLException | RuntimeException e) {
                try {
                    Statements.send(c, "ROLLBACK TO SAVEPOINT " + sp);
                    Statements.send(c, "RELEASE SAVEPOINT " + sp);
                } catch (SQLException r) {
                    e.addSuppressed(r);
                }
                throw e;
            }
            Statements.send(c, "RELEASE SAVEPOINT " + sp);
            return result;
        }

        /** The statements of an atomic block around {@code body}, ending well or failing. */
        List<String> around(boolean inTransaction, int depth, List<String> body, boolean fails) {
            List<String> s = new ArrayList<>();
            String sp = quote(savepointName(depth));
            if (inTransaction) {
                s.add("SAVEPOINT " + sp);
                s.addAll(body);
                if (fails) {
                    s.add("ROLLBACK TO SAVEPOINT " + sp);
                }
                s.add("RELEASE SAVEPOINT " + sp);
            } else if (flavor == Flavor.POSTGRES) {
                s.add("BEGIN");
                s.addAll(body);
                s.add(fails ? "ROLLBACK" : "COMMIT");
            } else {
                s.add("SET autocommit=0");
                s.addAll(body);
                s.add(fails ? "rollback" : "commit");
                s.add("SET autocommit=1");
            }
            return s;
        }
    }

    /** {@code Model.objects.get_or_create(k=key)}. */
    static final class GetOrCreate implements Replay {
        private final Flavor flavor;
        private final Atomic atomic;
        private final String select;
        private final String insert;

        GetOrCreate(Flavor flavor, Table table) {
            this.flavor = flavor;
            this.atomic = new Atomic(flavor);
            boolean pg = flavor == Flavor.POSTGRES;
            this.select = String.format(pg ? PG_SELECT : MY_SELECT, table.name());
            this.insert = String.format(pg ? PG_INSERT : MY_INSERT, table.name());
        }

        @Override
        public String id() {
            return "django";
        }

        @Override
        public Got getOrCreate(Connection c, long key, SideEffect sideEffect) throws SQLException {
            Long found = Jdbc.queryId(c, select, key);
            if (found != null) {
                return Got.found(found);
            }
            sideEffect.beforeInsert(key);
            try {
                return Got.created(atomic.run(c, 1, () -> Jdbc.insertId(flavor, c, insert, key)));
            } catch (SQLException e) {
                if (!flavor.isDuplicate(e)) {
                    throw e;
                }
                Long again = Jdbc.queryId(c, select, key);
                if (again == null) {
                    throw new NotFoundAfterConflictException(key, e);
                }
                return new Got(again, false, 1);
            }
        }

        @Override
        public List<String> statements(boolean inTransaction, Path path) {
            List<String> s = new ArrayList<>(List.of(select));
            if (path != Path.FOUND) {
                s.addAll(atomic.around(inTransaction, 1, List.of(insert), path == Path.CONFLICT));
            }
            if (path == Path.CONFLICT) {
                s.add(select);
            }
            return s;
        }
    }

    /** {@code Model.objects.update_or_create(k=key)} with the model's {@code auto_now} column updated on a hit. */
    static final class UpdateOrCreate implements Replay {
        private final Flavor flavor;
        private final Atomic atomic;
        private final String selectForUpdate;
        private final String insert;
        private final String update;

        UpdateOrCreate(Flavor flavor, Table table) {
            this.flavor = flavor;
            this.atomic = new Atomic(flavor);
            boolean pg = flavor == Flavor.POSTGRES;
            this.selectForUpdate = String.format(pg ? PG_SELECT : MY_SELECT, table.name()) + FOR_UPDATE;
            this.insert = String.format(pg ? PG_INSERT : MY_INSERT, table.name());
            this.update = String.format(pg ? PG_UPDATE : MY_UPDATE, table.name());
        }

        @Override
        public String id() {
            return "django-update-or-create";
        }

        @Override
        public Got getOrCreate(Connection c, long key, SideEffect sideEffect) throws SQLException {
            boolean nested = !c.getAutoCommit();
            // the outer atomic() is a transaction in autocommit (no savepoint number used), else savepoint _x1
            int inner = nested ? 2 : 1;
            return atomic.run(c, 1, () -> {
                Long found = Jdbc.queryId(c, selectForUpdate, key);
                if (found == null) {
                    sideEffect.beforeInsert(key);
                    try {
                        return Got.created(atomic.run(c, inner, () -> Jdbc.insertId(flavor, c, insert, key)));
                    } catch (SQLException e) {
                        if (!flavor.isDuplicate(e)) {
                            throw e;
                        }
                        found = Jdbc.queryId(c, selectForUpdate, key);
                        if (found == null) {
                            throw new NotFoundAfterConflictException(key, e);
                        }
                        Jdbc.update(c, update, found);
                        return new Got(found, false, 1);
                    }
                }
                Jdbc.update(c, update, found);
                return Got.found(found);
            });
        }

        @Override
        public List<String> statements(boolean inTransaction, Path path) {
            int inner = inTransaction ? 2 : 1;
            List<String> body = new ArrayList<>(List.of(selectForUpdate));
            if (path != Path.FOUND) {
                body.addAll(atomic.around(true, inner, List.of(insert), path == Path.CONFLICT));
            }
            if (path == Path.CONFLICT) {
                body.add(selectForUpdate);
            }
            if (path != Path.CREATED) {
                body.add(update);
            }
            return atomic.around(inTransaction, 1, body, false);
        }
    }
}
