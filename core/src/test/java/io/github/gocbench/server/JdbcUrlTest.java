package io.github.gocbench.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gocbench.dialect.DbFamily;
import org.junit.jupiter.api.Test;

class JdbcUrlTest {

    @Test
    void parsesHostPortAndDatabase() throws Exception {
        JdbcUrl pg = JdbcUrl.parse(DbFamily.POSTGRES, "jdbc:postgresql://127.0.0.1:5499/test?user=postgres");
        assertThat(pg.hostPort()).isEqualTo("127.0.0.1:5499");
        assertThat(pg.database()).isEqualTo("test");
        assertThat(pg.user()).isEqualTo("postgres");

        JdbcUrl my = JdbcUrl.parse(DbFamily.MARIADB, "jdbc:mysql://db.example/shop");
        assertThat(my.hostPort()).isEqualTo("db.example:3306");
        assertThat(my.database()).isEqualTo("shop");
        assertThat(my.user()).isNull();
    }

    @Test
    void mysqlAndMariadbUseConnectorJUrls() throws Exception {
        assertThat(JdbcUrl.parse(DbFamily.MYSQL, "jdbc:mysql://h:3307/x").port()).isEqualTo(3307);
        assertThatThrownBy(() -> JdbcUrl.parse(DbFamily.MARIADB, "jdbc:mariadb://h/x"))
                .isInstanceOf(TargetUnavailableException.class)
                .hasMessageContaining("--db mariadb needs a jdbc:mysql:// URL")
                .hasMessageContaining("MySQL Connector/J");
    }

    @Test
    void rejectsAUrlOfAnotherFamilyInOneLine() {
        assertThatThrownBy(() -> JdbcUrl.parse(DbFamily.POSTGRES, "jdbc:mysql://h/x?password=s3cret"))
                .isInstanceOf(TargetUnavailableException.class)
                .hasMessage("--db postgres needs a jdbc:postgresql:// URL, got 'jdbc:mysql://h/x?password=****'");
        assertThatThrownBy(() -> JdbcUrl.parse(DbFamily.MYSQL, "jdbc:postgresql://h/x"))
                .hasMessageStartingWith("--db mysql needs a jdbc:mysql:// URL");
    }

    @Test
    void rejectsMalformedUrls() {
        assertThatThrownBy(() -> JdbcUrl.parse(DbFamily.POSTGRES, "postgres://h/x"))
                .isInstanceOf(TargetUnavailableException.class)
                .hasMessageStartingWith("malformed JDBC URL 'postgres://h/x': expected jdbc:postgresql://");
        assertThatThrownBy(() -> JdbcUrl.parse(DbFamily.POSTGRES, "jdbc:postgresql://h:port/x"))
                .hasMessageContaining("port 'port' is not a number from 1 to 65535");
        assertThatThrownBy(() -> JdbcUrl.parse(DbFamily.MARIADB, "jdbc:mysql://h:70000/x"))
                .hasMessageContaining("port '70000'");
    }

    @Test
    void collectsPasswordsForMasking() throws Exception {
        JdbcUrl url = JdbcUrl.parse(DbFamily.MARIADB, "jdbc:mysql://bob:pw1@h/x?password=pw2");
        assertThat(url.passwords()).containsExactly("pw2", "pw1");
        assertThat(url.user()).isEqualTo("bob");
    }

    @Test
    void dropsOverriddenCredentials() throws Exception {
        JdbcUrl url = JdbcUrl.parse(DbFamily.MARIADB, "jdbc:mysql://h/x?user=root&password=old&useSSL=false");
        assertThat(url.withoutCredentials(true, true)).isEqualTo("jdbc:mysql://h/x?useSSL=false");
        assertThat(url.withoutCredentials(false, true)).isEqualTo("jdbc:mysql://h/x?user=root&useSSL=false");
        assertThat(url.withoutCredentials(false, false)).isEqualTo(url.url());
        JdbcUrl only = JdbcUrl.parse(DbFamily.POSTGRES, "jdbc:postgresql://h/x?password=old");
        assertThat(only.withoutCredentials(false, true)).isEqualTo("jdbc:postgresql://h/x");
        JdbcUrl userinfo = JdbcUrl.parse(DbFamily.MYSQL, "jdbc:mysql://bob:old@h/x");
        assertThat(userinfo.withoutCredentials(true, true)).isEqualTo("jdbc:mysql://h/x");
        assertThat(userinfo.withoutCredentials(false, true)).isEqualTo("jdbc:mysql://bob@h/x");
        assertThat(userinfo.withoutCredentials(true, false)).isEqualTo("jdbc:mysql://:old@h/x");
    }
}
