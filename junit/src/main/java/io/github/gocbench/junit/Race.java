package io.github.gocbench.junit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongFunction;
import javax.sql.DataSource;

/**
 * A race of your get-or-create, configured step by step and then asserted:
 *
 * <pre>{@code
 * Race.of(dataSource, dao::getOrCreate)                           // (Connection, String key) -> id
 *     .threads(8).rounds(100)
 *     .rowsPerKey("SELECT count(*) FROM tag WHERE name = ?")      // the table must hold one row per key
 *     .insideTransaction(Connection.TRANSACTION_REPEATABLE_READ)  // optional: as a web request would call it
 *     .assertRaceFree();
 * }</pre>
 *
 * <p>Each round takes a fresh key and releases {@code threads} threads together behind a barrier,
 * each on its own connection, all calling your code on that key. The round is good when every
 * caller answered (none threw, none returned null, none hung past the round timeout), all answers
 * are equal ({@code equals}), and, with {@link #rowsPerKey}, the table holds exactly one row for
 * the key afterwards. The first bad round fails with an {@link AssertionError} naming the round,
 * the key, each thread's answer or exception (SQLState and vendor code), the phase it failed in
 * and the rows found. Nothing is retried.
 *
 * <p>Connections (with a {@link DataSource}) are taken before the first round, so connecting is
 * never part of the race; before every round each one is validated ({@link Connection#isValid})
 * and put back in autocommit, and a connection whose call threw is closed and replaced.
 *
 * <p>{@link #insideTransaction(int)} runs each call the way most applications do: the library
 * opens a transaction at that isolation level, reads the key first (with the row count query),
 * calls your code, and commits; the read happens after the threads are released, as in
 * {@code goc race --outer-tx}. This is where most get-or-creates that pass in autocommit break
 * (Django ticket 13906: the outer snapshot cannot see the row another caller just committed).
 *
 * <p>This is the library's own barrier round, kept small on purpose: goc-junit depends on nothing
 * of goc, so it cannot use the engine ({@code io.github.gocbench.engine}), which runs the CLI's
 * rounds. The two agree on what matters for a verdict: every thread holds its connection before
 * the barrier, the outer transaction reads the key after the release, nothing is retried, and
 * every wait is bounded. The engine classifies outcomes by the dialect's SQLState table and checks
 * double creates; this library only sees answers, exceptions and your row count.
 *
 * <p>What a race cannot see: a race that needs a schedule the threads did not hit in these rounds
 * (a passing race means <em>not seen</em>, not <em>impossible</em>; see the detection rates in
 * the README to choose the rounds), side effects outside the table, and rows your count query does
 * not count.
 *
 * @param <K> the key type
 * @param <R> the answer type (an id), compared with {@code equals}
 */
public final class Race<K, R> {

    /** Default bound on one round (every thread's call, and the row count after it). */
    public static final Duration DEFAULT_ROUND_TIMEOUT = Duration.ofSeconds(30);

    private static final int VALIDATE_SECONDS = 5;
    private static final AtomicInteger POOLS = new AtomicInteger();

    /** Where a thread's call failed: taking its connection, the outer read, your call, or the commit. */
    enum Phase {
        CONNECT("taking its connection"), READ("the outer transaction's first read of the key"),
        CALL("the call"), COMMIT("the outer transaction's commit");

        final String words;

        Phase(String words) {
            this.words = words;
        }
    }

    /** What one thread got in one round: an answer, or an exception and where it was thrown. */
    private record Answer(Object id, Throwable error, Phase phase) {
    }

    private final DataSource dataSource;
    private final ConnectionCall<K, R> call;
    private final LongFunction<K> keys;
    private int threads = 8;
    private int rounds = 100;
    private Duration roundTimeout = DEFAULT_ROUND_TIMEOUT;
    private DataSource rowSource;
    private RowCount<K> rowCount;
    private Integer isolation;

    private Race(DataSource dataSource, ConnectionCall<K, R> call, LongFunction<K> keys) {
        this.dataSource = dataSource;
        this.call = Objects.requireNonNull(call, "getOrCreate");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.rowSource = dataSource;
    }

    /** Races {@code getOrCreate} on connections from {@code dataSource}, with fresh string keys. */
    public static <R> Race<String, R> of(DataSource dataSource, ConnectionCall<String, R> getOrCreate) {
        return of(dataSource, getOrCreate, freshStrings());
    }

