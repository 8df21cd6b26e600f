package io.github.gocbench.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.github.gocbench.dialect.DbFamily;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * URL targets against the machine's PostgreSQL and MariaDB services, named by
 * {@code GOC_POSTGRES_URL} and {@code GOC_MARIADB_URL}; and the one-line messages for URLs that
 * cannot work.
 */
class UrlTargetIT {

    private static String env(String name) {
        String value = System.getenv(name);
        assumeThat(value).as(name + " is not set: no URL server to test against (e.g. export " + name
                + "=jdbc:...)").isNotBlank();
        return value.trim();
    }

    @Test
    void postgresUrlTargetAnswersAndDescribesItself() throws Exception {
        String url = env("GOC_POSTGRES_URL");
        try (Target t = Targets.open(TargetSpec.ofUrl(DbFamily.POSTGRES, url))) {
            TargetInfo info = t.info();
            assertThat(info.product()).isEqualTo("PostgreSQL");
            assertThat(info.provision()).isEqualTo(Provision.URL);
            assertThat(info.settings()).isNotEmpty();
            assertSelectOne(t);
        }
    }

    @Test
    void mariadbUrlTargetReportsMariaDbNotMySql() throws Exception {
        String url = env("GOC_MARIADB_URL");
        try (Target t = Targets.open(TargetSpec.ofUrl(DbFamily.MARIADB, url))) {
            TargetInfo info = t.info();
            assertThat(info.product()).isEqualTo("MariaDB");
            assertThat(info.version()).containsIgnoringCase("mariadb");
            assertThat(info.settings()).isNotEmpty();
            assertSelectOne(t);
        }
    }

    @Test
    void refusedPortSaysWhoCannotBeReached() {
        assertThatThrownBy(() -> Targets.open(TargetSpec.ofUrl(DbFamily.POSTGRES,
                "jdbc:postgresql://127.0.0.1:1/test?user=postgres&password=topsecret")))
                .isInstanceOf(TargetUnavailableException.class)
                .hasMessage("cannot reach 127.0.0.1:1 (connection refused): is the server running? check --db-url");
        assertThatThrownBy(() -> Targets.open(TargetSpec.ofUrl(DbFamily.MARIADB,
                "jdbc:mysql://127.0.0.1:1/test?user=root&password=topsecret")))
                .isInstanceOf(TargetUnavailableException.class)
                .hasMessage("cannot reach 127.0.0.1:1 (connection refused): is the server running? check --db-url");
    }

    @Test
    void unknownHostIsNamed() {
        assertThatThrownBy(() -> Targets.open(TargetSpec.ofUrl(DbFamily.POSTGRES,
                "jdbc:postgresql://no-such-host.invalid:5432/test")))
                .isInstanceOf(TargetUnavailableException.class)
                .hasMessageStartingWith("cannot reach no-such-host.invalid:5432 (unknown host")
                .hasMessageNotContaining("\n");
    }

    @Test
    void wrongPasswordIsAnAuthenticationFailureWithoutThePassword() {
        String url = env("GOC_MARIADB_URL");
        TargetSpec spec = new TargetSpec(DbFamily.MARIADB, url, null, "wrong-pw-xyz", 0, Provision.URL);
        assertThatThrownBy(() -> Targets.open(spec))
                .isInstanceOf(TargetUnavailableException.class)
                .hasMessageStartingWith("authentication failed for user")
                .hasMessageContaining("(error 1045)")
                .hasMessageNotContaining("wrong-pw-xyz")
                .hasMessageNotContaining("\n");
        // the same password written into the URL is masked too
        String inUrl = url + (url.contains("?") ? "&" : "?") + "password=wrong-pw-xyz";
        assertThatThrownBy(() -> Targets.open(TargetSpec.ofUrl(DbFamily.MARIADB, inUrl)))
                .hasMessageStartingWith("authentication failed for user")
                .hasMessageNotContaining("wrong-pw-xyz");
    }

    @Test
    void missingPostgresDatabaseIsNamed() throws Exception {
        JdbcUrl base = JdbcUrl.parse(DbFamily.POSTGRES, env("GOC_POSTGRES_URL"));
        String url = "jdbc:postgresql://" + base.hostPort() + "/nosuchdb"
                + (base.user() == null ? "" : "?user=" + base.user());
        assertThatThrownBy(() -> Targets.open(TargetSpec.ofUrl(DbFamily.POSTGRES, url)))
                .isInstanceOf(TargetUnavailableException.class)
                .hasMessage("database 'nosuchdb' does not exist at " + base.hostPort()
                        + " (SQLState 3D000): create it or name an existing database in --db-url");
    }

    @Test
    void missingMariaDbDatabaseIsNamed() throws Exception {
        JdbcUrl base = JdbcUrl.parse(DbFamily.MARIADB, env("GOC_MARIADB_URL"));
        String url = "jdbc:mysql://" + base.hostPort() + "/nosuchdb"
                + (base.user() == null ? "" : "?user=" + base.user());
        assertThatThrownBy(() -> Targets.open(TargetSpec.ofUrl(DbFamily.MARIADB, url)))
                .isInstanceOf(TargetUnavailableException.class)
                .hasMessageStartingWith("database 'nosuchdb' does not exist at " + base.hostPort() + " (error 1049)");
    }

    static void assertSelectOne(Target t) throws Exception {
        try (Connection c = t.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select 1")) {
            assertThat(c.getAutoCommit()).isTrue();
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }
}
