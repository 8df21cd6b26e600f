package io.github.gocbench.frameworks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.gocbench.frameworks.hibernate.HibernateFindPersist;
import io.github.gocbench.frameworks.hibernate.HibernateFindPersistRefind;
import io.github.gocbench.frameworks.hibernate.HibernateUpsert;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hibernate ORM's get-or-create patterns raced by {@code goc race} on the embedded servers (8
 * threads released together per round by goc's barrier, 100 rounds, no retries): the verdict and
 * outcomes each pattern really has, and the library version in the result.
 */
class HibernateRaceIT {

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "mariadb"})
    void findThenPersistInOneTransactionIsUnsafeWithTheDuplicateKeyClassified(String db, @TempDir Path dir)
            throws IOException {
        JsonNode run = Races.race(db, HibernateFindPersist.class, dir);
        assertThat(run.path("config").path("strategy").asText()).startsWith("hibernate-7.").endsWith("-find-persist");
        assertThat(run.path("config").path("strategyDescription").asText()).startsWith("Hibernate ORM 7.");
        assertThat(run.path("verdict").asText()).isEqualTo("UNSAFE");
        assertThat(Races.outcome(run, "DUPLICATE_KEY")).as(run.toString()).isPositive();
        assertThat(Races.outcome(run, "OTHER")).as(run.toString()).isZero();
    }

    /** Inside goc's outer transaction the session joins it (no Hibernate transaction): the same race, flushed. */
    @Test
    void findThenPersistInsideAnOuterTransactionIsUnsafeWithTheDuplicateKey(@TempDir Path dir) throws IOException {
        JsonNode run = Races.race("postgres", HibernateFindPersist.class, dir, "--outer-tx");
        assertThat(run.path("verdict").asText()).isEqualTo("UNSAFE");
        assertThat(Races.outcome(run, "DUPLICATE_KEY")).as(run.toString()).isPositive();
        assertThat(Races.outcome(run, "OTHER")).as(run.toString()).isZero();
    }

    /**
     * In MariaDB's REPEATABLE READ outer transaction the three units share the caller's snapshot,
     * taken before the winner committed: the re-find after the violation sees no row.
     */
    @Test
    void findPersistRefindLosesTheRowInsideMariaDbsRepeatableReadOuterTransaction(@TempDir Path dir)
            throws IOException {
        JsonNode run = Races.race("mariadb", HibernateFindPersistRefind.class, dir, "--outer-tx");
        assertThat(run.path("verdict").asText()).as(run.toString()).isEqualTo("UNSAFE");
        assertThat(Races.outcome(run, "NOT_FOUND_AFTER_CONFLICT")).as(run.toString()).isPositive();
        assertThat(Races.outcome(run, "OTHER")).as(run.toString()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "mariadb"})
    void findPersistInANewSessionThenFindAgainIsSafeInAutocommit(String db, @TempDir Path dir) throws IOException {
        JsonNode run = Races.race(db, HibernateFindPersistRefind.class, dir);
        assertThat(run.path("verdict").asText()).as(run.toString()).isEqualTo("SAFE");
        Races.assertSafeEvidence(run);
        assertThat(Races.outcome(run, "CREATED")).isEqualTo(Races.ROUNDS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "mariadb"})
    void statelessUpsertIsSafeInAutocommit(String db, @TempDir Path dir) throws IOException {
        JsonNode run = Races.race(db, HibernateUpsert.class, dir);
        assertThat(run.path("config").path("strategy").asText()).endsWith("-upsert");
        assertThat(run.path("verdict").asText()).as(run.toString()).isEqualTo("SAFE");
        Races.assertSafeEvidence(run);
        assertThat(Races.outcome(run, "CREATED")).isEqualTo(Races.ROUNDS);
    }

    /**
     * Inside the caller's REPEATABLE READ transaction (MariaDB's default) that read the key first,
     * the upsert's {@code on duplicate key update k=k} waits for the winner and then finds the row,
     * but the following {@code get} is a consistent read in the caller's older snapshot: no row.
     */
    @Test
    void statelessUpsertLosesTheRowInsideMariaDbsRepeatableReadOuterTransaction(@TempDir Path dir) throws IOException {
        JsonNode run = Races.race("mariadb", HibernateUpsert.class, dir, "--outer-tx");
        assertThat(run.path("verdict").asText()).as(run.toString()).isEqualTo("UNSAFE");
        assertThat(Races.outcome(run, "NOT_FOUND_AFTER_CONFLICT")).as(run.toString()).isPositive();
        assertThat(Races.outcome(run, "OTHER")).as(run.toString()).isZero();
    }
}
