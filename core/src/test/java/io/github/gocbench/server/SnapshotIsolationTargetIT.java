package io.github.gocbench.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gocbench.dialect.DbFamily;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The decorator on real MariaDB servers (embedded 11.4, and $GOC_MARIADB_URL when set): the
 * session value is applied to every connection, recorded in {@link TargetInfo#settings()}, and
 * changes behaviour: at REPEATABLE READ an update of a row another transaction changed after our
 * snapshot fails with 1020 when ON and silently succeeds when OFF. The interleaving is sequential
 * (two connections, one thread), so the outcome is deterministic.
 */
class SnapshotIsolationTargetIT {

    static Stream<Arguments> mariadb() {
        return TestTargets.specs().stream().filter(s -> s.family() == DbFamily.MARIADB)
                .map(s -> Arguments.of(TestTargets.name(s), s));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mariadb")
    void sessionSettingIsAppliedRecordedAndEffective(String name, TargetSpec spec) throws SQLException {
        Target server = TestTargets.open(spec);
        assertThat(SnapshotIsolationTarget.globalValue(server)).isPresent();
        try (Connection c = server.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS goc_si_probe (id INT PRIMARY KEY, v INT) ENGINE=InnoDB");
        }
        for (boolean on : new boolean[] {false, true}) {
            SnapshotIsolationTarget t = new SnapshotIsolationTarget(server, on);
            assertThat(t.info().settings()).containsEntry(SnapshotIsolationTarget.SETTING, on ? "ON" : "OFF");
            try (Connection a = t.connect(); Connection b = t.connect(); Statement sa = a.createStatement();
                 Statement sb = b.createStatement()) {
                try (ResultSet rs = sa.executeQuery("SELECT @@session." + SnapshotIsolationTarget.SETTING)) {
                    rs.next();
                    assertThat(rs.getInt(1) != 0).isEqualTo(on);
                }
                sa.execute("DELETE FROM goc_si_probe");
                sa.execute("INSERT INTO goc_si_probe VALUES (1, 0)");
                a.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                a.setAutoCommit(false);
                try (ResultSet rs = sa.executeQuery("SELECT v FROM goc_si_probe WHERE id = 1")) {
                    rs.next(); // takes a's snapshot
                }
                sb.execute("UPDATE goc_si_probe SET v = 1 WHERE id = 1"); // autocommit: changed after the snapshot
                if (on) {
                    assertThatThrownBy(() -> sa.executeUpdate("UPDATE goc_si_probe SET v = 2 WHERE id = 1"))
                            .isInstanceOf(SQLException.class)
                            .satisfies(e -> assertThat(((SQLException) e).getErrorCode()).isEqualTo(1020));
                } else {
                    assertThat(sa.executeUpdate("UPDATE goc_si_probe SET v = 2 WHERE id = 1")).isEqualTo(1);
                }
                a.rollback();
            }
        }
        try (Connection c = server.connect(); Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS goc_si_probe");
        }
    }
}
