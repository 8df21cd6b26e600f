package io.github.gocbench.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded servers of this JVM and their lifecycle.
 *
 * <ul>
 *   <li>Each server (per family and PostgreSQL major) starts at most once per JVM and is shared.</li>
 *   <li>Everything a server writes lives under this JVM's folder,
 *       {@code ${java.io.tmpdir}/goc-bench/<pid>/}.</li>
 *   <li>One shutdown hook stops every server on JVM exit (normal exit, Ctrl-C, SIGTERM), ends any
 *       process still naming the folder, and deletes the folder. The libraries' own hooks are
 *       switched off so that stopping happens once, in a known order.</li>
 *   <li>A JVM killed with SIGKILL runs no hook: the next JVM that starts an embedded server
 *       {@linkplain #reapOrphans() reaps} what it left behind.</li>
 * </ul>
 */
public final class EmbeddedServers {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServers.class);
    private static final String OWNER_FILE = "owner";
    /** How long a server gets to stop on SIGTERM before it is killed. */
    static final Duration STOP_GRACE = Duration.ofSeconds(20);

    /** How long the shutdown hook waits for {@linkplain #holdStopUntil held} work before stopping servers. */
    static final Duration HOLD_BOUND = Duration.ofSeconds(4);

    private static final Map<String, Slot> SERVERS = new ConcurrentHashMap<>();
    private static final List<CountDownLatch> HOLDS = new CopyOnWriteArrayList<>();
    private static Path jvmDir;
    private static volatile boolean shuttingDown;

    private EmbeddedServers() {
    }

    /** One server slot; its monitor serialises starting that server. */
    private static final class Slot {
        EmbeddedServer server;
    }

    /** Starts one server. */
    @FunctionalInterface
    interface Starter {
        EmbeddedServer start(Path dir) throws TargetUnavailableException;
    }

    /** {@code ${java.io.tmpdir}/goc-bench}: one folder per JVM that started embedded servers. */
    public static Path root() {
        return Path.of(System.getProperty("java.io.tmpdir"), "goc-bench").toAbsolutePath();
    }

    /**
     * This JVM's folder, created (and the shutdown hook installed) on first use. Creating it
     * first reaps what JVMs that died without cleaning up left behind.
     */
    public static synchronized Path jvmDir() {
        if (jvmDir == null) {
            reapOrphans();
            ProcessHandle self = ProcessHandle.current();
            Path dir = root().resolve(Long.toString(self.pid()));
            try {
                Files.createDirectories(dir);
                Files.writeString(dir.resolve(OWNER_FILE), startInstant(self).map(Instant::toString).orElse(""));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + dir, e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedServers::stopAll, "goc-embedded-servers-stop"));
            jvmDir = dir;
        }
        return jvmDir;
    }

    /** The server under {@code key}, started by {@code starter} in this JVM's folder if not yet running. */
    static EmbeddedServer server(String key, Starter starter) throws TargetUnavailableException {
        Slot slot = SERVERS.computeIfAbsent(key, k -> new Slot());
        synchronized (slot) {
            if (slot.server == null) {
                if (shuttingDown) {
                    throw new TargetUnavailableException("the JVM is shutting down: not starting " + key);
                }
                Path dir = jvmDir().resolve(key);
                slot.server = starter.start(dir);
            }
            return slot.server;
        }
    }

    /**
     * Makes the shutdown hook wait until {@code done} is counted down (at most {@link #HOLD_BOUND}
     * for all holds together) before it stops the servers. JVM shutdown hooks run concurrently:
     * this lets a command that is cutting its run short on Ctrl-C or SIGTERM finish with the
     * servers still up and write its partial results, instead of seeing them vanish mid-write.
     */
    public static void holdStopUntil(CountDownLatch done) {
        HOLDS.add(done);
    }

    /** Withdraws a {@link #holdStopUntil hold} (the command ended normally). */
    public static void releaseHold(CountDownLatch done) {
        HOLDS.remove(done);
    }

    /**
     * Stops every server, ends any process still naming this JVM's folder and deletes the folder.
     * Runs from the shutdown hook; safe to call more than once.
     */
    static void stopAll() {
        shuttingDown = true;
        long holdEnd = System.nanoTime() + HOLD_BOUND.toNanos();
        for (CountDownLatch hold : HOLDS) {
            try {
                if (!hold.await(Math.max(0, holdEnd - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    LOG.warn("stopping the embedded servers without waiting longer for the run to write its results");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        for (Map.Entry<String, Slot> e : SERVERS.entrySet()) {
            synchronized (e.getValue()) {
                EmbeddedServer server = e.getValue().server;
                e.getValue().server = null;
                if (server != null) {
                    try {
                        server.stop();
                    } catch (RuntimeException ex) {
                        LOG.warn("stopping embedded {} failed: {}", e.getKey(), ex.toString());
                    }
                }
            }
        }
        Path dir;
        synchronized (EmbeddedServers.class) {
            dir = jvmDir;
        }
        if (dir != null) {
            int left = ServerProcesses.terminate(ServerProcesses.mentioning(dir), STOP_GRACE);
            if (left > 0) {
                LOG.warn("{} server process(es) under {} would not exit", left, dir);
            }
            deleteTree(dir);
        }
    }

    /**
     * Cleans up after JVMs that died without stopping their servers (e.g. SIGKILL): for each
     * folder under {@link #root()} whose JVM is no longer alive, ends the processes whose command
     * line names the folder (SIGTERM, then SIGKILL after a bound) and deletes the folder.
     *
     * @return how many orphaned folders were removed
     */
    public static int reapOrphans() {
        Path root = root();
        if (!Files.isDirectory(root)) {
            return 0;
        }
        List<Path> orphans = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root)) {
            for (Path dir : dirs) {
                if (Files.isDirectory(dir) && isOrphan(dir)) {
                    orphans.add(dir);
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot scan {}: {}", root, e.toString());
            return 0;
        }
        int removed = 0;
        for (Path dir : orphans) {
            List<ProcessHandle> procs = ServerProcesses.mentioning(dir);
            int left = ServerProcesses.terminate(procs, STOP_GRACE);
            if (left > 0) {
                LOG.warn("could not end {} orphaned server process(es) under {}", left, dir);
                continue;
            }
            deleteTree(dir);
            removed++;
            LOG.info("removed embedded servers left behind by dead JVM {}: {} process(es) ended, {} deleted",
                    dir.getFileName(), procs.size(), dir);
        }
        return removed;
    }

    /** True when the folder's JVM is gone (or its pid now belongs to a younger process). */
    private static boolean isOrphan(Path dir) {
        long pid;
        try {
            pid = Long.parseLong(dir.getFileName().toString());
        } catch (NumberFormatException e) {
            return false; // not a JVM folder
        }
        if (pid == ProcessHandle.current().pid()) {
            return false;
        }
        Optional<ProcessHandle> p = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (p.isEmpty()) {
            return true;
        }
        try {
            String recorded = Files.readString(dir.resolve(OWNER_FILE)).trim();
            Optional<Instant> started = startInstant(p.get());
            return !recorded.isEmpty() && started.isPresent() && !started.get().toString().equals(recorded);
        } catch (IOException e) {
            return false; // a live JVM still writing its folder
        }
    }

    private static Optional<Instant> startInstant(ProcessHandle p) {
        return p.info().startInstant();
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.warn("cannot delete {}: {}", dir, e.toString());
        }
    }
}
