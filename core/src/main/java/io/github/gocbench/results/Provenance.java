package io.github.gocbench.results;

import io.github.gocbench.server.Secrets;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where a results document came from: which build, which command line, which bounds, which JDBC
 * drivers, which host and how loaded it was. Written once per document (beside its runs) so a
 * published number can be traced to the code, the command and the machine that made it; the
 * server side (product, version, durability and isolation settings) is in each run's target.
 *
 * @param tool      always "goc-bench"
 * @param version   the Maven version
 * @param revision  the git commit the build was made from ("unknown" outside a checkout)
 * @param dirty     whether that build had uncommitted changes
 * @param command   the subcommand: race, bench, compare, matrix, ...
 * @param arguments the command line after {@code goc}, passwords masked
 * @param started   when the command started
 * @param finished  when the document was written
 * @param host      CPU, memory, OS, JVM and load average before and after
 * @param drivers   JDBC driver name to version, for the drivers on the classpath
 * @param bounds    the deadline and timeouts every run was held to, or {@code null} when the command has none
 */
public record Provenance(String tool, String version, String revision, boolean dirty, String command,
                         List<String> arguments, Instant started, Instant finished, Host host,
                         Map<String, String> drivers, BoundsInfo bounds) {

    /**
     * The machine: CPU model, logical cores, physical memory, OS, JVM, and the 1-minute load
     * average when the command started and when it wrote its results ({@code null} where the OS
     * does not report one).
     */
    public record Host(String cpuModel, int cores, Long memoryBytes, String os, String jvm, Double loadBefore,
                       Double loadAfter) {
    }

    /** The bounds of every run, in seconds: overall deadline, statement, lock wait and per-call watchdog. */
    public record BoundsInfo(double deadlineSeconds, double statementTimeoutSeconds, double lockTimeoutSeconds,
                             double callTimeoutSeconds) {

        /** From the four durations, in the order of the record. */
        public static BoundsInfo of(Duration deadline, Duration statement, Duration lock, Duration call) {
            return new BoundsInfo(seconds(deadline), seconds(statement), seconds(lock), seconds(call));
        }

        private static double seconds(Duration d) {
            return d.toMillis() / 1000.0;
        }
    }

    /** What is known when a command starts: its name, its arguments and the load before it ran. */
    public record Start(String command, List<String> arguments, Instant started, Double loadBefore) {

        /** The provenance of a document written now, under {@code bounds} (may be {@code null}). */
        public Provenance finish(BoundsInfo bounds) {
            BuildInfo build = BuildInfo.current();
            Host host = new Host(cpuModel(), Runtime.getRuntime().availableProcessors(), memoryBytes(),
                    System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
                            + System.getProperty("os.arch") + ")",
                    System.getProperty("java.runtime.version", System.getProperty("java.version")) + " ("
                            + System.getProperty("java.vm.name") + ")",
                    loadBefore, load());
            return new Provenance("goc-bench", build.version(), build.revision(), build.dirty(), command, arguments,
                    started, Instant.now(), host, installedDrivers(), bounds);
        }
    }

    /** Call when a command starts: {@code arguments} are masked here, so callers pass them as typed. */
    public static Start start(String command, List<String> arguments) {
        return new Start(command, masked(arguments), Instant.now(), load());
    }

    private static final Pattern PASSWORD_OPTION = Pattern.compile("--[a-z-]*password(=.*)?");

    /**
     * The arguments with every password hidden: the value after {@code --db-password} (or after
     * its {@code =}), and passwords inside JDBC URLs.
     */
    static List<String> masked(List<String> arguments) {
        List<String> out = new ArrayList<>(arguments.size());
        boolean nextIsPassword = false;
        for (String a : arguments) {
            if (nextIsPassword) {
                out.add("****");
                nextIsPassword = false;
            } else if (PASSWORD_OPTION.matcher(a).matches()) {
                int eq = a.indexOf('=');
                out.add(eq < 0 ? a : a.substring(0, eq + 1) + "****");
                nextIsPassword = eq < 0;
            } else {
                out.add(Secrets.maskUrl(a));
            }
        }
        return List.copyOf(out);
    }

    private static Double load() {
        double l = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return l < 0 ? null : Math.round(l * 100) / 100.0;
    }

    private static Long memoryBytes() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getTotalMemorySize();
        }
        return null;
    }

    private static String cpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            try (var lines = Files.lines(cpuinfo)) {
                String model = lines.filter(l -> l.toLowerCase(Locale.ROOT).startsWith("model name"))
                        .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse(null);
                if (model != null) {
                    return model;
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                // fall through to the architecture
            }
        }
        return System.getProperty("os.arch");
    }

    /** JDBC drivers goc ships, by class name, with the version their jar declares. */
    private static final Map<String, String> DRIVERS = Map.of(
            "pgjdbc", "org.postgresql.Driver",
            "mysql-connector-j", "com.mysql.cj.jdbc.Driver");

    private static Map<String, String> installedDrivers() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : List.of("pgjdbc", "mysql-connector-j")) {
            try {
                Class<?> c = Class.forName(DRIVERS.get(name), false, Provenance.class.getClassLoader());
                String v = c.getPackage() == null ? null : c.getPackage().getImplementationVersion();
                if (v == null) {
                    java.sql.Driver d = (java.sql.Driver) c.getDeclaredConstructor().newInstance();
                    v = d.getMajorVersion() + "." + d.getMinorVersion();
                }
                out.put(name, v);
            } catch (ReflectiveOperationException | LinkageError e) {
                // not on the classpath: nothing to record
            }
        }
        return out;
    }
}
