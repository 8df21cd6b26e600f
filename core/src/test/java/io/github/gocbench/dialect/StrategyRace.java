package io.github.gocbench.dialect;

import io.github.gocbench.outcome.Outcome;
import io.github.gocbench.strategy.Conditions;
import io.github.gocbench.strategy.Got;
import io.github.gocbench.strategy.Isolation;
import io.github.gocbench.strategy.SideEffect;
import io.github.gocbench.strategy.Situation;
import io.github.gocbench.strategy.Strategy;
import io.github.gocbench.strategy.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small race routine for strategy tests: {@code threads} callers, each with its own connection
 * set up for a {@link Situation}, released together by a barrier on one fresh key per round.
 * In the outer-transaction situations each caller opens its transaction and reads the key
 * <em>before</em> the barrier (its snapshot, at REPEATABLE READ, predates every insert of the
 * round), calls the strategy, and commits (rolls back on failure). Counts outcomes, error codes,
 * and the invariants a round can break with the unique constraint in place.
 */
final class StrategyRace implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Keys are unique per JVM, so a table needs recreating only once per server (DDL is slow on MariaDB). */
    private static final AtomicLong KEYS = new AtomicLong();
    private static final Set<String> RESET = ConcurrentHashMap.newKeySet();

    private final DbUnderTest db;
    private final Table table;
    private final Strategy strategy;
    private final Situation situation;
    private final List<Connection> connections = new ArrayList<>();
    private final ExecutorService pool;
    private final String countSql;

    /** One caller's answer in one round. */
    record Call(Outcome outcome, long id, int retries, SQLException error) {
    }

    /** What a run of rounds saw. */
    static final class Tally {
        final Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
        /** SQLState (and vendor code when not 0) of each failure, e.g. {@code 40001/1213}. */
        final Map<String, Long> codes = new TreeMap<>();
        int rounds;
        int roundsWithAnomaly;
        /** Rounds in which more than one caller ran the side-effect hook (reached its INSERT). */
        int collidedRounds;
        int doubleCreates;
        int idMismatches;
        /** Rounds in which no caller answered CREATED although every caller answered. */
        int roundsWithoutCreate;
        /** Sum of {@link Got#retries()} over all good answers. */
        long retries;
        SQLException firstError;

        long count(Outcome o) {
            return outcomes.getOrDefault(o, 0L);
        }

        @Override
        public String toString() {
            return rounds + " rounds, anomalous " + roundsWithAnomaly + ", collided " + collidedRounds
                    + ", outcomes " + outcomes + ", codes " + codes + ", double creates " + doubleCreates
                    + ", id mismatches " + idMismatches + ", retries " + retries
                    + (firstError == null ? "" : ", first error: " + DialectIT.describe(firstError));
        }
    }

    StrategyRace(DbUnderTest db, Table table, String strategyId, Situation situation, int threads)
            throws SQLException {
        this.db = db;
        this.table = table;
        this.situation = situation;
        this.countSql = "SELECT count(*) FROM " + table.name() + " WHERE k = ?";
        if (RESET.add(db.name() + "|" + table.name())) {
            try (Connection c = db.connect()) {
                db.dialect().resetSchema(c, table);
            }
        }
        this.strategy = db.dialect().strategy(strategyId).orElseThrow().create(table);
        this.pool = Executors.newFixedThreadPool(threads);
        for (int i = 0; i < threads; i++) {
            Connection c = db.connect();
            connections.add(c);
            db.dialect().applySessionBounds(c, Duration.ofSeconds(10), Duration.ofSeconds(5));
            Isolation isolation = Conditions.of(situation).isolation();
            if (isolation != null) {
                c.setTransactionIsolation(isolation.jdbcLevel());
            }
        }
    }

    /** Runs {@code rounds} rounds, or fewer: stops after the first round in which {@code stopWhen} is seen. */
    Tally run(int rounds, Outcome stopWhen, Tally tally) throws Exception {
        for (int r = 0; r < rounds; r++) {
            List<Call> calls = round(tally);
            if (stopWhen != null && calls.stream().anyMatch(c -> c.outcome() == stopWhen)) {
                break;
            }
        }
        return tally;
    }

    private List<Call> round(Tally tally) throws Exception {
        long key = KEYS.incrementAndGet();
        CyclicBarrier start = new CyclicBarrier(connections.size());
        AtomicInteger hookCalls = new AtomicInteger();
        SideEffect hook = k -> hookCalls.incrementAndGet();
        List<Future<Call>> futures = new ArrayList<>();
        for (Connection c : connections) {
            futures.add(pool.submit(() -> call(c, key, start, hook)));
        }
        List<Call> calls = new ArrayList<>();
        for (Future<Call> f : futures) {
            calls.add(f.get(WAIT.toSeconds(), TimeUnit.SECONDS));
        }
        tally.rounds++;
        boolean anomaly = false;
        long created = 0;
        java.util.Set<Long> ids = new java.util.HashSet<>();
        for (Call c : calls) {
            tally.outcomes.merge(c.outcome(), 1L, Long::sum);
            anomaly |= c.outcome().isAnomaly();
            if (c.error() != null) {
                String code = c.error().getSQLState() + (c.error().getErrorCode() != 0 ? "/" + c.error().getErrorCode() : "");
                tally.codes.merge(code, 1L, Long::sum);
                if (tally.firstError == null && c.outcome().isAnomaly()) {
                    tally.firstError = c.error();
                }
            } else {
                ids.add(c.id());
                tally.retries += c.retries();
            }
            if (c.outcome() == Outcome.CREATED) {
                created++;
            }
        }
        tally.roundsWithAnomaly += anomaly ? 1 : 0;
        tally.collidedRounds += hookCalls.get() > 1 ? 1 : 0;
        tally.doubleCreates += created > 1 ? 1 : 0;
        tally.idMismatches += ids.size() > 1 ? 1 : 0;
        tally.roundsWithoutCreate += created == 0 && !anomaly ? 1 : 0;
        return calls;
    }

    private Call call(Connection c, long key, CyclicBarrier start, SideEffect hook) throws Exception {
        boolean outer = Conditions.of(situation).outerTx();
        if (outer) {
            c.setAutoCommit(false);
            // the caller's transaction reads the key first, as the engine's outer transaction does
            try (PreparedStatement ps = c.prepareStatement(countSql)) {
                ps.setLong(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                }
            }
        }
        start.await(WAIT.toSeconds(), TimeUnit.SECONDS);
        try {
            Got got = strategy.getOrCreate(c, key, hook);
            if (outer) {
                c.commit();
            }
            return new Call(got.created() ? Outcome.CREATED : Outcome.FOUND, got.id(), got.retries(), null);
        } catch (SQLException e) {
            if (outer) {
                try {
                    c.rollback();
                } catch (SQLException r) {
                    e.addSuppressed(r);
                }
            }
            return new Call(db.dialect().classify(e), -1, 0, e);
        } finally {
            if (outer) {
                c.setAutoCommit(true);
            }
        }
    }

    @Override
    public void close() throws SQLException {
        pool.shutdownNow();
        for (Connection c : connections) {
            c.close();
        }
    }

    @Override
    public String toString() {
        return strategy.id() + " on " + db + " " + situation + " (" + table.name() + ")";
    }
}
