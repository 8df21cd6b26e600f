package io.github.gocbench.junit;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * Race-tests a get-or-create: for each round, a fresh key and {@code threads} threads released
 * together behind a barrier, all calling your code on that key. Every caller must answer, none
 * may throw, and all must answer the same id; the first round that breaks this fails with an
 * {@link AssertionError} naming the round, the key and what each thread got (ids, exceptions
 * with SQLState and vendor code). Every wait is bounded: a round that does not finish within its
 * timeout fails too (its connections are aborted).
 *
 * <pre>{@code
 * RaceAssertions.assertRaceFree(dataSource, dao::getOrCreate, 8, 100);
 * }</pre>
 *
 * <p>With a {@link DataSource}, each thread takes one connection before the first round and
 * keeps it (replacing it after a call that threw), so connecting is never part of the race. Keys
 * are strings unique to the call, {@code race-<random>-<round>}; pass your own key function for
 * other key types. Nothing is retried: one bad round fails the assertion.
 *
 * <p>How many rounds: a race that shows up in a fraction {@code p} of rounds is missed by
 * {@code n} rounds with probability {@code (1 - p)^n}. The naive SELECT-then-INSERT shows up in
 * most rounds with 8 threads (see stress-tests/README.md for measured rates); rarer races need
 * more rounds.
 */
public final class RaceAssertions {

    /** Default bound on one round (all threads' calls). */
    public static final Duration DEFAULT_ROUND_TIMEOUT = Duration.ofSeconds(30);

    private static final AtomicInteger POOLS = new AtomicInteger();

    private RaceAssertions() {
    }

    /**
     * Races {@code getOrCreate} on connections from {@code dataSource}: {@code rounds} rounds of
     * {@code threads} threads on a fresh string key each.
     *
     * @throws AssertionError at the first round where callers disagree on the id, any caller
     *                        throws or returns null, or the round exceeds 30 s
     */
    public static <R> void assertRaceFree(DataSource dataSource, ConnectionCall<String, R> getOrCreate, int threads,
                                          int rounds) {
        assertRaceFree(dataSource, getOrCreate, defaultKeys(), threads, rounds, DEFAULT_ROUND_TIMEOUT);
    }

    /**
     * Races {@code getOrCreate}, which manages its own connections: {@code rounds} rounds of
     * {@code threads} threads on a fresh string key each.
     *
     * @throws AssertionError as {@link #assertRaceFree(DataSource, ConnectionCall, int, int)}
     */
    public static <R> void assertRaceFree(KeyCall<String, R> getOrCreate, int threads, int rounds) {
        assertRaceFree(getOrCreate, defaultKeys(), threads, rounds, DEFAULT_ROUND_TIMEOUT);
    }

