package io.github.gocbench.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

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
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signals to a running {@code goc} (a child JVM on the test classpath, embedded PostgreSQL):
 * SIGTERM during {@code compare} and SIGINT during {@code race} stop it in bounded time, keep the
 * finished part of the results (written atomically, marked partial / complete=false) and leave
 * no server process; after SIGKILL (no hook runs, the server survives) the next {@code goc} run
 * ends the orphaned server and deletes its folder.
 */
class SignalsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration START_BOUND = Duration.ofSeconds(150);
    /**
     * What a user waits after Ctrl-C at most. On an idle machine the stop takes 1-3 s (printed by each
     * test); under a load average of 15 on 2 cores it took 6-9 s. The bound is there to catch a stop
     * that waits for the run to finish (minutes here), not to time the shutdown, so it leaves room
     * for a loaded CI machine.
     */
    private static final Duration STOP_BOUND = Duration.ofSeconds(20);
    private static final Pattern RUN_INDEX = Pattern.compile("\\[(\\d+)/(\\d+)\\]");

    @Test
    void sigtermDuringCompareKeepsTheFinishedRuns(@TempDir Path dir) throws Exception {
        Path out = Files.createDirectory(dir.resolve("results"));
        try (ChildGoc child = ChildGoc.start(dir, List.of(), "compare", "--quick", "--db", "postgres",
                "--strategy", "naive,upsert", "--out", out.toString())) {
            // progress lines name the run in flight and the plan's size ("[3/18] postgres ..."): wait until two
            // have finished
            ChildGoc.await("compare reaches its third run", START_BOUND, () -> runInFlight(child) >= 3);
            assertThat(child.serverProcesses()).as("embedded server running").isNotEmpty();
            long t0 = System.nanoTime();
            ChildGoc.signal(child.pid(), "TERM");
            int exit = child.awaitExit(Duration.ofSeconds(30));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("compare: exit %d %d ms after SIGTERM%n", exit, ms);
            assertThat(ms).as("ms from SIGTERM to exit").isLessThanOrEqualTo(STOP_BOUND.toMillis());
            assertThat(exit).isEqualTo(143); // 128 + SIGTERM: the JVM's own code for a signalled exit

            Path folder;
            try (Stream<Path> s = Files.list(out)) {
                folder = s.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().equals("latest"))
                        .findFirst().orElseThrow(() -> new AssertionError("no results folder; stderr: " + child.err()));
            }
            try (Stream<Path> s = Files.list(folder)) {
                assertThat(s.map(p -> p.getFileName().toString()))
                        .containsExactlyInAnyOrder("results.json", "results.csv"); // no report when stopped
            }
            JsonNode runs = JSON.readTree(folder.resolve("results.json").toFile()).path("runs");
            assertThat(runs.isArray()).isTrue();
            assertThat(runs.size()).as("runs kept").isGreaterThanOrEqualTo(2).isLessThan(20);
            for (int i = 0; i < runs.size() - 1; i++) {
                assertThat(runs.get(i).path("complete").asBoolean()).as("run %d finished", i + 1).isTrue();
            }
            JsonNode last = runs.get(runs.size() - 1);
            if (!last.path("complete").asBoolean()) {
                assertThat(last.path("note").asText()).contains("interrupted");
            }
            assertThat(child.errLines()).anyMatch(l -> l.startsWith("goc compare: PARTIAL")
                    && l.contains("after " + runs.size() + " of " + plannedRuns(child) + " runs"));
            assertThat(child.err()).doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(child.serverProcesses()).as("server processes after SIGTERM").isEmpty();
            assertThat(child.serverDir()).doesNotExist();
        }
    }

    @Test
    void sigintDuringRaceWritesThePartialRun(@TempDir Path dir) throws Exception {
        assumeFalse(ChildGoc.sigintIgnored(), "this JVM ignores SIGINT (the build was started in the background"
                + " by a shell without job control), so no child can receive it: run ./mvnw verify in the"
                + " foreground to test Ctrl-C");
        Path json = Files.createDirectory(dir.resolve("out")).resolve("race.json");
        try (ChildGoc child = ChildGoc.start(dir, List.of(), "race", "--db", "postgres", "--strategy", "upsert",
                "--threads", "4", "--rounds", "1000000", "--json", json.toString(), "--quiet")) {
            ProcessHandle server = child.awaitServer(START_BOUND);
            int port = ChildGoc.port(server);
            ChildGoc.await("workers connected", START_BOUND, () -> ServerLostIT.sessions("postgres", port) >= 5);
            // sessions alone can count a probe's connection while a worker still connects (seen at load 20)
            ChildGoc.await("rounds run", START_BOUND, () -> rows(port) >= 3);
            Thread.sleep(500);
            long t0 = System.nanoTime();
            ChildGoc.signal(child.pid(), "INT");
            int exit = child.awaitExit(Duration.ofSeconds(30));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("race: exit %d %d ms after SIGINT%n", exit, ms);
            assertThat(ms).as("ms from SIGINT to exit").isLessThanOrEqualTo(STOP_BOUND.toMillis());
            assertThat(exit).isEqualTo(130); // 128 + SIGINT
            try (Stream<Path> s = Files.list(json.getParent())) {
                assertThat(s).containsExactly(json);
            }
            JsonNode doc = JSON.readTree(json.toFile()).path("runs").get(0);
            assertThat(doc.path("complete").asBoolean(true)).isFalse();
            assertThat(doc.path("note").asText()).contains("interrupted");
            assertThat(doc.path("totals").path("calls").asLong()).isPositive();
            assertThat(child.errLines()).hasSize(1);
            assertThat(child.errLines().get(0)).startsWith("goc race: the run was cut short (interrupted");
            assertThat(child.serverProcesses()).as("server processes after SIGINT").isEmpty();
            assertThat(child.serverDir()).doesNotExist();
        }
    }

    @Test
    void afterSigkillTheNextRunReapsTheOrphanedServer(@TempDir Path dir) throws Exception {
        List<ProcessHandle> orphans;
        Path orphanDir;
        try (ChildGoc killed = ChildGoc.start(dir, List.of(), "race", "--db", "postgres", "--strategy", "naive",
                "--rounds", "1000000", "--quiet")) {
            killed.awaitServer(START_BOUND);
            orphanDir = killed.serverDir();
            ChildGoc.signal(killed.pid(), "KILL");
            killed.awaitExit(Duration.ofSeconds(30));
            orphans = new ArrayList<>(killed.serverProcesses());
            assertThat(orphans).as("the server survives a SIGKILLed goc (no hook ran)").isNotEmpty();
            assertThat(orphanDir).exists();

            try (ChildGoc next = ChildGoc.start(dir, List.of(), "race", "--db", "postgres", "--strategy", "upsert",
                    "--rounds", "20", "--quiet")) {
                int exit = next.awaitExit(START_BOUND);
                assertThat(exit).as("next run's exit; stderr: %s", next.err()).isZero();
            }
            assertThat(ChildGoc.mentioning(orphanDir)).as("orphaned server after the next run").isEmpty();
            // A killed process stays a zombie (alive to ProcessHandle, empty command line) until
            // PID 1 reaps it, which this sandbox's init does lazily: only one that still runs counts.
            assertThat(orphans).as("orphaned processes still running")
                    .noneMatch(p -> p.isAlive() && !ChildGoc.commandLine(p).isEmpty());
            assertThat(orphanDir).doesNotExist();
        }
    }

    /** The highest run index seen in the child's progress lines so far, 0 before any. */
    /** The plan's size as the progress lines state it ("[3/18]"). */
    private static int plannedRuns(ChildGoc child) {
        Matcher m = RUN_INDEX.matcher(child.err());
        assertThat(m.find()).as("a progress line names the plan's size").isTrue();
        return Integer.parseInt(m.group(2));
    }

    private static int runInFlight(ChildGoc child) {
        Matcher m = RUN_INDEX.matcher(child.err());
        int max = 0;
        while (m.find()) {
            max = Math.max(max, Integer.parseInt(m.group(1)));
        }
        return max;
    }

    /** Rows the child's race has created so far in goc's table; -1 while it cannot be asked. */
    private static long rows(int port) {
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
        try (Connection c = DriverManager.getConnection(url);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM goc_item")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            return -1;
        }
    }
}
