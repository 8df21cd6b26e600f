package io.github.gocbench.cli;

import io.github.gocbench.engine.Bounds;
import io.github.gocbench.engine.RunConfig;
import io.github.gocbench.engine.Workload;
import io.github.gocbench.report.VerdictGrid;
import io.github.gocbench.results.RunResult;
import io.github.gocbench.strategy.Conditions;
import io.github.gocbench.strategy.Isolation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code goc matrix} runs per strategy: one race per column, a column being an isolation
 * level × autocommit/outer transaction × plain/churn. Columns are ordered by isolation, then
 * autocommit before outer-tx, then plain before churn, and labelled compactly ({@code RC},
 * {@code RC+tx}, {@code RC churn}, {@code RC+tx churn}, ...).
 */
final class MatrixPlan {

    /** Threads per race: enough callers to collide, few enough for a 2-core machine. */
    static final int THREADS = 8;

    /**
     * Per cell: a server-side statement timeout of 2 s and lock timeout of 1 s (a lock wait is
     * reported as an anomaly, not waited out), a 30 s deadline (a cell cut short is marked "*"),
     * and the watchdog at twice the statement timeout plus slack.
     */
    static final Bounds BOUNDS = new Bounds(Duration.ofSeconds(30), Duration.ofSeconds(2), Duration.ofSeconds(1),
            Duration.ofSeconds(5));

    private MatrixPlan() {
    }

    /** One column of the grid: the conditions of its race. */
    record Column(Isolation isolation, boolean outerTx, boolean churn) {

        /** "RC", "RR+tx", "SER churn", "RC+tx churn". */
        String label() {
            return abbreviation(isolation) + (outerTx ? "+tx" : "") + (churn ? " churn" : "");
        }

        /** The run's conditions: unique constraint on, no side effect, churn 1 (every caller deletes) or 0. */
        Conditions conditions() {
            return new Conditions(isolation, outerTx, true, false, churn ? 1.0 : 0.0);
        }

        /** The race of {@code strategy} in this column. */
        RunConfig config(String strategy, int rounds) {
            return new RunConfig(strategy, new Workload.Race(THREADS, rounds), conditions(), BOUNDS);
        }

        /** Whether {@code c} (a result's configuration) ran in this column. */
        boolean matches(RunResult.ConfigInfo c) {
            if (c == null) {
                return false;
            }
            Conditions k = c.conditions();
            return isolation == k.isolation() && outerTx == k.outerTx() && churn == (k.churn() > 0);
        }
    }

    /** All twelve columns, in grid order. */
    static List<Column> allColumns() {
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
     */
    static List<Column> columns(String spec) {
        if (spec.trim().equalsIgnoreCase("all")) {
            return allColumns();
        }
        List<String> wanted = new ArrayList<>();
        for (String s : spec.split(",")) {
            String w = s.trim().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
            if (allColumns().stream().noneMatch(c -> c.label().toUpperCase(Locale.ROOT).equals(w))) {
                throw new BadInputException("unknown matrix column '" + s.trim() + "': use labels such as RC,"
                        + " RC+tx, RR churn, SER+tx churn, or all");
            }
            wanted.add(w);
        }
        return allColumns().stream().filter(c -> wanted.contains(c.label().toUpperCase(Locale.ROOT))).toList();
    }

    /** RC, RR, SER. */
    static String abbreviation(Isolation i) {
        return switch (i) {
            case READ_COMMITTED -> "RC";
            case REPEATABLE_READ -> "RR";
            case SERIALIZABLE -> "SER";
        };
    }

    /** The lines under a grid that explain its column labels. */
    static List<String> legend() {
        return List.of(
                "RC / RR / SER: the session's isolation level, read committed / repeatable read / serializable.",
                "+tx: each call runs inside an already-open transaction that first reads the key (--outer-tx);"
                        + " without it, autocommit.",
                "churn: every caller deletes the row after use (--churn 1), so rows vanish while others look"
                        + " them up.",
                VerdictGrid.SAFE_MARK + " SAFE; otherwise the short names of the anomalies seen (dup = duplicate key,"
                        + " notfound = conflict but row not found, serial = serialization failure, deadlock,"
                        + " locktimeout, snapshot = snapshot conflict, timeout, other; invariants: duprows,"
                        + " doublecreate, idmismatch, sideeffect); * = cut short by the 30 s deadline; – = not run.");
    }
}
