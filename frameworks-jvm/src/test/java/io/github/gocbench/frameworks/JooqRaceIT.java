package io.github.gocbench.frameworks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.gocbench.frameworks.jooq.JooqInsertIgnoreSelect;
import io.github.gocbench.frameworks.jooq.JooqMergeSelect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** jOOQ's get-or-create recipes raced by {@code goc race} on the embedded servers (8 threads, 100 rounds, no retries). */
class JooqRaceIT {

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "mariadb"})
    void insertIgnoreThenSelectIsSafeInAutocommit(String db, @TempDir Path dir) throws IOException {
        JsonNode run = Races.race(db, JooqInsertIgnoreSelect.class, dir);
        assertThat(run.path("config").path("strategy").asText()).startsWith("jooq-3.").endsWith("-insert-ignore-select");
        assertThat(run.path("config").path("strategyDescription").asText()).startsWith("jOOQ 3.");
        assertThat(run.path("verdict").asText()).as(run.toString()).isEqualTo("SAFE");
        Races.assertSafeEvidence(run);
        assertThat(Races.outcome(run, "CREATED")).isEqualTo(Races.ROUNDS);
        assertThat(Races.outcome(run, "FOUND")).isEqualTo((long) Races.ROUNDS * (Races.THREADS - 1));
    }

    /** {@code insert ignore} waits for the winner, then the SELECT reads the caller's older snapshot: no row. */
    @Test
    void insertIgnoreThenSelectLosesTheRowInsideMariaDbsRepeatableReadOuterTransaction(@TempDir Path dir)
            throws IOException {
        JsonNode run = Races.race("mariadb", JooqInsertIgnoreSelect.class, dir, "--outer-tx");
        assertThat(run.path("verdict").asText()).as(run.toString()).isEqualTo("UNSAFE");
        assertThat(Races.outcome(run, "NOT_FOUND_AFTER_CONFLICT")).as(run.toString()).isPositive();
    }

    /**
     * PostgreSQL's native MERGE does no speculative insertion: racers that all saw no match all
     * INSERT, and the losers get the unique violation. Inside an outer transaction (the key read
     * first, the call a little later) nearly every round shows it; in autocommit the window is small.
     */
    @Test
    void mergeOnPostgresIsUnsafeWithTheDuplicateKey(@TempDir Path dir) throws IOException {
        JsonNode run = Races.race("postgres", JooqMergeSelect.class, dir, "--outer-tx");
        assertThat(run.path("config").path("strategy").asText()).endsWith("-merge-select");
        assertThat(run.path("verdict").asText()).as(run.toString()).isEqualTo("UNSAFE");
        assertThat(Races.outcome(run, "DUPLICATE_KEY")).as(run.toString()).isPositive();
        assertThat(Races.outcome(run, "OTHER")).as(run.toString()).isZero();
    }

    /** jOOQ 3.19 sends {@code merge into} to MariaDB too, which has none: the run is refused in one line. */
    @Test
    void mergeIsRefusedOnMariaDbWhereJooqRendersNoEmulation(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("race.json");
        Goc.Run r = Goc.run("race", "--db", "mariadb", "--strategy-class", JooqMergeSelect.class.getName(),
                "--threads", "2", "--rounds", "1", "--json", json.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isNotZero();
        assertThat(r.out() + r.err()).contains("renders no MERGE emulation for MARIADB").contains("merge into");
        if (Files.exists(json)) {
            assertThat(Races.outcome(Goc.firstRun(json), "CREATED")).isZero();
        }
    }
}
