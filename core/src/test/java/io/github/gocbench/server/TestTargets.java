package io.github.gocbench.server;

import io.github.gocbench.dialect.DbFamily;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The real servers integration tests run against: embedded PostgreSQL and embedded MariaDB
 * always, plus any server named by {@code GOC_POSTGRES_URL}, {@code GOC_MARIADB_URL} or
 * {@code GOC_MYSQL_URL}. Targets are opened once per JVM and shared by all tests.
 */
public final class TestTargets {

    private static final Map<String, Target> OPEN = new ConcurrentHashMap<>();

    private TestTargets() {
    }

    /** Every target the tests should cover, embedded ones first. */
    public static List<TargetSpec> specs() {
        List<TargetSpec> specs = new ArrayList<>();
        specs.add(TargetSpec.of(DbFamily.POSTGRES));
        specs.add(TargetSpec.of(DbFamily.MARIADB));
        addUrl(specs, DbFamily.POSTGRES, "GOC_POSTGRES_URL");
        addUrl(specs, DbFamily.MARIADB, "GOC_MARIADB_URL");
        addUrl(specs, DbFamily.MYSQL, "GOC_MYSQL_URL");
        return specs;
    }

    private static void addUrl(List<TargetSpec> specs, DbFamily family, String env) {
        String url = System.getenv(env);
        if (url != null && !url.isBlank()) {
            specs.add(TargetSpec.ofUrl(family, url.trim()));
        }
    }

    /** A short display name for parameterized tests, e.g. {@code postgres/embedded}. */
    public static String name(TargetSpec spec) {
        return spec.family().cliName() + "/" + (spec.url() == null ? "embedded" : "url");
    }

    /** Opens (once per JVM) the target for {@code spec}. */
    public static Target open(TargetSpec spec) {
        return OPEN.computeIfAbsent(spec.family() + "|" + spec.url(), k -> {
            try {
                return Targets.open(spec);
            } catch (TargetUnavailableException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }
}
