package io.github.gocbench.plan;

import io.github.gocbench.dialect.DbFamily;
import io.github.gocbench.engine.Bounds;
import io.github.gocbench.engine.RunConfig;
import io.github.gocbench.engine.Workload;
import io.github.gocbench.report.VerdictGrid;
import io.github.gocbench.results.RunResult;
import io.github.gocbench.server.SnapshotIsolationTarget;
import io.github.gocbench.server.Target;
import io.github.gocbench.server.TargetInfo;
import io.github.gocbench.server.TargetSpec;
import io.github.gocbench.strategy.Conditions;
import io.github.gocbench.strategy.Isolation;
import io.github.gocbench.strategy.StrategyDef;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What {@code goc matrix} runs per strategy: one race per column, a column being an isolation
 * level × autocommit/outer transaction × plain/churn. Columns are ordered by isolation, then
 * autocommit before outer-tx, then plain before churn, and labelled compactly ({@code RC},
 * {@code RC+tx}, {@code RC churn}, {@code RC+tx churn}, ...). On a server that has
 * {@code innodb_snapshot_isolation} every race runs twice, with it OFF and ON ({@link #variants}).
 * The races run through {@link Sweep} like every other command's.
 */
public final class MatrixPlan {

    /** Threads per race: enough callers to collide, few enough for a 2-core machine. */
    public static final int THREADS = 8;

    /**
     * Per cell: a server-side statement timeout of 2 s and lock timeout of 1 s (a lock wait is
     * reported as an anomaly, not waited out), a 30 s deadline (a cell cut short is marked "*"),
     * and the watchdog at twice the statement timeout plus slack.
     */
    public static final Bounds BOUNDS = new Bounds(Duration.ofSeconds(30), Duration.ofSeconds(2), Duration.ofSeconds(1),
            Duration.ofSeconds(5));

    private MatrixPlan() {
    }

    /** One column of the grid: the conditions of its race. */
    public record Column(Isolation isolation, boolean outerTx, boolean churn) {

        /** "RC", "RR+tx", "SER churn", "RC+tx churn". */
        public String label() {
            return abbreviation(isolation) + (outerTx ? "+tx" : "") + (churn ? " churn" : "");
        }

        /** The run's conditions: unique constraint on, no side effect, churn 1 (every caller deletes) or 0. */
        public Conditions conditions() {
            return new Conditions(isolation, outerTx, true, false, churn ? 1.0 : 0.0);
        }

        /** The race of {@code strategy} in this column. */
        public RunConfig config(String strategy, int rounds) {
            return new RunConfig(strategy, new Workload.Race(THREADS, rounds), conditions(), BOUNDS);
        }

        /** Whether {@code c} (a result's configuration) ran in this column. */
        public boolean matches(RunResult.ConfigInfo c) {
            if (c == null) {
                return false;
            }
            Conditions k = c.conditions();
            return isolation == k.isolation() && outerTx == k.outerTx() && churn == (k.churn() > 0);
        }
    }

    /** All twelve columns, in grid order. */
    public static List<Column> allColumns() {
        List<Column> cols = new ArrayList<>();
        for (Isolation i : Isolation.values()) {
            for (boolean tx : new boolean[] {false, true}) {
                for (boolean churn : new boolean[] {false, true}) {
                    cols.add(new Column(i, tx, churn));
                }
            }
        }
        return cols;
    }

    /**
     * Columns named by a comma list of labels ({@code RC,RC+tx,SER churn}; case and spaces around
     * commas do not matter), in grid order; {@code all} for every column.
     *
     * @throws IllegalArgumentException naming the unknown label and what to use
     */
    public static List<Column> columns(String spec) {
        if (spec.trim().equalsIgnoreCase("all")) {
            return allColumns();
        }
        List<String> wanted = new ArrayList<>();
        for (String s : spec.split(",")) {
            String w = s.trim().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
            if (allColumns().stream().noneMatch(c -> c.label().toUpperCase(Locale.ROOT).equals(w))) {
                throw new IllegalArgumentException("unknown matrix column '" + s.trim() + "': use labels such as RC,"
                        + " RC+tx, RR churn, SER+tx churn, or all");
            }
            wanted.add(w);
        }
        return allColumns().stream().filter(c -> wanted.contains(c.label().toUpperCase(Locale.ROOT))).toList();
    }

    /** RC, RR, SER. */
    public static String abbreviation(Isolation i) {
        return switch (i) {
            case READ_COMMITTED -> "RC";
            case REPEATABLE_READ -> "RR";
            case SERIALIZABLE -> "SER";
        };
    }

    /** The lines under a grid that explain its column labels. */
    public static List<String> legend() {
        return List.of(
                "RC / RR / SER: the session's isolation level, read committed / repeatable read / serializable.",
                "+tx: each call runs inside an already-open transaction that first reads the key (--outer-tx);"
                        + " without it, autocommit.",
                "churn: every caller deletes the row after use (--churn 1), so rows vanish while others look"
                        + " them up.",
                VerdictGrid.SAFE_MARK + " <X SAFE: no anomaly in the cell's rounds, the per-round anomaly rate is below X"
                        + " at 95 % (not a proof); otherwise the short names of the anomalies seen (dup = duplicate key,"
                        + " notfound = conflict but row not found, serial = serialization failure, deadlock,"
                        + " locktimeout, snapshot = snapshot conflict, timeout, other; invariants: duprows,"
                        + " doublecreate, idmismatch, sideeffect) and the share of rounds that saw one; only the"
                        + " strategy's statements and the outer commit count (failures of goc's own churn DELETE are"
                        + " workload noise, in the JSON's failuresByPhase); ! = the strategy's declaration forbids"
                        + " what was seen (a new finding); ? 0/N = nothing seen in a race that did not finish;"
                        + " * = cut short by the 30 s deadline; – = not run.");
    }

    /** One server of the matrix and the strategies that race there (the grid's rows). */
    public record Server(TargetSpec target, List<StrategyDef> strategies) {
    }

    /**
     * The races as planned before any server is open: per server, strategy × column, twice on
     * MariaDB/MySQL (until the server is open it may have {@code innodb_snapshot_isolation}).
     * {@link #replan} settles each server's races when it opens.
     */
    public static List<Sweep.Step> steps(List<Server> servers, List<Column> columns, int rounds) {
        List<Sweep.Step> steps = new ArrayList<>();
        for (Server s : servers) {
            List<Sweep.Variant> assumed = s.target().family() == DbFamily.POSTGRES ? List.of(Sweep.Variant.PLAIN)
                    : List.of(snapshotIsolation(false), snapshotIsolation(true));
            steps.addAll(steps(s, assumed, columns, rounds, null));
        }
        return steps;
    }

    /** Settles a server's races once it is open: its {@link #variants} and its name in progress lines. */
    public static Sweep.Replan replan(List<Server> servers, List<Column> columns, int rounds) {
        return (target, planned, listener) -> {
            Server server = servers.stream().filter(s -> s.target().equals(planned.get(0).target())).findFirst()
                    .orElseThrow();
            return steps(server, variants(target, listener), columns, rounds, serverName(target.info()));
        };
    }

    private static List<Sweep.Step> steps(Server s, List<Sweep.Variant> variants, List<Column> columns, int rounds,
                                          String serverName) {
        List<Sweep.Step> steps = new ArrayList<>();
        for (Sweep.Variant v : variants) {
            for (StrategyDef def : s.strategies()) {
                for (Column col : columns) {
                    String label = serverName == null ? null : serverName
                            + (v.title().isEmpty() ? "" : " " + v.title()) + " " + def.id() + " " + col.label();
                    steps.add(new Sweep.Step(s.target(), col.config(def.id(), rounds), null, v, label));
                }
            }
        }
        return steps;
    }

    /**
     * The plain server, or on a server with {@code innodb_snapshot_isolation} the server with it
     * OFF, then ON (a session setting, so one server serves both).
     */
    public static List<Sweep.Variant> variants(Target t, SweepListener listener) {
        if (t.info().family() == DbFamily.POSTGRES) {
            return List.of(Sweep.Variant.PLAIN);
        }
        Optional<Boolean> global;
        try {
            global = SnapshotIsolationTarget.globalValue(t);
        } catch (SQLException e) {
            listener.note("could not read " + SnapshotIsolationTarget.SETTING + " ("
                    + e.getSQLState() + "/" + e.getErrorCode() + "): running with the server's default");
            return List.of(Sweep.Variant.PLAIN);
        }
        if (global.isEmpty()) {
            listener.note("the server has no " + SnapshotIsolationTarget.SETTING + ": one grid");
            return List.of(Sweep.Variant.PLAIN);
        }
        return List.of(snapshotIsolation(false), snapshotIsolation(true));
    }

    private static Sweep.Variant snapshotIsolation(boolean on) {
        return new Sweep.Variant(SnapshotIsolationTarget.SETTING + (on ? "=ON" : "=OFF"),
                t -> new SnapshotIsolationTarget(t, on));
    }

    /** "MariaDB 11.4.5 (embedded)". */
    public static String serverName(TargetInfo info) {
        return info.product() + " " + TargetInfo.shortVersion(info.version())
                + (info.provision() == null ? "" : " (" + info.provision().cliName() + ")");
    }
}
