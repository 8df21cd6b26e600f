package io.github.gocbench.frameworks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.gocbench.frameworks.spring.SpringDataFindSave;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Spring Data JPA's {@code @Transactional findByK(k).orElseGet(() -> save(...))} raced by
 * {@code goc race} on the embedded servers (8 threads released together per round, 100 rounds, no
 * retries): the read-then-insert race of Hibernate's find-persist, reached through Spring's
 * transaction and repository proxies, with the versions in the result.
 */
class SpringDataRaceIT {

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "mariadb"})
    void findOrSaveInATransactionalMethodIsUnsafeWithTheDuplicateKeyClassified(String db, @TempDir Path dir)
            throws IOException {
        JsonNode run = Races.race(db, SpringDataFindSave.class, dir);
        assertThat(run.path("config").path("strategy").asText()).startsWith("spring-data-jpa-4.").endsWith("-find-save");
        assertThat(run.path("config").path("strategyDescription").asText())
                .startsWith("Spring Data JPA 4.").contains("Hibernate ORM 7.");
        assertThat(run.path("verdict").asText()).as(run.toString()).isEqualTo("UNSAFE");
        assertThat(Races.outcome(run, "DUPLICATE_KEY")).as(run.toString()).isPositive();
        assertThat(Races.outcome(run, "OTHER")).as(run.toString()).isZero();
    }

    /** Inside goc's outer transaction Spring's transaction joins it: the same race. */
    @Test
    void findOrSaveInsideAnOuterTransactionIsUnsafeWithTheDuplicateKey(@TempDir Path dir) throws IOException {
        JsonNode run = Races.race("postgres", SpringDataFindSave.class, dir, "--outer-tx");
        assertThat(run.path("verdict").asText()).as(run.toString()).isEqualTo("UNSAFE");
        assertThat(Races.outcome(run, "DUPLICATE_KEY")).as(run.toString()).isPositive();
        assertThat(Races.outcome(run, "OTHER")).as(run.toString()).isZero();
    }
}
