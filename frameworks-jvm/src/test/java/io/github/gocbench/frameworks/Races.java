package io.github.gocbench.frameworks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;

/** One {@code goc race} of a framework strategy: 8 threads released together per round, no retries. */
final class Races {

    static final int THREADS = 8;
    static final int ROUNDS = 100;

    private Races() {
    }

    /** Races {@code strategy} on {@code db} ({@code postgres} or {@code mariadb}) and returns the run's JSON. */
    static JsonNode race(String db, Class<?> strategy, Path dir, String... extra) throws IOException {
        Path json = dir.resolve("race.json");
        String[] base = {"race", "--db", db, "--strategy-class", strategy.getName(), "--threads",
                Integer.toString(THREADS), "--rounds", Integer.toString(ROUNDS), "--json", json.toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        Goc.Run r = Goc.run(args);
        assertThat(r.exit()).as(r.err()).isZero();
        System.out.println(r.out());
        return Goc.firstRun(json);
    }

    /** A SAFE run's evidence: every round raced, none with an anomaly, no double create or id mismatch. */
    static void assertSafeEvidence(JsonNode run) {
        assertThat(run.path("race").path("rounds").asLong()).as(run.toString()).isEqualTo(ROUNDS);
        assertThat(run.path("race").path("roundsWithAnomaly").asLong()).as(run.toString()).isZero();
        assertThat(run.path("invariants").path("DOUBLE_CREATE").asLong()).as(run.toString()).isZero();
        assertThat(run.path("invariants").path("ID_MISMATCH").asLong()).as(run.toString()).isZero();
    }

    /** The count of {@code outcome} in the run. */
    static long outcome(JsonNode run, String outcome) {
        return run.path("outcomes").path(outcome).asLong();
    }
}
