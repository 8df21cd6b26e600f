package io.github.gocbench.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gocbench.dialect.DbFamily;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Embedded PostgreSQL (zonky, bundled 17.x binaries) starts, answers and describes itself. */
class EmbeddedPostgresIT {

    @Test
    void startsAnswersAndReportsVersionAndNonDurableSettings() throws Exception {
        Target t = TestTargets.open(TargetSpec.of(DbFamily.POSTGRES));
        TargetInfo info = t.info();
        assertThat(info.family()).isEqualTo(DbFamily.POSTGRES);
        assertThat(info.product()).isEqualTo("PostgreSQL");
        assertThat(info.version()).startsWith("17.");
        assertThat(info.provision()).isEqualTo(Provision.EMBEDDED);
        assertThat(info.settings())
                .containsEntry("durable", "false")
                .containsEntry("fsync", "off")
                .containsEntry("synchronous_commit", "off")
                .containsEntry("max_connections", "300")
                .containsKey("default_transaction_isolation");
        assertThat(info.settings().get("server_version")).startsWith("17.");
        UrlTargetIT.assertSelectOne(t);
        assertThat(show(t, "fsync")).isEqualTo("off");
        assertThat(show(t, "synchronous_commit")).isEqualTo("off");
        assertThat(Integer.parseInt(show(t, "max_connections"))).isGreaterThanOrEqualTo(300);
    }

    @Test
    void isSharedAndLivesUnderThisJvmsFolder() throws Exception {
        Target a = Targets.open(TargetSpec.of(DbFamily.POSTGRES));
        Target b = Targets.open(TargetSpec.of(DbFamily.POSTGRES));
        assertThat(a.info().url()).isEqualTo(b.info().url());
        assertThat(ServerProcesses.mentioning(EmbeddedServers.jvmDir()))
                .as("the postmaster names this JVM's folder on its command line")
                .isNotEmpty();
    }

    static String show(Target t, String setting) throws Exception {
        try (Connection c = t.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
