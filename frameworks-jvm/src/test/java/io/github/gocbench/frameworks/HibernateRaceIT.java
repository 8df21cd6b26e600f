package io.github.gocbench.frameworks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.gocbench.frameworks.hibernate.HibernateFindPersist;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hibernate ORM's get-or-create patterns raced by {@code goc race} on the embedded servers, 8
 * threads released together per round (goc's barrier), no retries: the verdict and the outcomes
 * each pattern really has.
 */
class HibernateRaceIT {

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "mariadb"})
    void findThenPersistInOneTransactionIsUnsafeWithTheDuplicateKeyClassified(String db, @TempDir Path dir)
            throws IOException {
        Path json = dir.resolve("race.json");
        Goc.Run r = Goc.run("race", "--db", db, "--strategy-class", HibernateFindPersist.class.getName(),
                "--threads", "8", "--rounds", "100", "--json", json.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode run = Goc.firstRun(json);
        assertThat(run.path("config").path("strategy").asText()).startsWith("hibernate-7.").endsWith("-find-persist");
        assertThat(run.path("verdict").asText()).as(r.out()).isEqualTo("UNSAFE");
        assertThat(run.path("outcomes").path("DUPLICATE_KEY").asLong()).as(r.out()).isPositive();
        assertThat(run.path("outcomes").path("OTHER").asLong()).as(r.out()).isZero();
    }
}
