package io.github.gocbench.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The embedded server dies under a running {@code goc race} / {@code goc bench} (run through the
 * CLI in a child JVM): the run ends well within its deadline, the calls that hit the dead server
 * are counted as CONNECTION_LOST, the partial results are written (complete=false, with a note),
 * stderr says so in one line, the exit code is 3, and no half-written file or server is left.
 *
 * <p>PostgreSQL is stopped the way {@code pg_ctl stop -m fast} does (SIGINT to the postmaster:
 * sessions are terminated with 57P01, new ones refused); MariaDB is killed outright (SIGKILL: the
 * sockets just break). The server is stopped only after the child's 4 workers and the checker are
 * connected and a second of calls has run, so there are calls in flight to lose.
 */
class ServerLostIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int THREADS = 4;
    /** Child start + embedded server start (MariaDB: ~20 s on a busy 2-core machine) with margin. */
    private static final Duration START_BOUND = Duration.ofSeconds(150);
    /** The run must end this soon after the server is gone: reconnect fails at once, plus shutdown. */
    private static final Duration END_BOUND = Duration.ofSeconds(60);

    /**
     * Every child starts its own embedded server (MariaDB: 20-50 s on the shared 2-core machine),
     * so {@code verify} runs three of the four cases; {@code GOC_FAULTS_FULL=1} adds the MariaDB race.
     */
    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>(List.of(
                Arguments.of("postgres", "race", "INT"),
                Arguments.of("postgres", "steady", "INT"),
                Arguments.of("mariadb", "steady", "KILL")));
        if (full()) {
            cases.add(Arguments.of("mariadb", "race", "KILL"));
        }
        return cases.stream();
    }

    /** Whether the long fault cases were asked for ({@code GOC_FAULTS_FULL=1}). */
    static boolean full() {
        return "1".equals(System.getenv("GOC_FAULTS_FULL"));
    }

    @ParameterizedTest(name = "{0} {1}, server gets SIG{2}")
    @MethodSource("cases")
    void serverDiesMidRun(String db, String workload, String signal, @TempDir Path dir) throws Exception {
        Path outDir = Files.createDirectory(dir.resolve("out"));
        Path json = outDir.resolve("run.json");
        List<String> args = new ArrayList<>(List.of(workload.equals("race") ? "race" : "bench",
                "--db", db, "--strategy", "transactional", "--threads", Integer.toString(THREADS),
                "--deadline", "5m", "--json", json.toString(), "--quiet"));
        if (workload.equals("race")) {
            args.addAll(List.of("--rounds", "1000000"));
        } else {
            args.addAll(List.of("--duration", "3m", "--warmup", "0s", "--keys", "hotset:100"));
        }
        try (ChildGoc child = ChildGoc.start(dir, List.of(), args.toArray(String[]::new))) {
            ProcessHandle server = child.awaitServer(START_BOUND);
            int port = ChildGoc.port(server);
            ChildGoc.await("the child's " + THREADS + " workers and checker connected", START_BOUND,
                    () -> sessions(db, port) >= THREADS + 1);
            Thread.sleep(1000); // a second of calls
            long stopped = System.nanoTime();
            ChildGoc.signal(server.pid(), signal);

            int exit = child.awaitExit(END_BOUND);
            long tookMs = (System.nanoTime() - stopped) / 1_000_000;

            assertThat(exit).as("exit code; stderr: %s", child.err()).isEqualTo(3);
            assertThat(child.errLines()).as("stderr").hasSize(1);
            assertThat(child.errLines().get(0)).startsWith("goc " + (workload.equals("race") ? "race" : "bench")
                    + ": the run was cut short (target lost").contains(json.toString())
                    .doesNotContain("Exception").doesNotContain("\tat ");
            try (Stream<Path> files = Files.list(outDir)) {
                assertThat(files).as("what the run left in its folder (no temp files)").containsExactly(json);
            }
            JsonNode doc = JSON.readTree(json.toFile()).path("runs").get(0);
            assertThat(doc.path("complete").asBoolean(true)).isFalse();
            assertThat(doc.path("note").asText()).contains("target lost");
            assertThat(doc.path("outcomes").path("CONNECTION_LOST").asLong()).as("CONNECTION_LOST calls")
                    .isPositive();
            assertThat(doc.path("totals").path("calls").asLong()).as("calls = sum of outcomes")
                    .isEqualTo(sum(doc.path("outcomes")))
                    .isGreaterThan(doc.path("outcomes").path("CONNECTION_LOST").asLong());
            assertThat(child.out()).contains("UNSAFE"); // CONNECTION_LOST is an anomaly
            ChildGoc.await("no process names the child's folder", Duration.ofSeconds(10),
                    () -> child.serverProcesses().isEmpty());
            assertThat(child.serverDir()).doesNotExist();
            System.out.printf("%s %s: exit %d %d ms after SIG%s; %s%n", db, workload, exit, tookMs, signal,
                    doc.path("outcomes"));
        }
    }

    private static long sum(JsonNode outcomes) {
        long n = 0;
        for (Iterator<JsonNode> it = outcomes.elements(); it.hasNext(); ) {
            n += it.next().asLong();
        }
        return n;
    }

    /** Client sessions on the child's server other than this one; -1 while it cannot be asked. */
    static long sessions(String db, int port) {
        String url = db.equals("postgres") ? "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres"
                : "jdbc:mysql://127.0.0.1:" + port + "/?user=root";
        String sql = db.equals("postgres")
                ? "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend'"
                        + " AND pid <> pg_backend_pid()"
                : "SELECT count(*) FROM information_schema.PROCESSLIST WHERE ID <> CONNECTION_ID()"
                        + " AND COMMAND <> 'Daemon'";
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            return -1;
        }
    }
}
