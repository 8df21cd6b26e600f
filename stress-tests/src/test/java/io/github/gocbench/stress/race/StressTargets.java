package io.github.gocbench.stress.race;

import io.github.gocbench.target.DbFamily;
import io.github.gocbench.target.Provision;
import io.github.gocbench.target.Target;
import io.github.gocbench.target.TargetSpec;
import io.github.gocbench.target.TargetUnavailableException;
import io.github.gocbench.target.Targets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assumptions;

/**
 * The servers the race suites run against: embedded PostgreSQL and MariaDB always (they must
 * start), every server named by {@code GOC_POSTGRES_URL}, {@code GOC_MARIADB_URL},
 * {@code GOC_MYSQL_URL} (must be reachable: the user asked for it), and MySQL 8.4 through
 * Testcontainers, which is reported SKIPPED with the reason when no Docker engine is reachable.
 * Each target is opened once per JVM; a container that could not start is not retried.
 */
final class StressTargets {

    /** A target as tests name it, e.g. {@code postgres/embedded}. */
    record Named(String name, TargetSpec spec, boolean optional) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final Map<String, Object> OPEN = new ConcurrentHashMap<>();

    private StressTargets() {
    }

    static List<Named> all() {
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
    static Target open(Named t) {
        Object o = OPEN.computeIfAbsent(t.name(), k -> {
            try {
                return Targets.open(t.spec());
            } catch (TargetUnavailableException e) {
                return e;
            }
        });
        if (o instanceof TargetUnavailableException e) {
            if (t.optional()) {
                Assumptions.abort(t.name() + " unavailable: " + e.getMessage());
            }
            throw new IllegalStateException(t.name() + " unavailable: " + e.getMessage(), e);
        }
        return (Target) o;
    }
}