    /**
     * The full form with connections: {@code keys} maps the round (1-based) to a key that must
     * not exist yet; {@code roundTimeout} bounds each round.
     */
    public static <K, R> void assertRaceFree(DataSource dataSource, ConnectionCall<K, R> getOrCreate,
                                             LongFunction<K> keys, int threads, int rounds, Duration roundTimeout) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(getOrCreate, "getOrCreate");
        run(dataSource, getOrCreate, keys, threads, rounds, roundTimeout);
    }

    /** The full form without connections; see {@link #assertRaceFree(DataSource, ConnectionCall, LongFunction, int, int, Duration)}. */
    public static <K, R> void assertRaceFree(KeyCall<K, R> getOrCreate, LongFunction<K> keys, int threads, int rounds,
                                             Duration roundTimeout) {
        Objects.requireNonNull(getOrCreate, "getOrCreate");
        run(null, (c, k) -> getOrCreate.getOrCreate(k), keys, threads, rounds, roundTimeout);
    }

    private static LongFunction<String> defaultKeys() {
        String run = Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
        return round -> "race-" + run + "-" + round;
    }

    /** What one thread got in one round: an id or an exception. */
    private record Answer(Object id, Throwable error) {
    }

    private static <K, R> void run(DataSource dataSource, ConnectionCall<K, R> call, LongFunction<K> keys,
                                   int threads, int rounds, Duration roundTimeout) {
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(roundTimeout, "roundTimeout");
        if (threads < 2) {
            throw new IllegalArgumentException("a race needs at least 2 threads, got " + threads);
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1, got " + rounds);
        }
        int pool = POOLS.incrementAndGet();
        AtomicInteger n = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "race-" + pool + "-" + n.getAndIncrement());
            t.setDaemon(true);
            return t;
        });
        Connection[] connections = new Connection[threads];
        try {
            for (int round = 1; round <= rounds; round++) {
                K key = keys.apply(round);
                CyclicBarrier gate = new CyclicBarrier(threads);
                long timeoutNanos = roundTimeout.toNanos();
                long deadline = System.nanoTime() + timeoutNanos;
                List<Future<Answer>> futures = new ArrayList<>(threads);
                for (int i = 0; i < threads; i++) {
                    int slot = i;
                    futures.add(executor.submit(() -> attempt(dataSource, connections, slot, gate, timeoutNanos,
                            call, key)));
                }
                List<Answer> answers = new ArrayList<>(threads);
                for (int i = 0; i < threads; i++) {
                    try {
                        answers.add(futures.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
                    } catch (TimeoutException e) {
                        abortAll(connections, executor);
                        throw new AssertionError(header(round, rounds, key, threads) + "\n  thread " + i
                                + " did not answer within " + roundTimeout.toMillis()
                                + " ms (a lock wait or a hung call); its connection was aborted");
                    } catch (ExecutionException e) {
                        answers.add(new Answer(null, e.getCause()));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new AssertionError("interrupted in round " + round, e);
                    }
                }
                judge(answers, round, rounds, key, threads);
            }
        } finally {
            executor.shutdownNow();
            for (Connection c : connections) {
                closeQuietly(c);
            }
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One thread's part of a round; connections[slot] is only touched by this slot's task. */
    private static <K, R> Answer attempt(DataSource dataSource, Connection[] connections, int slot, CyclicBarrier gate,
                                         long timeoutNanos, ConnectionCall<K, R> call, K key) {
        Throwable openFailed = null;
        if (dataSource != null && connections[slot] == null) {
            try {
                connections[slot] = dataSource.getConnection();
            } catch (SQLException | RuntimeException e) {
                openFailed = e;
            }
        }
        try {
            gate.await(timeoutNanos, TimeUnit.NANOSECONDS); // release every thread at the same instant
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(null, e);
        } catch (BrokenBarrierException | TimeoutException e) {
            return new Answer(null, new IllegalStateException("the start barrier broke (another thread failed)", e));
        }
        if (openFailed != null) {
            return new Answer(null, openFailed);
        }
        try {
            R id = call.getOrCreate(connections[slot], key);
            return new Answer(id, id == null ? new NullPointerException("getOrCreate returned null") : null);
        } catch (Throwable t) {
            closeQuietly(connections[slot]); // its state is unknown: the next round gets a fresh one
            connections[slot] = null;
            return new Answer(null, t);
        }
    }

    private static void judge(List<Answer> answers, int round, int rounds, Object key, int threads) {
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
        if (failed.isEmpty() && byId.size() == 1) {
            return;
        }
        StringBuilder m = new StringBuilder(header(round, rounds, key, threads));
        if (byId.size() > 1) {
            m.append("\n  callers disagree on the id:");
        } else if (byId.size() == 1) {
            m.append("\n  the callers that answered agree on the id:");
        }
        byId.forEach((id, who) -> m.append(' ').append(id).append(" (thread").append(who.size() > 1 ? "s " : " ")
                .append(join(who)).append(')'));
        for (int i : failed) {
            m.append("\n  thread ").append(i).append(" threw ").append(describe(answers.get(i).error()));
        }
        AssertionError error = new AssertionError(m.toString());
        for (int i : failed) {
            error.addSuppressed(answers.get(i).error());
        }
        throw error;
    }

    private static String header(int round, int rounds, Object key, int threads) {
        return "get-or-create is not race-free: round " + round + " of " + rounds + ", key \"" + key + "\", "
                + threads + " threads released together";
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
        for (Connection c : connections) {
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