    /** As {@link #of(DataSource, ConnectionCall)}; {@code keys} maps the round (1-based) to a key no row has yet. */
    public static <K, R> Race<K, R> of(DataSource dataSource, ConnectionCall<K, R> getOrCreate, LongFunction<K> keys) {
        return new Race<>(Objects.requireNonNull(dataSource, "dataSource"), getOrCreate, keys);
    }

    /** Races {@code getOrCreate}, which takes its own connections (a service, a repository), with fresh string keys. */
    public static <R> Race<String, R> of(KeyCall<String, R> getOrCreate) {
        return of(getOrCreate, freshStrings());
    }

    /** As {@link #of(KeyCall)}; {@code keys} maps the round (1-based) to a key no row has yet. */
    public static <K, R> Race<K, R> of(KeyCall<K, R> getOrCreate, LongFunction<K> keys) {
        Objects.requireNonNull(getOrCreate, "getOrCreate");
        return new Race<>(null, (c, k) -> getOrCreate.getOrCreate(k), keys);
    }

    /** Keys {@code race-<random>-<round>}: unique to this race. */
    static LongFunction<String> freshStrings() {
        String run = Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
        return round -> "race-" + run + "-" + round;
    }

    /** Threads released together each round, at least 2 (default 8). */
    public Race<K, R> threads(int threads) {
        if (threads < 2) {
            throw new IllegalArgumentException("a race needs at least 2 threads, got " + threads);
        }
        this.threads = threads;
        return this;
    }

