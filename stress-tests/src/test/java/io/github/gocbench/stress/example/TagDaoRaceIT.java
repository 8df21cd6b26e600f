package io.github.gocbench.stress.example;

import static io.github.gocbench.junit.RaceAssertions.assertRaceFree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The example of stress-tests/README.md ("Race-test your own get-or-create"), verbatim: a
 * plain-JDBC DAO against embedded PostgreSQL. The correct DAO passes; the naive one must make
 * assertRaceFree fail with the duplicate key its losers get.
 *
 * <p>Why 8 threads and 50 rounds are enough for the naive DAO to fail every time: measured on
 * this 2-core machine (README, "Detection rates"), the naive SELECT-then-INSERT raced by 8
 * threads gets a duplicate key in about 9 of 10 rounds; even at 1 in 5, 50 rounds miss it with
 * probability 0.8^50 &lt; 2 * 10^-5.
 */
class TagDaoRaceIT {

    static EmbeddedPostgres pg;
    static DataSource db;

    @BeforeAll
    static void start() throws Exception {
        pg = EmbeddedPostgres.start();
        db = pg.getPostgresDatabase();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE tag (id bigserial PRIMARY KEY, name text NOT NULL UNIQUE)");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        pg.close();
    }

    /** Correct: INSERT ... ON CONFLICT DO NOTHING, and read the row when someone else won. */
    static long getOrCreate(Connection c, String name) throws SQLException {
        try (PreparedStatement ins = c.prepareStatement(
                "INSERT INTO tag (name) VALUES (?) ON CONFLICT (name) DO NOTHING RETURNING id")) {
            ins.setString(1, name);
            try (ResultSet rs = ins.executeQuery()) {
                if (rs.next()) {
                    return rs.getLong(1);
                }
            }
        }
        try (PreparedStatement sel = c.prepareStatement("SELECT id FROM tag WHERE name = ?")) {
            sel.setString(1, name);
            try (ResultSet rs = sel.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Naive: SELECT, and INSERT when nothing was found. Two callers can both miss. */
    static long naiveGetOrCreate(Connection c, String name) throws SQLException {
        try (PreparedStatement sel = c.prepareStatement("SELECT id FROM tag WHERE name = ?")) {
            sel.setString(1, name);
            try (ResultSet rs = sel.executeQuery()) {
                if (rs.next()) {
                    return rs.getLong(1);
                }
            }
        }
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO tag (name) VALUES (?) RETURNING id")) {
            ins.setString(1, name);
            try (ResultSet rs = ins.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void getOrCreateIsRaceFree() {
        assertRaceFree(db, TagDaoRaceIT::getOrCreate, 8, 50);
    }

    @Test
    void naiveGetOrCreateIsCaught() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> assertRaceFree(db, TagDaoRaceIT::naiveGetOrCreate, 8, 50));
        assertThat(e.getMessage()).contains("duplicate key", "SQLState 23505");
    }
}
