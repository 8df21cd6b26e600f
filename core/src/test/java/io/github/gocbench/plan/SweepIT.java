package io.github.gocbench.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gocbench.dialect.DbFamily;
import io.github.gocbench.engine.ProgressListener;
import io.github.gocbench.results.RunResult;
import io.github.gocbench.server.Dialects;
import io.github.gocbench.server.Provision;
import io.github.gocbench.server.SnapshotIsolationTarget;
import io.github.gocbench.server.TargetInfo;
import io.github.gocbench.server.TargetSpec;
import io.github.gocbench.server.TargetUnavailableException;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/**
 * The sweep on real servers, as {@code goc matrix} drives it: an unavailable server is skipped and
 * told to the listener, and embedded MariaDB (11.4, which has {@code innodb_snapshot_isolation})
 * gets its planned races settled once open: every race with the setting OFF, then ON, each
 * recorded in its result, and one {@code serverFinished} with all of them.
 */
class SweepIT {

    /** Writes down what the sweep tells. */
    private static final class Recorder implements SweepListener {
        final List<String> events = new ArrayList<>();
        final List<String> labels = new ArrayList<>();
        final List<List<RunResult>> finished = new ArrayList<>();

        @Override
        public void serverUnavailable(TargetSpec spec, TargetUnavailableException e) {
            events.add("unavailable " + spec.family().cliName());
        }

        @Override
        public ProgressListener runStarting(String label, long estimateMs, LongSupplier laterMs) {
            labels.add(label);
            events.add("run");
            return ProgressListener.NONE;
        }

        @Override
        public void runFinished(Sweep.Step step, RunResult result) {
            events.add("finished " + step.variant().title());
        }

        @Override
        public void serverFinished(TargetSpec spec, TargetInfo info, Instant started, long wallMs,
                                   List<RunResult> results) throws IOException {
            events.add("server " + spec.family().cliName());
            finished.add(results);
        }
    }

    @Test
    void skipsAnUnavailableServerAndRacesMariaDbWithSnapshotIsolationOffThenOn() throws Exception {
        TargetSpec down = new TargetSpec(DbFamily.POSTGRES, "jdbc:postgresql://127.0.0.1:1/test?user=postgres", null,
                null, 0, Provision.URL);
        TargetSpec maria = TargetSpec.of(DbFamily.MARIADB);
        List<MatrixPlan.Server> servers = List.of(
                new MatrixPlan.Server(down, List.of(Dialects.of(DbFamily.POSTGRES).strategy("naive").orElseThrow())),
                new MatrixPlan.Server(maria, List.of(Dialects.of(DbFamily.MARIADB).strategy("naive").orElseThrow())));
        List<MatrixPlan.Column> columns = MatrixPlan.columns("RC");
        Recorder rec = new Recorder();

        List<RunResult> results = new Sweep(MatrixPlan.steps(servers, columns, 5),
                MatrixPlan.replan(servers, columns, 5)).run(rec, true);

        assertThat(rec.events).containsExactly("unavailable postgres",
                "run", "finished innodb_snapshot_isolation=OFF", "run", "finished innodb_snapshot_isolation=ON",
                "server mariadb");
        assertThat(results).hasSize(2);
        assertThat(rec.finished).containsExactly(results);
        assertThat(results).extracting(r -> r.target().settings().get(SnapshotIsolationTarget.SETTING))
                .containsExactly("OFF", "ON");
        assertThat(results).allSatisfy(r -> {
            assertThat(r.config().strategy()).isEqualTo("naive");
            assertThat(r.race().rounds()).isEqualTo(5);
        });
        String server = MatrixPlan.serverName(results.get(0).target());
        // the planned steps were 1 (postgres) + 2; once mariadb opened, its 2 are named by the server
        assertThat(rec.labels).containsExactly("[2/3] " + server + " innodb_snapshot_isolation=OFF naive RC",
                "[3/3] " + server + " innodb_snapshot_isolation=ON naive RC");
    }
}
