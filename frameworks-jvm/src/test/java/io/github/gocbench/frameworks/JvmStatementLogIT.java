package io.github.gocbench.frameworks;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gocbench.dialect.DbFamily;
import io.github.gocbench.framework.Path;
import io.github.gocbench.framework.StatementLogServers;
import io.github.gocbench.framework.Statements;
import io.github.gocbench.frameworks.hibernate.HibernateFindPersist;
import io.github.gocbench.frameworks.hibernate.HibernateFindPersistRefind;
import io.github.gocbench.frameworks.hibernate.HibernateUpsert;
import io.github.gocbench.frameworks.jooq.JooqInsertIgnoreSelect;
import io.github.gocbench.frameworks.jooq.JooqMergeSelect;
import io.github.gocbench.frameworks.spring.SpringDataFindSave;
import io.github.gocbench.spi.UserStrategy;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Holds the real Hibernate and jOOQ clients to the statement sequences their Javadoc and the module
 * README describe, read back from the server's own log (core's {@link StatementLogServers}:
 * PostgreSQL {@code log_statement=all}, MariaDB's general log) for one uncontended call per
 * situation (autocommit; inside an open transaction that already read the key, as goc's
 * {@code --outer-tx}) and per {@link Path}. The conflict path is forced without touching the
 * strategy: the call's connection is wrapped so that, just before the library prepares its first
 * INSERT (or MERGE), another session (on another thread) runs the same strategy and commits the key.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JvmStatementLogIT {

    /** A strategy under test, the table it reads, and the families it runs on. */
    private record Client(String name, Supplier<UserStrategy> make, String table, List<DbFamily> families) {
    }

    private static final List<DbFamily> BOTH = List.of(DbFamily.POSTGRES, DbFamily.MARIADB);
    private static final List<Client> CLIENTS = List.of(
            new Client("hibernate-find-persist", HibernateFindPersist::new, "goc_jvm_hibernate_find_persist", BOTH),
            new Client("hibernate-find-persist-refind", HibernateFindPersistRefind::new,
                    "goc_jvm_hibernate_refind", BOTH),
            new Client("hibernate-upsert", HibernateUpsert::new, "goc_jvm_hibernate_upsert", BOTH),
            new Client("jooq-insert-ignore-select", JooqInsertIgnoreSelect::new, "goc_jvm_jooq_insert_ignore", BOTH),
            new Client("spring-data-jpa-find-save", SpringDataFindSave::new, "goc_jvm_spring_data_find_save", BOTH),
            new Client("jooq-merge-select", JooqMergeSelect::new, "goc_jvm_jooq_merge", List.of(DbFamily.POSTGRES)));

    private final AtomicLong keys = new AtomicLong(System.currentTimeMillis() * 1000);
    private final Map<String, UserStrategy> prepared = new HashMap<>();
    private StatementLogServers servers;

    @BeforeAll
    void start() throws Exception {
        servers = StatementLogServers.start();
        for (Client client : CLIENTS) {
            for (DbFamily f : client.families()) {
                UserStrategy s = client.make().get();
                try (Connection c = servers.connect(f)) {
                    s.prepare(c); // one instance per server: a Hibernate factory is bound to its dialect
                }
                prepared.put(client.name() + "|" + f, s);
            }
        }
    }

    @AfterAll
    void stop() throws Exception {
        if (servers != null) {
            servers.close();
        }
    }

    Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Client client : CLIENTS) {
            for (DbFamily f : client.families()) {
                for (String situation : List.of("autocommit", "in-transaction")) {
                    for (Path p : Path.values()) {
                        cases.add(Arguments.of(client.name(), f, situation, p));
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @MethodSource("cases")
    void serverLogShowsTheDescribedStatements(String name, DbFamily family, String situation, Path path)
            throws Exception {
        boolean inTx = situation.equals("in-transaction");
        Client client = CLIENTS.stream().filter(cl -> cl.name().equals(name)).findFirst().orElseThrow();
        UserStrategy strategy = prepared.get(name + "|" + family);
        long key = keys.incrementAndGet();
        try (Connection admin = servers.connect(family); Connection c = servers.connect(family)) {
            boundLockWaits(admin, family);
            if (path == Path.FOUND) {
                strategy.getOrCreate(admin, key);
            }
            List<String> blocked = new ArrayList<>();
            Connection call = path == Path.CONFLICT ? beforeFirstWrite(c, () -> {
                try {
                    strategy.getOrCreate(admin, key);
                } catch (SQLException e) {
                    blocked.add(e.toString());
                }
            }) : c;
            if (inTx) {
                c.setAutoCommit(false);
                readKey(c, client.table(), key); // the outer transaction has read the key, as goc's --outer-tx does
            }
            StatementLogServers.markStart(c);
            UserStrategy.Answer got = null;
            SQLException failed = null;
            try {
                got = strategy.getOrCreate(call, key);
            } catch (SQLException e) {
                failed = e;
            }
            List<String> logged = servers.endCall(c, family, inTx);
            Assumptions.assumeTrue(blocked.isEmpty(), () -> "the call's own locks block another session's"
                    + " create of the key, so no conflict can be forced: " + blocked);
            String ended = failed == null ? String.valueOf(got) : failed.toString();
            assertThat(Statements.normalize(logged))
                    .as("server log of %s %s %s %s (call ended with %s)", name, family, situation, path, ended)
                    .containsExactlyElementsOf(Statements.normalize(expected(name, family, inTx, path)));
            if (path == Path.CREATED) {
                assertThat(got).as("created path answer (failure: %s)", failed).isNotNull();
                assertThat(got.created()).isTrue();
            }
            if (path == Path.FOUND) {
                assertThat(got).as("found path answer (failure: %s)", failed).isNotNull();
                assertThat(got.created()).isFalse();
            }
        }
    }

    /**
     * The statements each client is described to send (class Javadoc, module README), as the server
     * logs them; bound values are compared as {@code ?} ({@link Statements#normalize}).
     */
    private static List<String> expected(String name, DbFamily family, boolean inTx, Path path) {
        boolean pg = family == DbFamily.POSTGRES;
        Unit unit = new Unit(pg, inTx);
        return switch (name) {
            case "hibernate-find-persist" -> {
                String select = "select fpi1_0.id,fpi1_0.k from goc_jvm_hibernate_find_persist fpi1_0 where fpi1_0.k=?";
                String insert = "insert into goc_jvm_hibernate_find_persist (k) values (?)" + (pg ? " RETURNING *" : "");
                yield switch (path) {
                    case FOUND -> unit.of(true, select);
                    case CREATED -> unit.of(true, select, insert);
                    case CONFLICT -> unit.of(false, select, insert); // 23505 / 1062: Hibernate rolls back
                };
            }
            case "spring-data-jpa-find-save" -> {
                String select = "select si1_0.id,si1_0.k from goc_jvm_spring_data_find_save si1_0 where si1_0.k=?";
                String insert = "insert into goc_jvm_spring_data_find_save (k) values (?)" + (pg ? " RETURNING *" : "");
                yield switch (path) {
                    case FOUND -> unit.of(true, select);
                    case CREATED -> unit.of(true, select, insert);
                    case CONFLICT -> unit.of(false, select, insert);
                };
            }
            case "hibernate-find-persist-refind" -> {
                String select = "select ri1_0.id from goc_jvm_hibernate_refind ri1_0 where ri1_0.k=?";
                String insert = "insert into goc_jvm_hibernate_refind (k) values (?)" + (pg ? " RETURNING *" : "");
                yield switch (path) {
                    case FOUND -> unit.of(true, select);
                    case CREATED -> concat(unit.of(true, select), unit.of(true, insert));
                    case CONFLICT -> concat(unit.of(true, select), unit.of(false, insert), unit.of(true, select));
                };
            }
            case "hibernate-upsert" -> unit.of(true, pg
                            ? "insert into goc_jvm_hibernate_upsert (row_id,k) values (?,?) on conflict (k) do nothing"
                            : "insert into goc_jvm_hibernate_upsert (k,row_id) values (?,?) on duplicate key update k=k",
                    "select ui1_0.k,ui1_0.row_id from goc_jvm_hibernate_upsert ui1_0 where ui1_0.k=?");
            case "jooq-insert-ignore-select" -> pg
                    ? List.of("insert into \"goc_jvm_jooq_insert_ignore\" (\"k\") values (?) on conflict do nothing",
                            "select \"id\" from \"goc_jvm_jooq_insert_ignore\" where \"k\" = ?")
                    : path == Path.CREATED
                    ? List.of(READ_ONLY_PROBE, "insert ignore into `goc_jvm_jooq_insert_ignore` (`k`) values (?)",
                            "select `id` from `goc_jvm_jooq_insert_ignore` where `k` = ?")
                    // the ignored duplicate leaves a warning, which jOOQ fetches (the driver's SHOW WARNINGS)
                    : List.of(READ_ONLY_PROBE, "insert ignore into `goc_jvm_jooq_insert_ignore` (`k`) values (?)",
                            "show warnings", "select `id` from `goc_jvm_jooq_insert_ignore` where `k` = ?");
            case "jooq-merge-select" -> List.of("merge into \"goc_jvm_jooq_merge\" using (select ? as \"one\")"
                            + " as dummy_30260683(\"one\") on \"k\" = ? when not matched then insert (\"k\") values (?)",
                    "select \"id\" from \"goc_jvm_jooq_merge\" where \"k\" = ?");
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** Sent by MySQL Connector/J before jOOQ's first statement on the connection in each call. */
    private static final String READ_ONLY_PROBE = "select @@session.transaction_read_only";

    /**
     * One Hibernate unit of work ({@code Work}, {@code HibernateUpsert}): in autocommit its own
     * transaction (PostgreSQL: the driver's {@code BEGIN}; MySQL Connector/J: {@code set autocommit=0}
     * and back), inside the caller's transaction the bare statements.
     */
    private record Unit(boolean pg, boolean inTx) {
        List<String> of(boolean commits, String... statements) {
            if (inTx) {
                return List.of(statements);
            }
            List<String> out = new ArrayList<>();
            out.add(pg ? "BEGIN" : "set autocommit=0");
            out.addAll(List.of(statements));
            out.add(commits ? "COMMIT" : "ROLLBACK");
            if (!pg) {
                out.add("set autocommit=1");
            }
            return out;
        }
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        List<String> out = new ArrayList<>();
        for (List<String> p : parts) {
            out.addAll(p);
        }
        return out;
    }

    /**
     * {@code c}, wrapped so that {@code hook} runs once just before the first INSERT or MERGE is
     * prepared on it: another session commits the key between the call's read and its write.
     */
    private static Connection beforeFirstWrite(Connection c, Runnable hook) {
        AtomicBoolean fired = new AtomicBoolean();
        return (Connection) Proxy.newProxyInstance(JvmStatementLogIT.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().startsWith("prepare") && args != null && args[0] instanceof String sql) {
                        String s = Statements.normalize(sql);
                        if ((s.startsWith("insert") || s.startsWith("merge")) && fired.compareAndSet(false, true)) {
                            // on a thread of its own: Spring binds its transaction to the calling thread
                            Thread other = new Thread(hook, "goc-other-session");
                            other.start();
                            other.join();
                        }
                    }
                    try {
                        return method.invoke(c, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** Two seconds: the other session's create must not wait long behind the call's own locks. */
    private static void boundLockWaits(Connection admin, DbFamily family) throws SQLException {
        try (Statement s = admin.createStatement()) {
            s.execute(family == DbFamily.POSTGRES ? "SET lock_timeout = '2s'" : "SET SESSION innodb_lock_wait_timeout = 2");
        }
    }

    private static void readKey(Connection c, String table, long key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT k FROM " + table + " WHERE k = ?")) {
            ps.setLong(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getLong(1);
                }
            }
        }
    }
}
