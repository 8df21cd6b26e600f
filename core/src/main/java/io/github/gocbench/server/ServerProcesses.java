package io.github.gocbench.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds and ends server processes by what their command line mentions. Every embedded server
 * keeps its data under a folder of the JVM that started it, and names that folder on its command
 * line ({@code postgres -D ...}, {@code mariadbd --datadir=...}), so the folder identifies the
 * processes even after that JVM died without stopping them.
 */
final class ServerProcesses {

    private ServerProcesses() {
    }

    /** Live processes (other than this JVM) whose command line contains {@code dir}. */
    static List<ProcessHandle> mentioning(Path dir) {
        String needle = dir.toAbsolutePath().toString();
        long self = ProcessHandle.current().pid();
        return ProcessHandle.allProcesses()
                .filter(p -> p.pid() != self)
                .filter(p -> commandLine(p).contains(needle))
                .collect(Collectors.toList());
    }

    /**
     * The process's command line, arguments separated by spaces; empty when unknown (gone,
     * zombie). Reads {@code /proc/PID/cmdline} where it exists, as it is never truncated.
     */
    static String commandLine(ProcessHandle p) {
        Path proc = Path.of("/proc", Long.toString(p.pid()), "cmdline");
        try {
            byte[] raw = Files.readAllBytes(proc);
            return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').trim();
        } catch (IOException | SecurityException e) {
            return p.info().commandLine().orElse("");
        }
    }

    /**
     * Ends {@code processes} and their descendants: SIGTERM, then SIGKILL for whatever is still
     * alive after {@code grace}. Returns how many were still alive at the end (0 when all ended).
     */
    static int terminate(List<ProcessHandle> processes, Duration grace) {
        Set<ProcessHandle> all = new LinkedHashSet<>();
        for (ProcessHandle p : processes) {
            all.add(p);
            p.descendants().forEach(all::add);
        }
        all.forEach(ProcessHandle::destroy);
        List<ProcessHandle> left = awaitExit(all, grace);
        left.forEach(ProcessHandle::destroyForcibly);
        return awaitExit(left, Duration.ofSeconds(10)).size();
    }

    /** Waits up to {@code bound} for the processes to exit; returns those still alive. */
    static List<ProcessHandle> awaitExit(Iterable<ProcessHandle> processes, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        List<ProcessHandle> alive = new ArrayList<>();
        processes.forEach(alive::add);
        while (true) {
            alive.removeIf(p -> !p.isAlive() || commandLine(p).isEmpty());
            if (alive.isEmpty() || System.nanoTime() - deadline >= 0) {
                return alive;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return alive;
            }
        }
    }
}
