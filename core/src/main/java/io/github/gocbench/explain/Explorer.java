package io.github.gocbench.explain;

import io.github.gocbench.dialect.Dialect;
import io.github.gocbench.framework.Frameworks;
import io.github.gocbench.outcome.Outcome;
import io.github.gocbench.server.Sessions;
import io.github.gocbench.server.Target;
import io.github.gocbench.strategy.Strategy;
import io.github.gocbench.strategy.StrategyDef;
import io.github.gocbench.strategy.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Explores the schedules of a strategy's callers depth first, by replaying prefixes: each
 * schedule starts from a fresh key, follows the decisions of its prefix and then the default
 * (the caller that ran last goes on), and the next schedule changes the deepest decision that
 * has an untried option. Two callers: every schedule. Three: schedules with at most
 * {@link ExplainConfig#preemptions()} preemptions (a caller losing its turn while it could go on;
 * CHESS). Bounded by {@link ExplainConfig#maxSchedules()} and {@link ExplainConfig#deadline()}.
 */
public final class Explorer {

    private static final Logger LOG = LoggerFactory.getLogger(Explorer.class);
    /** Keys start far above any id, so a key and an id never show alike. */
    private static final long FIRST_KEY = 1_000_000_001L;
    private static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(10);

    private Explorer() {
    }

    /**
     * Explores {@code config} on {@code target}, in its own table {@code goc_explain}
     * ({@code goc_explain_nu} without the unique constraint), dropped and created first.
     *
     * @param progress told one line now and then
     * @throws IllegalArgumentException for an unknown strategy
     * @throws SQLException             when the server fails outside a schedule
     */
    public static Explanation explore(Target target, ExplainConfig config, Consumer<String> progress)
            throws SQLException, InterruptedException {
        Dialect dialect = target.dialect();
        StrategyDef def = Frameworks.resolve(dialect, config.strategy()).orElseThrow(() -> new IllegalArgumentException(
                "unknown strategy '" + config.strategy() + "' for " + dialect.id() + "; valid: "
                        + dialect.strategies().stream().map(StrategyDef::id).collect(Collectors.joining(", "))));
        Table table = new Table(config.unique() ? "goc_explain" : "goc_explain_nu", config.unique());
        Strategy strategy = def.create(table);
        List<Connection> connections = new ArrayList<>();
        try (Connection checker = target.connect()) {
            checker.setAutoCommit(true);
            if (!dialect.tryClaimTable(checker, table)) {
                throw new SQLException("table " + table.name() + " is in use by another goc explain on this server ("
                        + dialect.tableClaimHolder(checker, table) + "): let it finish");
            }
            dialect.resetSchema(checker, table);
            strategy.prepare(checker);
            ServerWaits waits = ServerWaits.of(dialect.id(), checker);
            List<Long> sessions = new ArrayList<>();
            for (int c = 0; c < config.callers(); c++) {
                Connection conn = open(target, config);
                connections.add(conn);
                sessions.add(dialect.sessionId(conn));
            }
            Execution.Setup setup = new Execution.Setup(strategy, dialect, config.outerTx(),
                    "SELECT id FROM " + table.name() + " WHERE k = ?", connections, sessions, waits,
                    config.scheduleTimeout().toNanos());
            try {
                return dfs(target, config, setup, checker, table, progress == null ? s -> { } : progress);
            } finally {
                dialect.releaseTableClaim(checker, table);
            }
        } finally {
            for (Connection c : connections) {
                Sessions.closeQuietly(c);
            }
        }
    }

    private static Explanation dfs(Target target, ExplainConfig config, Execution.Setup setup, Connection checker,
                                   Table table, Consumer<String> progress) throws SQLException, InterruptedException {
        int bound = config.bounded() ? config.preemptions() : Integer.MAX_VALUE;
        long stopAt = System.nanoTime() + config.deadline().toNanos();
        Map<String, Acc> results = new LinkedHashMap<>();
        List<Integer> prefix = List.of();
        long key = FIRST_KEY;
        int schedules = 0;
        long pruned = 0;
        String stopped = null;
        long lastProgress = System.nanoTime();
        while (prefix != null) {
            if (schedules >= config.maxSchedules()) {
                stopped = "stopped at --max-schedules " + config.maxSchedules() + ": more schedules remain unexplored";
                break;
            }
            if (System.nanoTime() - stopAt > 0) {
                stopped = "stopped at the deadline (" + config.deadline().toSeconds() + " s) after " + schedules
                        + " schedules: more remain unexplored";
                break;
            }
            Execution.Trace trace = Execution.run(setup, key, prefix);
            schedules++;
            if (trace.problem() != null) {
                stopped = "stopped at schedule " + schedules + " (" + letters(trace.decisions()) + "): "
                        + trace.problem();
                break;
            }
            long rows = rowsOf(checker, table, key);
            record(results, trace, rows, config.callers());
            key++;
            revive(target, config, setup);
            if (System.nanoTime() - lastProgress > 5_000_000_000L) {
                progress.accept(schedules + " schedules explored, " + results.size() + " distinct results so far");
                lastProgress = System.nanoTime();
            }
            // backtrack: the deepest decision with an untried option within the preemption bound
            List<Execution.Decision> ds = trace.decisions();
            List<Integer> next = null;
            int[] preemptionsBefore = new int[ds.size() + 1];
            for (int i = 0; i < ds.size(); i++) {
                Execution.Decision d = ds.get(i);
                preemptionsBefore[i + 1] = preemptionsBefore[i] + (d.preempts(d.chosen()) ? 1 : 0);
            }
            for (int i = ds.size() - 1; i >= 0 && next == null; i--) {
                Execution.Decision d = ds.get(i);
                for (int j = d.options().indexOf(d.chosen()) + 1; j < d.options().size(); j++) {
                    int o = d.options().get(j);
                    if (preemptionsBefore[i] + (d.preempts(o) ? 1 : 0) > bound) {
                        pruned++;
                        continue;
                    }
                    next = new ArrayList<>();
                    for (int k = 0; k < i; k++) {
                        next.add(ds.get(k).chosen());
                    }
                    next.add(o);
                    break;
                }
            }
            prefix = next;
        }
        LOG.debug("explored {} schedules, {} pruned by the preemption bound", schedules, pruned);
        List<Explanation.Result> list = new ArrayList<>();
        for (Map.Entry<String, Acc> e : results.entrySet()) {
            Acc a = e.getValue();
            list.add(a.result(e.getKey(), config.callers()));
        }
        list.sort(Comparator.comparing((Explanation.Result r) -> !r.anomalous())
                .thenComparing(Comparator.comparingInt(Explanation.Result::schedules).reversed())
                .thenComparing(Explanation.Result::summary));
        return new Explanation(target.info() == null ? target.dialect().id() : dbName(target), config.strategy(),
                config.conditions(), config.callers(), config.bounded() ? config.preemptions() : -1, schedules,
                stopped == null, stopped, pruned, list);
    }

    private static String dbName(Target target) {
        return target.info().family() == null ? target.dialect().id() : target.info().family().cliName();
    }

    /** The distinct result a schedule ended in, and its shortest schedule so far. */
    private static final class Acc {
        int count;
        Execution.Trace shortest;
        long rows;
        boolean anomalous;

        Explanation.Result result(String summary, int callers) {
            Map<Long, String> ids = Swimlane.numbering();
            Swimlane lane = Swimlane.of(shortest.steps(), shortest.grants(), callers, ids);
            List<String> answers = new ArrayList<>();
            for (Execution.Answer a : shortest.answers()) {
                answers.add(answer(a, ids));
            }
            return new Explanation.Result(summary, anomalous, count, rows, letters(shortest.decisions()), lane,
                    answers);
        }
    }

    private static void record(Map<String, Acc> results, Execution.Trace trace, long rows, int callers) {
        List<Outcome> outcomes = new ArrayList<>();
        long created = 0;
        boolean anomalous = rows != 1;
        java.util.Set<Long> ids = new java.util.HashSet<>();
        for (Execution.Answer a : trace.answers()) {
            Outcome o = a == null ? Outcome.OTHER : a.outcome();
            outcomes.add(o);
            anomalous |= o.isAnomaly();
            created += o == Outcome.CREATED ? 1 : 0;
            if (a != null && a.id() != null) {
                ids.add(a.id());
            }
        }
        outcomes.sort(Comparator.naturalOrder());
        StringBuilder summary = new StringBuilder(outcomes.stream().map(Outcome::name)
                .collect(Collectors.joining(" + ")));
        summary.append("; rows for the key: ").append(rows);
        if (created > 1) {
            summary.append("; double create");
            anomalous = true;
        }
        if (ids.size() > 1) {
            summary.append("; callers got different ids");
            anomalous = true;
        }
        Acc acc = results.computeIfAbsent(summary.toString(), s -> new Acc());
        acc.count++;
        acc.rows = rows;
        acc.anomalous = anomalous;
        if (acc.shortest == null || trace.decisions().size() < acc.shortest.decisions().size()) {
            acc.shortest = trace;
        }
    }

    private static String answer(Execution.Answer a, Map<Long, String> ids) {
        if (a == null) {
            return "(no answer)";
        }
        String s = a.outcome().name();
        if (a.id() != null) {
            s += " " + Swimlane.number("#" + a.id(), ids);
        }
        if (a.detail() != null) {
            s += " (" + a.detail() + ")";
        }
        return s;
    }

    static String letters(List<Execution.Decision> ds) {
        return ds.stream().map(d -> Schedules.name(d.chosen())).collect(Collectors.joining(" "));
    }

    private static long rowsOf(Connection checker, Table table, long key) throws SQLException {
        try (PreparedStatement ps = checker.prepareStatement("SELECT count(*) FROM " + table.name()
                + " WHERE k = ?")) {
            ps.setLong(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Replaces a caller connection the last schedule left unusable, and puts each back in autocommit. */
    private static void revive(Target target, ExplainConfig config, Execution.Setup setup) throws SQLException {
        for (int c = 0; c < setup.connections().size(); c++) {
            Connection conn = setup.connections().get(c);
            boolean ok;
            try {
                ok = !conn.isClosed() && conn.isValid(5);
                if (ok && !conn.getAutoCommit()) {
                    conn.rollback();
                    conn.setAutoCommit(true);
                }
            } catch (SQLException e) {
                ok = false;
            }
            if (!ok) {
                Sessions.closeQuietly(conn);
                Connection fresh = open(target, config);
                setup.connections().set(c, fresh);
                setup.sessions().set(c, setup.dialect().sessionId(fresh));
            }
        }
    }

    private static Connection open(Target target, ExplainConfig config) throws SQLException {
        return Sessions.open(target, STATEMENT_TIMEOUT, LOCK_TIMEOUT, config.isolation());
    }
}
