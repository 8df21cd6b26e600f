package io.github.gocbench.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gocbench.dialect.DbFamily;
import org.junit.jupiter.api.Test;

/**
 * {@code --pg-version} picks another PostgreSQL major: its binaries jar is read from the local
 * Maven repository (fetched with mvn on first use), and the server reports that major.
 */
class EmbeddedPostgresVersionIT {

    @Test
    void pgVersion16StartsPostgres16BesideTheDefault() throws Exception {
        Target t = Targets.open(new TargetSpec(DbFamily.POSTGRES, null, null, null, 16, null));
        assertThat(t.info().version()).startsWith("16.");
        assertThat(t.info().provision()).isEqualTo(Provision.EMBEDDED);
        UrlTargetIT.assertSelectOne(t);
    }
}
