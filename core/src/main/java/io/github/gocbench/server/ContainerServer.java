package io.github.gocbench.server;

import io.github.gocbench.dialect.DbFamily;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.JdbcDatabaseContainer;
import org.testcontainers.containers.MariaDBContainer;
import org.testcontainers.containers.MySQLContainer;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A server in a Testcontainers container ({@code postgres:17}, {@code mysql:8.4},
 * {@code mariadb:11.4}), started once per JVM per image and stopped at JVM exit (Testcontainers'
 * Ryuk removes it should the JVM be killed). Needs a reachable Docker engine; without one the
 * message says what to do instead.
 */
final class ContainerServer implements EmbeddedServer {

    static final int MAX_CONNECTIONS = 300;
    private static final Duration DOCKER_PROBE_BOUND = Duration.ofSeconds(30);
    private static final Duration STARTUP_BOUND = Duration.ofMinutes(3);

    private final JdbcDatabaseContainer<?> container;
    private final DbFamily family;
    private final String url;
    private final String image;

    private ContainerServer(JdbcDatabaseContainer<?> container, DbFamily family, String url, String image) {
        this.container = container;
        this.family = family;
        this.url = url;
        this.image = image;
    }

    /** The image Testcontainers runs for {@code family} ({@code pgVersion} 0 = 17). */
    static String image(DbFamily family, int pgVersion) {
        return switch (family) {
            case POSTGRES -> "postgres:" + (pgVersion == 0 ? PgBinaries.DEFAULT_MAJOR : pgVersion);
            case MYSQL -> "mysql:8.4";
            case MARIADB -> "mariadb:11.4";
        };
    }

    /** Starts (once per JVM) the container for {@code family}. */
    static EmbeddedServer shared(DbFamily family, int pgVersion) throws TargetUnavailableException {
        String image = image(family, pgVersion);
        requireDocker(family);
        return EmbeddedServers.server("container-" + image.replace(':', '-'), dir -> start(family, image));
    }

    private static void requireDocker(DbFamily family) throws TargetUnavailableException {
        if (!dockerAvailable()) {
            String alternative = family == DbFamily.MYSQL ? ""
                    : ", or drop --provision container to use the embedded server";
            throw new TargetUnavailableException("no Docker engine reachable for " + family.cliName()
                    + ": start Docker, or pass --db-url " + example(family) + alternative);
        }
    }

    private static String example(DbFamily family) {
        return family == DbFamily.POSTGRES ? "jdbc:postgresql://HOST:5432/DB?user=U"
                : "jdbc:mysql://HOST:3306/DB?user=U";
    }

    /**
     * Asks Testcontainers whether a Docker engine answers, bounded, with its loggers muted (it logs
     * every failed strategy at ERROR, which is noise when the answer is simply "no").
     */
    static boolean dockerAvailable() {
        ExecutorService probe = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "goc-docker-probe");
            t.setDaemon(true);
            return t;
        });
        Runnable restore = mute("org.testcontainers", "com.github.dockerjava", "tc");
        try {
            Future<Boolean> answer = probe.submit(() -> DockerClientFactory.instance().isDockerAvailable());
            return answer.get(DOCKER_PROBE_BOUND.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        } finally {
            restore.run();
            probe.shutdownNow();
        }
    }

    /**
     * Turns the named logback loggers off until the returned action runs (no-op on other bindings,
     * or without logback, an optional dependency: the binding is checked by name before any
     * logback type is touched).
     */
    private static Runnable mute(String... names) {
        if (Targets.verbose() || !"ch.qos.logback.classic.LoggerContext".equals(
                LoggerFactory.getILoggerFactory().getClass().getName())) {
            return () -> { };
        }
        Runnable restore = () -> { };
        for (String name : names) {
            if (LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger logger) {
                ch.qos.logback.classic.Level before = logger.getLevel();
                logger.setLevel(ch.qos.logback.classic.Level.OFF);
                Runnable previous = restore;
                restore = () -> {
                    logger.setLevel(before);
                    previous.run();
                };
            }
        }
        return restore;
    }

    private static ContainerServer start(DbFamily family, String image) throws TargetUnavailableException {
        JdbcDatabaseContainer<?> container = switch (family) {
            case POSTGRES -> new PostgreSQLContainer<>(DockerImageName.parse(image))
                    .withCommand("postgres", "-c", "max_connections=" + MAX_CONNECTIONS);
            case MYSQL -> new MySQLContainer<>(DockerImageName.parse(image))
                    .withCommand("--max-connections=" + MAX_CONNECTIONS);
            case MARIADB -> new ConnectorJMariaDbContainer(DockerImageName.parse(image))
                    .withCommand("--max-connections=" + MAX_CONNECTIONS);
        };
        container.withStartupTimeout(STARTUP_BOUND);
        try {
            container.start();
        } catch (RuntimeException e) {
            container.stop();
            throw new TargetUnavailableException("container " + image + " did not start ("
                    + ConnectFailures.firstLine(String.valueOf(e.getMessage()))
                    + "): run with --verbose to see Testcontainers' log, or pass --db-url", e);
        }
        String url = family == DbFamily.POSTGRES
                ? "jdbc:postgresql://" + container.getHost() + ":" + container.getMappedPort(5432) + "/"
                        + container.getDatabaseName()
                : "jdbc:mysql://" + container.getHost() + ":" + container.getMappedPort(3306) + "/"
                        + container.getDatabaseName();
        return new ContainerServer(container, family, url, image);
    }

    @Override
    public Target target() throws TargetUnavailableException {
        return UrlTarget.open(family, url, container.getUsername(), container.getPassword(), Provision.CONTAINER,
                Map.of("image", image));
    }

    @Override
    public void stop() {
        container.stop();
    }

    @Override
    public String toString() {
        return "container " + image;
    }

    /**
     * MariaDB container reached with MySQL Connector/J (the project's driver for MariaDB):
     * Testcontainers' start-up check otherwise needs the MariaDB driver on the classpath.
     */
    private static final class ConnectorJMariaDbContainer extends MariaDBContainer<ConnectorJMariaDbContainer> {
        ConnectorJMariaDbContainer(DockerImageName image) {
            super(image);
        }

        @Override
        public String getDriverClassName() {
            return "com.mysql.cj.jdbc.Driver";
        }

        @Override
        public String getJdbcUrl() {
            return "jdbc:mysql://" + getHost() + ":" + getMappedPort(3306) + "/" + getDatabaseName();
        }
    }
}