    /** Rounds, each on a fresh key, at least 1 (default 100). */
    public Race<K, R> rounds(int rounds) {
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1, got " + rounds);
        }
        this.rounds = rounds;
        return this;
    }

    /** Bound on one round (default 30 s); a call still running then fails the race and its connection is aborted. */
    public Race<K, R> roundTimeout(Duration roundTimeout) {
        if (roundTimeout == null || roundTimeout.isZero() || roundTimeout.isNegative()) {
            throw new IllegalArgumentException("roundTimeout must be positive, got " + roundTimeout);
        }
        this.roundTimeout = roundTimeout;
        return this;
    }

    /**
     * Checks the table after each round: {@code countSql} (one {@code ?}, bound to the key with
     * {@code setObject}) must count exactly one row. Also checks before each round that the key has
     * no row yet, so a key function that repeats keys cannot make a race pass trivially.
     */
    public Race<K, R> rowsPerKey(String countSql) {
        Objects.requireNonNull(countSql, "countSql");
        return rowsPerKey((connection, key) -> countRows(connection, countSql, key));
    }

    /** As {@link #rowsPerKey(String)}, counting with your own code. */
    public Race<K, R> rowsPerKey(RowCount<K> count) {
        if (rowSource == null) {
            throw new IllegalStateException("rowsPerKey needs a DataSource to count on: use rowsPerKey(dataSource, ...)"
                    + " for a race of a KeyCall");
        }
        this.rowCount = Objects.requireNonNull(count, "count");
        return this;
    }

    /** As {@link #rowsPerKey(String)}, counting on connections from {@code dataSource} (for a race of a {@link KeyCall}). */
    public Race<K, R> rowsPerKey(DataSource dataSource, String countSql) {
        this.rowSource = Objects.requireNonNull(dataSource, "dataSource");
        return rowsPerKey(countSql);
    }

    /**
     * Runs each call inside a transaction the library opens at {@code isolation} (a
     * {@code Connection.TRANSACTION_*} level): first it reads the key with the row count query of
     * {@link #rowsPerKey}, then calls your code, then commits, as a web request that looked the key
     * up earlier would. Needs a {@link DataSource} race and a row count.
     */
    public Race<K, R> insideTransaction(int isolation) {
        if (dataSource == null) {
            throw new IllegalStateException("insideTransaction needs the race's connections: use Race.of(dataSource, ...)");
        }
        isolationName(isolation); // validates
        this.isolation = isolation;
        return this;
    }

    /**
     * Runs the race and fails at the first bad round.
     *
     * @throws AssertionError naming the round, the key, each thread's answer or exception and the rows found
     */
    public void assertRaceFree() {
        run(true);
    }

    /**
     * Runs every round without stopping at a bad one, and counts the bad ones: for measuring how
     * often a race shows. A round that hangs past the round timeout still ends the race with an
     * {@link AssertionError} (its threads cannot be trusted to come back).
     */
    public RaceResult measure() {
        return run(false);
    }

    private RaceResult run(boolean stopAtFirst) {
        if (isolation != null && rowCount == null) {
            throw new IllegalStateException("insideTransaction reads the key first with the row count query:"
                    + " give rowsPerKey(...) too");
        }
        int pool = POOLS.incrementAndGet();
        AtomicInteger n = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "race-" + pool + "-" + n.getAndIncrement());
            t.setDaemon(true);
            return t;
        });
        Connection[] connections = new Connection[threads];
        Connection[] checker = new Connection[1];
        int failed = 0;
        String first = null;
        try {
            for (int round = 1; round <= rounds; round++) {
                K key = keys.apply(round);
                if (rowCount != null) {
                    long before = count(checker, key, round);
                    if (before != 0) {
                        throw new IllegalStateException("key \"" + key + "\" of round " + round + " already has " + before
                                + " row(s): the key function must give keys no row has yet");
                    }
                }
                List<Answer> answers = round(executor, connections, key, round);
                Long rows = rowCount == null ? null : count(checker, key, round);
                String failure = judge(answers, rows, round, key);
                if (failure != null) {
                    failed++;
                    if (first == null) {
                        first = failure;
                    }
                    if (stopAtFirst) {
                        AssertionError error = new AssertionError(failure);
                        answers.stream().filter(a -> a.error() != null).forEach(a -> error.addSuppressed(a.error()));
                        throw error;
                    }
                }
            }
            return new RaceResult(rounds, failed, Optional.ofNullable(first));
        } finally {
            executor.shutdownNow();
            for (Connection c : connections) {
                closeQuietly(c);
            }
            closeQuietly(checker[0]);
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One round: every thread released together on {@code key}; every wait bounded by the round timeout. */
    private List<Answer> round(ExecutorService executor, Connection[] connections, K key, int round) {
        CyclicBarrier gate = new CyclicBarrier(threads);
        long timeoutNanos = roundTimeout.toNanos();
        long deadline = System.nanoTime() + timeoutNanos;
        List<Future<Answer>> futures = new ArrayList<>(threads);
        for (int i = 0; i < threads; i++) {
            int slot = i;
            futures.add(executor.submit(() -> attempt(connections, slot, gate, timeoutNanos, key)));
        }
        List<Answer> answers = new ArrayList<>(threads);
        for (int i = 0; i < threads; i++) {
            try {
                answers.add(futures.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (TimeoutException e) {
                abortAll(connections, executor);
                throw new AssertionError(header(round, key) + "\n  thread " + i + " did not answer within "
                        + roundTimeout.toMillis() + " ms (a lock wait or a hung call); its connection was aborted");
            } catch (ExecutionException e) {
                answers.add(new Answer(null, e.getCause(), Phase.CALL));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted in round " + round, e);
            }
        }
        return answers;
    }

    /** One thread's part of a round; connections[slot] is only touched by this slot's task. */
    private Answer attempt(Connection[] connections, int slot, CyclicBarrier gate, long timeoutNanos, K key) {
        Throwable openFailed = null;
        if (dataSource != null) {
            try {
                connections[slot] = ready(connections[slot], dataSource);
            } catch (SQLException | RuntimeException e) {
                connections[slot] = null;
                openFailed = e;
            }
        }
        try {
            gate.await(timeoutNanos, TimeUnit.NANOSECONDS); // release every thread at the same instant
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(null, e, Phase.CALL);
        } catch (BrokenBarrierException | TimeoutException e) {
            return new Answer(null, new IllegalStateException("the start barrier broke (another thread failed)", e),
                    Phase.CALL);
        }
        if (openFailed != null) {
            return new Answer(null, openFailed, Phase.CONNECT);
        }
        Connection c = connections[slot];
        Phase phase = Phase.CALL;
        try {
            if (isolation != null) {
                c.setTransactionIsolation(isolation);
                c.setAutoCommit(false);
                phase = Phase.READ;
                rowCount.rows(c, key);
                phase = Phase.CALL;
            }
            R id = call.getOrCreate(c, key);
            if (isolation != null) {
                phase = Phase.COMMIT;
                c.commit();
                c.setAutoCommit(true);
            }
            return new Answer(id, id == null ? new NullPointerException("getOrCreate returned null") : null, Phase.CALL);
        } catch (Throwable t) {
            closeQuietly(c); // its state is unknown: the next round gets a fresh one (closing rolls back)
            connections[slot] = null;
            return new Answer(null, t, phase);
        }
    }

    /** {@code c} validated and in autocommit, or a new connection in its place. */
    private static Connection ready(Connection c, DataSource source) throws SQLException {
        if (c != null) {
            try {
                if (!c.isClosed() && c.isValid(VALIDATE_SECONDS)) {
                    if (!c.getAutoCommit()) {
                        c.rollback(); // a call that left a transaction open must not carry it into the next round
                        c.setAutoCommit(true);
                    }
                    return c;
                }
            } catch (SQLException e) {
                // broken: replace it below
            }
            closeQuietly(c);
        }
        Connection fresh = source.getConnection();
        if (!fresh.getAutoCommit()) {
            fresh.setAutoCommit(true);
        }
        return fresh;
    }

    private long count(Connection[] checker, K key, int round) {
        try {
            checker[0] = ready(checker[0], rowSource);
            return rowCount.rows(checker[0], key);
        } catch (Exception e) {
            closeQuietly(checker[0]);
            checker[0] = null;
            throw new AssertionError("round " + round + ", key \"" + key + "\": the row count failed: " + describe(e), e);
        }
    }

    private static long countRows(Connection connection, String sql, Object key) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setObject(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("the row count query returned no row: " + sql);
                }
                return rs.getLong(1);
            }
        }
    }

    /** The failure message of a bad round, or null for a good one. */
    private String judge(List<Answer> answers, Long rows, int round, Object key) {
        Map<Object, List<Integer>> byId = new LinkedHashMap<>();
        List<Integer> failed = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            Answer a = answers.get(i);
            if (a.error() != null) {
                failed.add(i);
            } else {
                byId.computeIfAbsent(a.id(), id -> new ArrayList<>()).add(i);
            }
        }
        boolean rowsOk = rows == null || rows == 1;
        if (failed.isEmpty() && byId.size() == 1 && rowsOk) {
            return null;
        }
        StringBuilder m = new StringBuilder(header(round, key));
        if (byId.size() > 1) {
            m.append("\n  callers disagree on the id:");
        } else if (byId.size() == 1) {
            m.append(failed.isEmpty() ? "\n  all callers answered the same id:"
                    : "\n  the callers that answered agree on the id:");
        }
        byId.forEach((id, who) -> m.append(' ').append(id).append(" (thread").append(who.size() > 1 ? "s " : " ")
                .append(join(who)).append(')'));
        for (int i : failed) {
            Answer a = answers.get(i);
            m.append("\n  thread ").append(i).append(" threw ").append(describe(a.error()));
            if (a.phase() != Phase.CALL) {
                m.append(" (in ").append(a.phase().words).append(')');
            }
        }
        if (rows != null) {
            m.append("\n  the table holds ").append(rows).append(rows == 1 ? " row" : " rows").append(" for the key")
                    .append(rowsOk ? "" : " (expected exactly 1)");
        }
        return m.toString();
    }

    private String header(int round, Object key) {
        return "get-or-create is not race-free: round " + round + " of " + rounds + ", key \"" + key + "\", "
                + threads + " threads released together"
                + (isolation == null ? "" : ", each inside a " + isolationName(isolation) + " transaction");
    }

    private static String isolationName(int level) {
        return switch (level) {
            case Connection.TRANSACTION_READ_UNCOMMITTED -> "READ UNCOMMITTED";
            case Connection.TRANSACTION_READ_COMMITTED -> "READ COMMITTED";
            case Connection.TRANSACTION_REPEATABLE_READ -> "REPEATABLE READ";
            case Connection.TRANSACTION_SERIALIZABLE -> "SERIALIZABLE";
            default -> throw new IllegalArgumentException("not a Connection.TRANSACTION_* isolation level: " + level);
        };
    }

    private static String join(List<Integer> ints) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < ints.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(ints.get(i));
        }
        return b.toString();
    }

    /** The exception, with SQLState and vendor code of the first SQLException in its chain. */
    static String describe(Throwable t) {
        SQLException sql = null;
        for (Throwable c = t; c != null && sql == null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SQLException s) {
                sql = s;
            }
        }
        String msg = firstLine(t.getMessage());
        StringBuilder b = new StringBuilder(t.getClass().getName());
        if (sql != null) {
            b.append(" [SQLState ").append(sql.getSQLState()).append(", vendor code ").append(sql.getErrorCode())
                    .append(']');
            if (sql != t) {
                msg = msg + " / " + firstLine(sql.getMessage());
            }
        }
        return b.append(": ").append(msg).toString();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static void abortAll(Connection[] connections, ExecutorService executor) {
        for (int i = 0; i < connections.length; i++) {
            Connection c = connections[i];
            if (c != null) {
                try {
                    c.abort(Runnable::run);
                } catch (SQLException | RuntimeException e) {
                    // already broken: nothing more to do
                }
            }
        }
        executor.shutdownNow();
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException | RuntimeException e) {
                // a broken connection: nothing more to do
            }
        }
    }
}
