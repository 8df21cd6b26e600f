package io.github.gocbench.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gocbench.dialect.DbFamily;
import io.github.gocbench.engine.Bounds;
import io.github.gocbench.engine.Engine;
import io.github.gocbench.engine.KeySpec;
import io.github.gocbench.engine.RunConfig;
import io.github.gocbench.engine.Workload;
import io.github.gocbench.outcome.Outcome;
import io.github.gocbench.results.RunResult;
import io.github.gocbench.server.Target;
import io.github.gocbench.server.TargetSpec;
import io.github.gocbench.server.Targets;
import io.github.gocbench.strategy.Conditions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * URL targets whose sessions are ended under a run: PostgreSQL's {@code pg_terminate_backend}
 * and MariaDB's {@code KILL} on every session of the harness (PostgreSQL: those with this test's
 * {@code ApplicationName}; MariaDB: those of a user created for the test), once a second of
 * calls has run. The server itself stays up, so the harness reconnects and the run finishes:
 * the killed calls count as CONNECTION_LOST (an anomaly, so the verdict is UNSAFE), every call is
 * accounted for, and the run ends within its bounds. Needs GOC_POSTGRES_URL / GOC_MARIADB_URL.
 */
class SessionKillIT {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"postgres, race", "postgres, steady", "mariadb, race", "mariadb, steady"})
    void killedSessionsCountAsConnectionLost(String db, String workload) throws Exception {
        boolean pg = db.equals("postgres");
        String admin = System.getenv(pg ? "GOC_POSTGRES_URL" : "GOC_MARIADB_URL");
        Assumptions.assumeTrue(admin != null, (pg ? "GOC_POSTGRES_URL" : "GOC_MARIADB_URL")
                + " is not set: no local server whose sessions can be killed");
        String base = admin.contains("?") ? admin.substring(0, admin.indexOf('?')) : admin;
        String marker = "goc_kill_" + (System.nanoTime() % 1_000_000);
        if (!pg) {
            try (Connection c = DriverManager.getConnection(admin); Statement s = c.createStatement()) {
                s.execute("DROP USER IF EXISTS " + marker + "@'%'");
                s.execute("CREATE USER " + marker + "@'%'");
                s.execute("GRANT ALL ON `" + c.getCatalog() + "`.* TO " + marker + "@'%'");
            }
        }
        String url = pg ? admin + (admin.contains("?") ? "&" : "?") + "ApplicationName=" + marker
                : base + "?user=" + marker;
        try (Target target = Targets.open(new TargetSpec(pg ? DbFamily.POSTGRES : DbFamily.MARIADB, url, null, null,
                0, io.github.gocbench.server.Provision.URL))) {
            Workload w = workload.equals("race") ? new Workload.Race(4, 100_000)
                    : new Workload.Steady(4, Duration.ofSeconds(4), Duration.ZERO, KeySpec.parse("hotset:100"));
            // the race is cut by a 4 s deadline (100000 rounds planned); the 4 s steady run has room to finish
            Bounds bounds = new Bounds(Duration.ofSeconds(workload.equals("race") ? 4 : 30), Duration.ofSeconds(5),
                    Duration.ofSeconds(2), Duration.ofSeconds(8));
            AtomicInteger killed = new AtomicInteger();
            AtomicReference<Throwable> killerFailed = new AtomicReference<>();
            Thread killer = new Thread(() -> {
                try {
                    Thread.sleep(1000);
                    killed.set(killAll(pg, admin, marker));
                } catch (Throwable e) {
                    killerFailed.set(e);
                }
            }, "session-killer");
            killer.start();
            long t0 = System.nanoTime();
            RunResult r = Engine.run(target, new RunConfig(pg ? "transactional" : "transactional", w,
                    Conditions.DEFAULT, bounds), null);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            killer.join(30_000);
            assertThat(killerFailed.get()).isNull();
            System.out.printf("%s %s: killed %d sessions; %d ms, complete=%s (%s), calls %d, CONNECTION_LOST %d%n",
                    db, workload, killed.get(), ms, r.complete(), r.note(), r.totals().calls(),
                    r.outcomes().get(Outcome.CONNECTION_LOST));

            assertThat(killed.get()).as("sessions killed (4 workers + checker)").isGreaterThanOrEqualTo(4);
            assertThat(ms).as("run length within deadline + grace")
                    .isLessThan(bounds.deadline().plus(bounds.callTimeout()).toMillis() + 15_000);
            assertThat(r.outcomes().get(Outcome.CONNECTION_LOST)).isPositive();
            long sum = r.outcomes().values().stream().mapToLong(Long::longValue).sum();
            assertThat(r.totals().calls()).isEqualTo(sum);
            assertThat(r.verdict().name()).isEqualTo("UNSAFE");
            if (workload.equals("steady")) {
                assertThat(r.complete()).as("steady run reconnects and finishes (%s)", r.note()).isTrue();
            } else {
                // a race is cut at its 4 s deadline (100000 rounds planned): incomplete for that reason only
                assertThat(r.note()).doesNotContain("target lost");
            }
        } finally {
            if (!pg) {
                try (Connection c = DriverManager.getConnection(admin); Statement s = c.createStatement()) {
                    s.execute("DROP USER IF EXISTS " + marker + "@'%'");
                }
            }
        }
    }

    /** Ends every session carrying {@code marker}; how many. */
    private static int killAll(boolean pg, String admin, String marker) throws SQLException {
        try (Connection c = DriverManager.getConnection(admin); Statement s = c.createStatement()) {
            if (pg) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))"
                        + " FROM pg_stat_activity WHERE application_name = '" + marker + "'")) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT ID FROM information_schema.PROCESSLIST WHERE USER = '"
                    + marker + "'")) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            int n = 0;
            for (long id : ids) {
                try {
                    s.execute("KILL " + id);
                    n++;
                } catch (SQLException gone) {
                    // ended meanwhile
                }
            }
            return n;
        }
    }
}
