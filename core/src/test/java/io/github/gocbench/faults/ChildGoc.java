package io.github.gocbench.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code goc} run in a child JVM on the test classpath ({@code java -cp ... io.github.gocbench.cli.Goc}),
 * so a test can stop its embedded servers, signal it, and read its exit code, stdout and stderr.
 * Its embedded servers live under {@code ${java.io.tmpdir}/goc-bench/<child pid>/}, and every
 * server process names that folder on its command line.
 */
final class ChildGoc implements AutoCloseable {

    private final Process process;
    private final Path out;
    private final Path err;

    private ChildGoc(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    static ChildGoc start(Path workDir, List<String> env, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of("-Xmx512m", "-cp", System.getProperty("java.class.path"), "io.github.gocbench.cli.Goc"));
        cmd.addAll(Arrays.asList(args));
        Path out = Files.createTempFile(workDir, "child", ".out");
        Path err = Files.createTempFile(workDir, "child", ".err");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().remove("GOC_DB_PASSWORD");
        for (String kv : env) {
            int eq = kv.indexOf('=');
            pb.environment().put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        return new ChildGoc(pb.start(), out, err);
    }

    long pid() {
        return process.pid();
    }

    Process process() {
        return process;
    }

    /** The child's embedded-server folder (it may not exist yet). */
    Path serverDir() {
        return Path.of(System.getProperty("java.io.tmpdir"), "goc-bench", Long.toString(process.pid()))
                .toAbsolutePath();
    }

    /** Live processes other than the child whose command line names the child's folder. */
    List<ProcessHandle> serverProcesses() {
        return mentioning(serverDir());
    }

    static List<ProcessHandle> mentioning(Path dir) {
        String needle = dir.toString() + "/";
        return ProcessHandle.allProcesses().filter(p -> commandLine(p).contains(needle)).toList();
    }

    static String commandLine(ProcessHandle p) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(p.pid()), "cmdline"));
            return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').trim();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** The server process (postmaster or mariadbd: the one carrying a port), waiting up to {@code bound}. */
    ProcessHandle awaitServer(Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (System.nanoTime() - deadline < 0) {
            Optional<ProcessHandle> p = serverProcesses().stream().filter(h -> port(h) > 0).findFirst();
            if (p.isPresent()) {
                return p.get();
            }
            if (!process.isAlive()) {
                throw new AssertionError("child exited " + process.exitValue() + " before a server started: "
                        + err());
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no server named " + serverDir() + " within " + bound + "; stderr: " + err());
    }

    /** The TCP port on a server's command line ({@code -p N} for postgres, {@code --port=N} for mariadbd). */
    static int port(ProcessHandle p) {
        String cmd = commandLine(p);
        String exe = cmd.contains(" ") ? cmd.substring(0, cmd.indexOf(' ')) : cmd;
        if (!exe.endsWith("/postgres") && !exe.endsWith("/mariadbd")) {
            return -1; // pg_ctl, initdb, unshare ... name the folder too
        }
        Matcher m = Pattern.compile("(?:\\s-p\\s+|--port=)(\\d+)").matcher(" " + cmd);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    static void await(String what, Duration bound, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline >= 0) {
                throw new AssertionError("not within " + bound + ": " + what);
            }
            Thread.sleep(100);
        }
    }

    /**
     * Whether this JVM ignores SIGINT, as every child it starts then does (dispositions set to
     * ignore are inherited, and the JVM does not install its handler over an ignored SIGINT). A
     * shell without job control starts background commands that way: {@code ./mvnw verify &}.
     */
    static boolean sigintIgnored() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("SigIgn:")) {
                    return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & (1L << (2 - 1))) != 0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // no /proc: assume signals are delivered as usual
        }
        return false;
    }

    /** Sends a signal ({@code INT}, {@code TERM}, {@code KILL}) to {@code pid}. */
    static void signal(long pid, String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new AssertionError("kill -" + signal + " " + pid + " failed");
        }
    }

    /** Waits up to {@code bound} for the child to exit; its exit code. */
    int awaitExit(Duration bound) throws InterruptedException {
        if (!process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("child goc did not exit within " + bound + "; stderr so far: " + err());
        }
        return process.exitValue();
    }

    String out() {
        return read(out);
    }

    String err() {
        return read(err);
    }

    List<String> errLines() {
        String e = err().strip();
        return e.isEmpty() ? List.of() : List.of(e.split("\\R"));
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    /** Kills the child and whatever still names its folder (a failed test must not leave servers). */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        for (ProcessHandle p : serverProcesses()) {
            p.destroyForcibly();
        }
    }
}
