package io.github.gocbench.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gocbench.dialect.DbFamily;
import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void masksPasswordQueryParameterCaseInsensitively() {
        assertThat(Secrets.maskUrl("jdbc:mysql://h:3306/test?user=root&password=s3cret"))
                .isEqualTo("jdbc:mysql://h:3306/test?user=root&password=****");
        assertThat(Secrets.maskUrl("jdbc:postgresql://h/db?PASSWORD=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?PASSWORD=****&ssl=true");
        assertThat(Secrets.maskUrl("jdbc:mysql://h/db?Pwd=s3cret")).isEqualTo("jdbc:mysql://h/db?Pwd=****");
    }

    @Test
    void masksUserinfoPassword() {
        assertThat(Secrets.maskUrl("jdbc:mysql://root:s3cret@h:3306/test"))
                .isEqualTo("jdbc:mysql://root:****@h:3306/test")
                .doesNotContain("s3cret");
    }

    @Test
    void leavesUrlsWithoutPasswordAlone() {
        String url = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
        assertThat(Secrets.maskUrl(url)).isEqualTo(url);
        assertThat(Secrets.maskUrl(null)).isNull();
    }

    @Test
    void masksAGivenPasswordInText() {
        assertThat(Secrets.mask("login as bob with hunter2 failed", "hunter2"))
                .isEqualTo("login as bob with **** failed");
        assertThat(Secrets.mask("nothing", null)).isEqualTo("nothing");
        assertThat(Secrets.mask("nothing", "")).isEqualTo("nothing");
    }

    @Test
    void targetSpecToStringHidesThePassword() {
        TargetSpec spec = new TargetSpec(DbFamily.MARIADB, "jdbc:mysql://h/db?password=inurl", "u", "given", 0,
                Provision.URL);
        assertThat(spec.toString()).doesNotContain("inurl").doesNotContain("given");
    }
}
