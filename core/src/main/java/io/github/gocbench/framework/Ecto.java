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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Ecto's documented get-or-insert with {@code on_conflict: :nothing} (elixir-ecto/ecto_sql
 * {@code lib/ecto/adapters/postgres/connection.ex}, {@code lib/ecto/adapters/myxql.ex} and
 * {@code myxql/connection.ex}): {@code {:ok, item} = Repo.insert(%Item{k: k}, on_conflict: :nothing,
 * conflict_target: :k)}, then, when {@code item.id} is nil ("no insert happened", Ecto's docs),
 * {@code Repo.get_by!(Item, k: k)}. No transaction of its own (a plain changeset insert), so inside
 * the caller's {@code Repo.transaction} it just runs there.
 *
 * <ul>
 *   <li>PostgreSQL: {@code INSERT INTO "t" ("k") VALUES ($1) ON CONFLICT ("k") DO NOTHING RETURNING "id"}:
 *       no row back on a conflict.</li>
 *   <li>MySQL (MyXQL): no RETURNING and no conflict target; {@code :nothing} is written
 *       {@code ON DUPLICATE KEY UPDATE `k` = `k`}, a no-op update. The id is the OK packet's
 *       last_insert_id, taken as nil when 0: whether a no-op ODKU reports 0 or an id that was never
 *       the row's is the server's call (ecto#3910 is the phantom id of this shape).</li>
 * </ul>
 */
public final class Ecto {

    static final String SOURCE = "elixir-ecto/ecto_sql lib/ecto/adapters/postgres/connection.ex, "
            + "lib/ecto/adapters/myxql.ex + myxql/connection.ex (3.x)";

    private static final String PG_INSERT = "INSERT INTO \"%1$s\" (\"k\") VALUES ($1) ON CONFLICT (\"k\") DO NOTHING"
            + " RETURNING \"id\"";
    private static final String PG_GET_BY = "SELECT i0.\"id\", i0.\"k\", i0.\"created_at\" FROM \"%1$s\" AS i0"
            + " WHERE (i0.\"k\" = $1)";
    private static final String MY_INSERT = "INSERT INTO `%1$s` (`k`) VALUES (?) ON DUPLICATE KEY UPDATE `k` = `k`";
    private static final String MY_GET_BY = "SELECT i0.`id`, i0.`k`, i0.`created_at` FROM `%1$s` AS i0"
            + " WHERE (i0.`k` = ?)";

    /** The get_by after a conflict reads the caller's snapshot: in REPEATABLE READ it misses the winner. */
    static final Expect ON_CONFLICT_NOTHING = Expect.safe(AUTOCOMMIT, OUTER_READ_COMMITTED)
            .known(OUTER_REPEATABLE_READ, NOT_FOUND_AFTER_CONFLICT);

    static final List<FrameworkDef> DEFS = List.of(
            FrameworkDef.of("ecto-on-conflict-nothing", "Ecto", "3.x", SOURCE,
                            "https://github.com/elixir-ecto/ecto/issues/3910 "
                                    + "https://github.com/elixir-ecto/ecto/issues/2697",
                            "insert on_conflict: :nothing, get_by when no id came back: ON CONFLICT (k) DO NOTHING "
                                    + "RETURNING id / ODKU k = k (no RETURNING); SELECT")
                    .on(Flavor.POSTGRES, OnConflictNothing::new, ON_CONFLICT_NOTHING)
                    .on(Flavor.MYSQL, OnConflictNothing::new, ON_CONFLICT_NOTHING));

    private Ecto() {
    }

    /** {@code Repo.insert(…, on_conflict: :nothing)} then {@code Repo.get_by!} when the id is nil. */
    static final class OnConflictNothing implements Replay {
        private final Flavor flavor;
        private final String insert;
        private final String getBy;

        OnConflictNothing(Flavor flavor, Table table) {
            this.flavor = flavor;
            boolean pg = flavor == Flavor.POSTGRES;
            // Postgrex numbers its parameters; JDBC takes ?, the server logs $1 either way
            this.insert = String.format(pg ? PG_INSERT : MY_INSERT, table.name()).replace("$1", "?");
            this.getBy = String.format(pg ? PG_GET_BY : MY_GET_BY, table.name()).replace("$1", "?");
        }

        @Override
        public String id() {
            return "ecto-on-conflict-nothing";
        }

        @Override
        public Got getOrCreate(Connection c, long key, SideEffect sideEffect) throws SQLException {
            sideEffect.beforeInsert(key);
            Long id = flavor == Flavor.POSTGRES ? Jdbc.queryId(c, insert, key) : lastInsertId(c, key);
            if (id != null) {
                return Got.created(id);
            }
            Long found = Jdbc.queryId(c, getBy, key);
            if (found == null) {
                throw new NotFoundAfterConflictException(key, null);
            }
            return Got.found(found);
        }

        /** MyXQL's answer: the OK packet's last_insert_id, nil when 0 or absent. */
        private Long lastInsertId(Connection c, long key) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(insert, Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, key);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    if (keys.next()) {
                        long id = keys.getLong(1);
                        return id == 0 ? null : id;
                    }
                    return null;
                }
            }
        }

        @Override
        public List<String> statements(boolean inTransaction, Path path) {
            return path == Path.CREATED ? List.of(insert) : List.of(insert, getBy);
        }
    }
}
