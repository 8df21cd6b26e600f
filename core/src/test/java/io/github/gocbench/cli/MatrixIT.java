package io.github.gocbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code goc matrix} in-process on embedded PostgreSQL, restricted by its hidden options to two
 * strategies and two columns (RC autocommit, RC+tx) so it stays well under 30 s.
 *
 * <p>transactional at RC autocommit is declared SAFE on PostgreSQL (the insert's conflict is
 * caught and the row re-read in a new statement, which sees the winner), so ✓ is deterministic.
 * naive's duplicate key is probabilistic: 50 rounds of 8 threads released by a barrier on a fresh
 * key; the machine's runs show DUPLICATE_KEY in well over half the rounds, and even at a 10%
 * per-round rate the chance that 50 rounds stay clean is 0.9^50 &lt; 0.6%.
 */
class MatrixIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ROUNDS = 50;

    @Test
    void tinyMatrixOnEmbeddedPostgres(@TempDir Path dir) throws IOException {
        GocCliIT.Run r = GocCliIT.goc("matrix", "--db", "postgres", "--strategies", "naive,transactional",
                "--columns", "RC,RC+tx", "--rounds", "" + ROUNDS, "--out", dir.toString());
        assertThat(r.exit()).as(r.err()).isZero();

        Path server;
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> servers = s.toList();
            assertThat(servers).hasSize(1);
            server = servers.get(0);
        }
        assertThat(server.getFileName().toString()).startsWith("postgresql-").endsWith("-embedded");

        List<String> md = Files.readAllLines(server.resolve("matrix.md"));
        String header = md.stream().filter(l -> l.startsWith("| strategy")).findFirst().orElseThrow();
        assertThat(header).matches("\\| strategy +\\| RC +\\| RC\\+tx +\\|");
        String naive = md.stream().filter(l -> l.startsWith("| naive ")).findFirst().orElseThrow();
        String transactional = md.stream().filter(l -> l.startsWith("| transactional ")).findFirst().orElseThrow();
        // a cell carries its evidence: the anomaly with its rate, or the 95 % bound of a clean column
        assertThat(cells(naive).get(0)).matches("dup \\d+%");
        assertThat(cells(transactional).get(0)).matches("✓ <\\d+(\\.\\d+)?%");
        assertThat(r.out()).contains("transactional").contains("dup");

        JsonNode doc = JSON.readTree(server.resolve("matrix.json").toFile()).path("runs");
        assertThat(doc.isArray()).isTrue();
        assertThat(doc).hasSize(4);
        for (JsonNode run : doc) {
            JsonNode o = run.path("outcomes");
            long calls = 0;
            for (var it = o.fields(); it.hasNext(); ) {
                calls += it.next().getValue().asLong();
            }
            // every call of 8 threads x ROUNDS rounds is classified and counted
            assertThat(calls).isEqualTo(8L * ROUNDS);
            assertThat(run.path("config").path("rounds").asInt()).isEqualTo(ROUNDS);
        }
        JsonNode naiveRc = doc.get(0);
        assertThat(naiveRc.path("config").path("strategy").asText()).isEqualTo("naive");
        assertThat(naiveRc.path("config").path("isolation").asText()).isEqualTo("read-committed");
        assertThat(naiveRc.path("config").path("outerTx").asBoolean()).isFalse();
        assertThat(naiveRc.path("outcomes").path("DUPLICATE_KEY").asLong()).isPositive();
    }

    @Test
    void unknownColumnIsBadInput() {
        GocCliIT.Run r = GocCliIT.goc("matrix", "--db", "postgres", "--columns", "RC,XX");
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("XX");
    }

    /** The cells after the strategy column of a Markdown row. */
    private static List<String> cells(String row) {
        String[] parts = row.split("\\|");
        return Stream.of(parts).skip(2).map(String::trim).toList();
    }
}
