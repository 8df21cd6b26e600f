package io.github.gocbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gocbench.dialect.DbFamily;
import io.github.gocbench.results.RunResult;
import io.github.gocbench.results.WorkloadKind;
import io.github.gocbench.server.Provision;
import io.github.gocbench.server.TargetInfo;
import io.github.gocbench.strategy.Conditions;
import io.github.gocbench.strategy.Isolation;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunLabelsTest {

    @Test
    void serverLabelKeepsTheNumericVersion() {
        assertThat(RunLabels.server(new TargetInfo(DbFamily.MARIADB, "MariaDB", "10.11.6-MariaDB-0+deb12u1",
                Provision.URL, "jdbc:mysql://x", Map.of()))).isEqualTo("MariaDB 10.11.6 (url)");
        assertThat(RunLabels.server(new TargetInfo(DbFamily.POSTGRES, null, null, null, null, Map.of())))
                .isEqualTo("postgres");
        assertThat(RunLabels.server(null)).isEqualTo("unknown server");
    }

    @Test
    void conditionNamesWhatDiffersFromTheDefaults() {
        assertThat(RunLabels.condition(config(null, false, true, false, 0))).isEqualTo("autocommit");
        assertThat(RunLabels.condition(config(Isolation.SERIALIZABLE, true, false, true, 0.5)))
                .isEqualTo("serializable outer-tx no-unique side-effect churn 0.5");
        assertThat(RunLabels.condition(config(Isolation.READ_COMMITTED, false, true, false, 1.0)))
                .isEqualTo("read-committed autocommit churn 1");
    }

    @Test
    void slugsAreFileNameSafe() {
        assertThat(RunLabels.slug("throughput", "PostgreSQL 17.6 (embedded)", "zipf:1000:1.1", "outer-tx"))
                .isEqualTo("throughput-postgresql-17-6-embedded-zipf-1000-1-1-outer-tx");
        assertThat(RunLabels.slug("///")).isEqualTo("chart");
    }

    private static RunResult.ConfigInfo config(Isolation iso, boolean outer, boolean unique, boolean side, double churn) {
        return new RunResult.ConfigInfo("naive", WorkloadKind.RACE, 2, 10, null, null, null,
                new Conditions(iso, outer, unique, side, churn));
    }
}
