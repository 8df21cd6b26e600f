package io.github.gocbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.gocbench.results.BuildInfo;
import io.github.gocbench.results.ResultsWriter;
import io.github.gocbench.strategy.Table;
import io.github.gocbench.dialect.DbFamily;
import io.github.gocbench.server.Target;
import io.github.gocbench.server.TargetSpec;
import io.github.gocbench.server.TestTargets;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Runs {@code goc} in-process (as {@link Goc#main} would, minus {@code System.exit}) against real
 * servers: embedded PostgreSQL, and the machine's MariaDB service for a wrong password.
 *
 * <p>The naive race is probabilistic, so the detection claims are made only where they are
 * reliable: 8 threads released by a barrier on a fresh key for 100 rounds. On this 2-core machine
 * naive loses the race in most rounds (the engine helper measured ~60-90% of rounds with a
 * DUPLICATE_KEY); even at a 5% per-round rate the chance of 100 clean rounds is 0.95^100 < 0.6%.
 * Replay (one round) is only checked for the shape of its lines, not for a failure.
 */
class GocCliIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one in-process invocation produced. */
    record Run(int exit, String out, String err) {
        List<String> outLines() {
            return out.isEmpty() ? List.of() : Arrays.asList(out.split("\\R"));
        }

        List<String> errLines() {
            return err.isEmpty() ? List.of() : Arrays.asList(err.split("\\R"));
        }
    }

    static Run goc(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Goc.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void strategiesListsTheSeedTrioForBothDialects() {
        Run r = goc("strategies");
        assertThat(r.exit()).isZero();
        String[] blocks = r.out().split("\\R\\R");
        assertThat(blocks[0]).startsWith("postgres");
        assertThat(blocks[1]).startsWith("mariadb, mysql");
        for (String block : List.of(blocks[0], blocks[1])) {
            for (String id : List.of("naive", "transactional", "upsert")) {
                assertThat(block).containsPattern("(?m)^  " + Pattern.quote(id) + " +\\S");
            }
        }
        Run one = goc("strategies", "--db", "mariadb");
        assertThat(one.exit()).isZero();
        assertThat(one.out()).startsWith("mariadb").doesNotContain("postgres\n");
    }

    @Test
    void naiveRaceIsUnsafeAndWritesJson(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("race.json");
        Run r = goc("race", "--db", "postgres", "--strategy", "naive", "--threads", "8", "--rounds", "100",
                "--json", json.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode file = JSON.readTree(json.toFile());
        assertThat(file.path("schemaVersion").asInt()).isEqualTo(ResultsWriter.SCHEMA_VERSION);
        JsonNode prov = file.path("provenance");
        assertThat(prov.path("command").asText()).isEqualTo("race");
        assertThat(prov.path("arguments").get(0).asText()).isEqualTo("race");
        assertThat(prov.path("revision").asText()).isEqualTo(BuildInfo.current().revision());
        assertThat(prov.path("bounds").path("statementTimeoutSeconds").asDouble()).isEqualTo(5.0);
        assertThat(prov.path("drivers").path("pgjdbc").asText()).isNotBlank();
        assertThat(prov.path("host").path("cores").asInt()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(prov.path("host").path("cpuModel").asText()).isNotBlank();
        JsonNode doc = file.path("runs").get(0);
        assertThat(doc.path("verdict").asText()).isEqualTo("UNSAFE");
        assertThat(doc.path("outcomes").path("DUPLICATE_KEY").asLong()).isPositive();
        assertThat(doc.path("config").path("strategy").asText()).isEqualTo("naive");
        assertThat(r.out()).contains("UNSAFE").contains("DUPLICATE_KEY").contains("[23505]");
    }

    @Test
    void failOnAnomalyExitsOne() {
        Run r = goc("race", "--db", "postgres", "--strategy", "naive", "--threads", "8", "--rounds", "100",
                "--fail-on-anomaly", "--quiet");
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.ANOMALY);
        assertThat(r.outLines()).hasSize(1);
        assertThat(r.out()).contains("UNSAFE").contains("DUPLICATE_KEY=");
    }

    @Test
    void replayPrintsOneBlogLinePerThread() {
        Run r = goc("replay", "--db", "postgres", "--strategy", "naive", "1", "1", "1", "1", "1", "1", "1", "1");
        assertThat(r.exit()).as(r.err()).isZero();
        Pattern blog = Pattern.compile("\\d+ (True|False)");
        Pattern failed = Pattern.compile("thread [1-8] \\(my_id=1\\): [A-Z_]+ - .+");
        assertThat(r.outLines()).hasSize(8)
                .allSatisfy(line -> assertThat(blog.matcher(line).matches() || failed.matcher(line).matches())
                        .as(line).isTrue());
        // Someone always wins the first insert, and a failed naive call can only be a unique violation.
        assertThat(r.outLines()).anyMatch(l -> l.endsWith(" True"));
        assertThat(r.outLines()).filteredOn(l -> l.startsWith("thread "))
                .allSatisfy(l -> assertThat(l).contains(": DUPLICATE_KEY - ").endsWith("[23505]"));
    }

    @Test
    void replayRefusesItsTableWhileAnotherReplayHoldsIt() throws Exception {
        Target pg = TestTargets.open(TargetSpec.of(DbFamily.POSTGRES)); // the same embedded server goc uses here
        try (Connection other = pg.connect()) {
            assertThat(pg.dialect().tryClaimTable(other, new Table("goc_replay", true))).isTrue();
            Run r = goc("replay", "--db", "postgres", "--strategy", "naive", "1", "1");
            assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.UNAVAILABLE);
            // one error line, after the progress note of a server start (this JVM's first, when run alone)
            assertThat(r.errLines()).filteredOn(l -> !l.startsWith("starting embedded ")).singleElement()
                    .asString().startsWith("goc replay: table goc_replay is in use by another goc replay on this"
                            + " server (backend pid ").endsWith("): wait for it to finish");
            assertThat(r.out()).doesNotContain("True").doesNotContain("False");
        }
        Run after = goc("replay", "--db", "postgres", "--strategy", "naive", "1", "1");
        assertThat(after.exit()).as("once the other session has ended; " + after.err()).isZero();
    }

    static Stream<Arguments> badInvocations() {
        String pgUrlDown = "jdbc:postgresql://127.0.0.1:1/x";
        String mariadbService = "jdbc:mysql://127.0.0.1:3306/test?user=root";
        return Stream.of(
                bad(2, "unknown subcommand", "rase"),
                bad(2, "unknown option", "race", "--db", "postgres", "--strategy", "naive", "--thread", "8", "JSON"),
                bad(2, "missing --db", "race", "--strategy", "naive", "JSON"),
                bad(2, "unknown database", "race", "--db", "oracle", "--strategy", "naive", "JSON"),
                bad(2, "unknown strategy", "race", "--db", "postgres", "--strategy", "nosuch", "JSON"),
                bad(2, "zero threads", "race", "--db", "postgres", "--strategy", "naive", "--threads", "0", "JSON"),
                bad(2, "too many threads", "race", "--db", "postgres", "--strategy", "naive", "--threads", "1025",
                        "JSON"),
                bad(2, "threads not a number", "race", "--db", "postgres", "--strategy", "naive", "--threads", "x",
                        "JSON"),
                bad(2, "zero rounds", "race", "--db", "postgres", "--strategy", "naive", "--rounds", "0", "JSON"),
                bad(2, "malformed keys", "bench", "--db", "postgres", "--strategy", "naive", "--keys", "zipf:abc",
                        "JSON"),
                bad(2, "zero duration", "bench", "--db", "postgres", "--strategy", "naive", "--duration", "0s", "JSON"),
                bad(2, "duration over a day", "bench", "--db", "postgres", "--strategy", "naive", "--duration", "25h",
                        "JSON"),
                bad(2, "duration without unit", "bench", "--db", "postgres", "--strategy", "all", "--duration", "10",
                        "JSON"),
                bad(2, "thread list with zero", "bench", "--db", "postgres", "--strategy", "all", "--threads", "1,0",
                        "JSON"),
                bad(2, "churn above one", "race", "--db", "postgres", "--strategy", "naive", "--churn", "1.5", "JSON"),
                bad(2, "unknown isolation", "race", "--db", "postgres", "--strategy", "naive", "--isolation",
                        "snapshot", "JSON"),
                bad(2, "pg-version with mariadb", "race", "--db", "mariadb", "--strategy", "naive", "--pg-version",
                        "16", "JSON"),
                bad(2, "pg-version too old", "race", "--db", "postgres", "--strategy", "naive", "--pg-version", "13",
                        "JSON"),
                bad(2, "url of another family", "race", "--db", "mariadb", "--strategy", "naive", "--db-url",
                        "jdbc:postgresql://127.0.0.1:5432/test?user=postgres&password=s3cret", "JSON"),
                bad(2, "json folder missing", "race", "--db", "postgres", "--strategy", "naive", "--json",
                        "MISSING_DIR/r.json"),
                bad(2, "json file exists", "race", "--db", "postgres", "--strategy", "naive", "--json",
                        "EXISTING_FILE"),
                bad(2, "replay id not a number", "replay", "--db", "postgres", "--strategy", "naive", "1", "one"),
                bad(2, "compare url with two dbs", "compare", "--db", "postgres,mariadb", "--db-url", pgUrlDown,
                        "--out", "OUT_DIR"),
                bad(3, "unreachable url", "race", "--db", "postgres", "--strategy", "naive", "--db-url", pgUrlDown,
                        "JSON"),
                bad(3, "wrong password", "race", "--db", "mariadb", "--strategy", "naive", "--db-url",
                        mariadbService, "--db-password", "wrong-s3cret", "JSON"));
    }

    private static Arguments bad(int exit, String name, String... args) {
        return Arguments.of(name, exit, args);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInvocations")
    void badInvocationIsOneLineAndWritesNothing(String name, int expectedExit, String[] template, @TempDir Path dir)
            throws IOException {
        Path existing = Files.writeString(dir.resolve("existing.json"), "{}");
        List<String> args = new ArrayList<>();
        for (String a : template) {
            switch (a) {
                case "JSON" -> {
                    args.add("--json");
                    args.add(dir.resolve("out.json").toString());
                }
                case "MISSING_DIR/r.json" -> args.add(dir.resolve("missing/r.json").toString());
                case "EXISTING_FILE" -> args.add(existing.toString());
                case "OUT_DIR" -> args.add(dir.resolve("results").toString());
                default -> args.add(a);
            }
        }
        Run r = goc(args.toArray(String[]::new));

        assertThat(r.exit()).as("exit of %s, stderr: %s", name, r.err()).isEqualTo(expectedExit);
        assertThat(r.errLines()).as("stderr of %s", name).hasSize(1);
        String line = r.errLines().get(0);
        assertThat(line).startsWith("goc").doesNotContain("Exception").doesNotContain("at io.")
                .doesNotContain("s3cret").doesNotContain("internal error");
        assertThat(r.out()).as("stdout of %s", name).isEmpty();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).as("files left by %s", name).containsExactly(existing);
        }
        assertThat(Files.readString(existing)).isEqualTo("{}");
    }

    /** The packaged jar (built by the package phase before this IT) starts and exits with goc's codes. */
    @Test
    void packagedJarRunsAndExitsWithCodes() throws Exception {
        Path jar = Path.of("target", "goc-cli.jar");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(jar), "target/goc-cli.jar not built");
        Run version = java(jar, "--version");
        assertThat(version.exit()).isZero();
        assertThat(version.out()).startsWith("goc-bench ").doesNotContain("dev");
        Run bad = java(jar, "race", "--db", "postgres", "--strategy", "naive", "--threads", "0");
        assertThat(bad.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(bad.errLines()).containsExactly("goc race: --threads 0 is out of range: use 1..1024");
    }

    private static Run java(Path jar, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("goc-cli.jar did not finish within 60 s: " + cmd);
        }
        return new Run(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
