package com.example.tags;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gocbench.junit.Race;
import io.github.gocbench.junit.RaceKey;
import io.github.gocbench.junit.RaceTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The DAO raced on real databases: embedded PostgreSQL always, MariaDB/MySQL when GOC_MARIADB_URL
 * names one (e.g. jdbc:mysql://127.0.0.1:3306/test?user=root). The safe get-or-create passes;
 * the racy one must make the race fail, and so must the safe one inside REPEATABLE READ
 * transactions (these tests assert that the assertion fails, so the build stays green while
 * proving the race is seen).
 */
class TagDaoRaceTest {

    static final String ROWS = "SELECT count(*) FROM tag WHERE name = ?";
    static EmbeddedPostgres pg;
    static final TagDao dao = new TagDao();

    record Db(String name, DataSource source) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void start() throws Exception {
        pg = EmbeddedPostgres.start();
        createTable(new Db("postgres", pg.getPostgresDatabase()));
    }

    @AfterAll
    static void stop() throws Exception {
        pg.close();
    }

    static Stream<Db> databases() throws SQLException {
        Db postgres = new Db("postgres", pg.getPostgresDatabase());
        String url = System.getenv("GOC_MARIADB_URL");
        Db mariadb = url == null || url.isBlank() ? new Db("mariadb (GOC_MARIADB_URL not set)", null)
                : new Db("mariadb", new UrlDataSource(url));
        return Stream.of(postgres, mariadb);
    }

    static void createTable(Db db) throws SQLException {
        Assumptions.assumeTrue(db.source() != null, "set GOC_MARIADB_URL to race on MariaDB/MySQL too");
        try (Connection c = db.source().getConnection(); Statement s = c.createStatement()) {
            boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
            s.execute("DROP TABLE IF EXISTS tag");
            s.execute("CREATE TABLE tag (" + (postgres ? "id bigserial" : "id bigint AUTO_INCREMENT")
                    + " PRIMARY KEY, name varchar(200) NOT NULL UNIQUE)");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theSafeGetOrCreatePasses(Db db) throws SQLException {
        createTable(db);
        Race.of(db.source(), (Connection c, String name) -> dao.getOrCreate(c, name).id())
                .threads(8).rounds(50)
                .rowsPerKey(ROWS)
                .assertRaceFree();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theRacyGetOrCreateFails(Db db) throws SQLException {
        createTable(db);
        AssertionError e = assertThrows(AssertionError.class, () ->
                Race.of(db.source(), (Connection c, String name) -> dao.racyGetOrCreate(c, name).id())
                        .threads(8).rounds(50)
                        .rowsPerKey(ROWS)
                        .assertRaceFree());
        assertTrue(e.getMessage().contains("get-or-create is not race-free"), e.getMessage());
        System.out.println("as expected, the racy DAO failed on " + db + ":\n" + e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theSafeGetOrCreateLosesTheRowInsideRepeatableRead(Db db) throws SQLException {
        createTable(db);
        AssertionError e = assertThrows(AssertionError.class, () ->
                Race.of(db.source(), (Connection c, String name) -> dao.getOrCreate(c, name).id())
                        .threads(8).rounds(50)
                        .rowsPerKey(ROWS)
                        .insideTransaction(Connection.TRANSACTION_REPEATABLE_READ)
                        .assertRaceFree());
        assertTrue(e.getMessage().contains("not found when read again"), e.getMessage());
    }

    /** The JUnit 5 form: the method is the race's call; it takes its own connection, as a service would. */
    @RaceTest(threads = 8, rounds = 30)
    void theSafeGetOrCreateAsARaceTest(RaceKey key) throws SQLException {
        try (Connection c = pg.getPostgresDatabase().getConnection()) {
            key.answer(dao.getOrCreate(c, key.value()).id());
        }
    }

    /** The smallest DataSource over a JDBC URL, so the example needs no pool. */
    record UrlDataSource(String url) implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            return DriverManager.getConnection(url, new Properties());
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }

        @Override
        public java.io.PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(java.io.PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public java.util.logging.Logger getParentLogger() {
            return java.util.logging.Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
