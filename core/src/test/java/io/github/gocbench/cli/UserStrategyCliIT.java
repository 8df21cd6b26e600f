package io.github.gocbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.gocbench.cli.user.NaiveTagStrategy;
import io.github.gocbench.cli.user.SafeTagStrategy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A user's own get-or-create through {@code goc race} and {@code goc bench} on the embedded
 * servers: reported like a built-in strategy (its id in the table and the JSON, its SQL errors
 * classified by the dialect), racy code UNSAFE, safe code SAFE.
 */
class UserStrategyCliIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "mariadb"})
    void aRacyUserStrategyIsUnsafeWithItsDuplicateKeyClassified(String db, @TempDir Path dir) throws IOException {
        Path json = dir.resolve("race.json");
        GocCliIT.Run r = GocCliIT.goc("race", "--db", db, "--strategy-class", NaiveTagStrategy.class.getName(),
                "--threads", "8", "--rounds", "100", "--json", json.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode doc = JSON.readTree(json.toFile()).path("runs").get(0);
        assertThat(doc.path("config").path("strategy").asText()).isEqualTo("naive-tag");
        assertThat(doc.path("verdict").asText()).isEqualTo("UNSAFE");
        assertThat(doc.path("outcomes").path("DUPLICATE_KEY").asLong()).isPositive();
        assertThat(r.out()).contains("naive-tag").contains("UNSAFE").contains("DUPLICATE_KEY");
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "mariadb"})
    void aSafeUserStrategyFoundThroughServiceLoaderIsSafe(String db, @TempDir Path dir) throws IOException {
        Path services = Files.createDirectories(dir.resolve("META-INF/services"));
        Files.writeString(services.resolve("io.github.gocbench.spi.UserStrategy"), SafeTagStrategy.class.getName());
        GocCliIT.Run r = GocCliIT.goc("race", "--db", db, "--classpath", dir.toString(), "--threads", "8",
                "--rounds", "100", "--quiet");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("SafeTagStrategy").contains("SAFE").doesNotContain("UNSAFE");
    }

    @Test
    void benchRunsTheUserStrategyBesideABuiltIn(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("bench.json");
        GocCliIT.Run r = GocCliIT.goc("bench", "--db", "postgres", "--strategy", "upsert", "--strategy-class",
                SafeTagStrategy.class.getName(), "--threads", "2", "--duration", "1s", "--warmup", "0s",
                "--keys", "hotset:100", "--json", json.toString(), "--quiet");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode doc = JSON.readTree(json.toFile()).path("runs");
        assertThat(doc.isArray()).isTrue();
        assertThat(doc.findValuesAsText("strategy")).contains("upsert", "SafeTagStrategy");
        for (JsonNode run : doc) {
            assertThat(run.path("totals").path("calls").asLong()).as(run.toString()).isPositive();
        }
    }

    @Test
    void compareRunsTheUserStrategyBesideTheNamedOnes(@TempDir Path dir) throws IOException {
        GocCliIT.Run r = GocCliIT.goc("compare", "--db", "postgres", "--strategy", "upsert", "--strategy-class",
                NaiveTagStrategy.class.getName(), "--quick", "--rounds", "20", "--race-budget", "2s", "--duration",
                "1s", "--warmup", "0s", "--out", dir.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("(?m)^upsert +SAFE").containsPattern("(?m)^naive-tag +UNSAFE");
    }
}
