package io.github.gocbench.stress.race;

import io.github.gocbench.dialect.DbFamily;
import io.github.gocbench.server.Provision;
import io.github.gocbench.server.Target;
import io.github.gocbench.server.TargetSpec;
import io.github.gocbench.server.TargetUnavailableException;
import io.github.gocbench.server.Targets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Assumptions;

/**
 * The servers the race suites run against: embedded PostgreSQL and MariaDB always (they must
 * start), every server named by {@code GOC_POSTGRES_URL}, {@code GOC_MARIADB_URL},
 * {@code GOC_MYSQL_URL} (must be reachable: the user asked for it), and MySQL 8.4 through
 * Testcontainers, which is reported SKIPPED with the reason when no Docker engine is reachable.
 * Each target is opened once per JVM; a container that could not start is not retried.
 */
public final class StressTargets {

    /** A target as tests name it, e.g. {@code postgres/embedded}. */
    public record Named(String name, TargetSpec spec, boolean optional) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final Map<String, CompletableFuture<Object>> OPEN = new ConcurrentHashMap<>();
    /** Bound on starting one server (embedded MariaDB's first start unpacks and installs: ~45 s here). */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

    private StressTargets() {
    }

    /**
     * Starts opening every required target in the background, so embedded MariaDB boots while
     * the PostgreSQL rows run (it takes longer to start than all of them together).
     */
    static void prestart() {
        for (Named t : all()) {
            if (!t.optional()) {
                future(t);
            }
        }
    }

    private static CompletableFuture<Object> future(Named t) {
        return OPEN.computeIfAbsent(t.name(), k -> {
            CompletableFuture<Object> f = new CompletableFuture<>();
            Thread starter = new Thread(() -> {
                try {
                    f.complete(Targets.open(t.spec()));
                } catch (TargetUnavailableException | RuntimeException e) {
                    f.complete(e);
                }
            }, "start-" + k);
            starter.setDaemon(true);
            starter.start();
            return f;
        });
    }

    public static List<Named> all() {
        List<Named> list = new ArrayList<>();
        list.add(new Named("postgres/embedded", TargetSpec.of(DbFamily.POSTGRES), false));
        list.add(new Named("mariadb/embedded", TargetSpec.of(DbFamily.MARIADB), false));
        url(list, DbFamily.POSTGRES, "GOC_POSTGRES_URL");
        url(list, DbFamily.MARIADB, "GOC_MARIADB_URL");
        url(list, DbFamily.MYSQL, "GOC_MYSQL_URL");
        list.add(new Named("mysql/container",
                new TargetSpec(DbFamily.MYSQL, null, null, null, 0, Provision.CONTAINER), true));
        return list;
    }

    private static void url(List<Named> list, DbFamily family, String env) {
        String url = System.getenv(env);
        if (url != null && !url.isBlank()) {
            list.add(new Named(family.cliName() + "/url", TargetSpec.ofUrl(family, url.trim()), false));
        }
    }

    /**
     * The open target; aborts the calling test (SKIPPED, with the reason) when an optional target
     * is unavailable, fails it when a required one is.
     */
    public static Target open(Named t) {
        Object o;
        try {
            o = future(t).get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException(t.name() + " did not start within " + START_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting " + t.name(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(t.name() + " failed to start", e.getCause());
        }
        if (o instanceof RuntimeException e) {
            throw e;
        }
        if (o instanceof TargetUnavailableException e) {
            if (t.optional()) {
                Assumptions.abort(t.name() + " unavailable: " + e.getMessage());
            }
            throw new IllegalStateException(t.name() + " unavailable: " + e.getMessage(), e);
        }
        return (Target) o;
    }
}
