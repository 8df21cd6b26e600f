package io.github.gocbench.cli;

import io.github.gocbench.dialect.DbFamily;
import io.github.gocbench.dialect.Dialect;
import io.github.gocbench.engine.Bounds;
import io.github.gocbench.engine.Workload;
import io.github.gocbench.outcome.Failure;
import io.github.gocbench.outcome.Outcome;
import io.github.gocbench.server.Target;
import io.github.gocbench.server.TargetSpec;
import io.github.gocbench.server.TargetUnavailableException;
import io.github.gocbench.server.Targets;
import io.github.gocbench.strategy.Got;
import io.github.gocbench.strategy.Isolation;
import io.github.gocbench.strategy.NotFoundAfterConflictException;
import io.github.gocbench.strategy.SideEffect;
import io.github.gocbench.strategy.Strategy;
import io.github.gocbench.strategy.StrategyDef;
import io.github.gocbench.strategy.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code goc replay}: the seed blog's {@code python manage.py sync_myapp 1 1 1 1 1}. One thread
 * per ID, all released together by a barrier; each gets-or-creates its ID, prints the blog's line
 * {@code <row id> <True|False>}, then deletes the row it got (the blog's {@code instance.delete()}).
 * Uses the strategy and dialect directly, without the engine, so what is printed is exactly what
 * each caller saw.
 */
@Command(name = "replay",
        header = "Replay the seed blog's 'sync_myapp 1 1 1 1 1': one thread per id.", mixinStandardHelpOptions = true, sortOptions = false,
        defaultValueProvider = BoundsOptions.Defaults.class,
        description = {
                "Replay the seed blog post's 'python manage.py sync_myapp 1 1 1 1 1': one",
                "thread per ID, all released at the same instant. Each gets-or-creates its ID,",
                "prints '<row id> <created>' as the blog's Python did ('1 True', '1 False'),",
                "then deletes the row it got, like the blog's instance.delete(). A thread",
                "whose call failed prints its outcome and the database's message instead:",
                "  thread 3 (my_id=1): DUPLICATE_KEY - ERROR: duplicate key value ... [23505]",
                "Lines appear in the order the threads finish; the race is real, so replays",
                "differ. --side-effect also prints how often something_special() ran per ID.",
                ""},
        footerHeading = "%nExamples:%n",
        footer = {
                "  goc replay --db postgres --strategy naive 1 1 1 1 1",
                "      the blog's problem",
                "  goc replay --db postgres --strategy transactional 1 1 1 1 1",
                "      the blog's fix",
                "  goc replay --db mariadb --strategy naive --side-effect 1 1 1 1 1 2 2 2",
                "",
                "Exit codes: 0 done; 1 some thread failed, with --fail-on-anomaly; 2 bad input;",
                "            3 database unavailable."})
final class ReplayCommand implements java.util.concurrent.Callable<Integer> {

    private static final Table UNIQUE = new Table("goc_replay", true);
    private static final Table NO_UNIQUE = new Table("goc_replay_nu", false);

    @ParentCommand
    private Goc goc;

    @Spec
    private CommandSpec spec;

    @Option(names = "--db", required = true, paramLabel = "D", description = "postgres, mariadb or mysql.")
    String db;

    @Option(names = "--strategy", required = true, paramLabel = "S",
            description = "Strategy id, e.g. naive, transactional, upsert ('goc strategies' lists them).")
    String strategy;

    @Option(names = "--fail-on-anomaly", description = "Exit with code 1 when any thread failed.")
    boolean failOnAnomaly;

    @Parameters(arity = "1..*", paramLabel = "ID", description = "Keys to get-or-create, one thread each (1.."
            + Workload.MAX_THREADS + ").")
    List<String> ids;

    @Mixin
    ConditionOptions conditions;

    @Mixin
    TargetOptions target;

    @Mixin
    BoundsOptions bounds;

    @Override
    public Integer call() throws Exception {
        DbFamily family = InputChecks.db(db);
        StrategyDef def = StrategyCatalog.resolve(family, strategy);
        List<Long> keys = new ArrayList<>();
        for (String id : ids) {
            keys.add(InputChecks.key(id));
        }
        if (keys.size() > Workload.MAX_THREADS) {
            throw new BadInputException(keys.size() + " IDs is too many: give at most " + Workload.MAX_THREADS
                    + " (one thread each)");
        }
        Isolation isolation = conditions.isolation();
        Bounds runBounds = bounds.bounds();
        TargetSpec targetSpec = target.spec(family);

        Terminal term = Terminal.of(spec.commandLine(), goc.quiet());
        if (targetSpec.url() == null) {
            term.note(Sweep.startingNote(targetSpec));
        }
        try (Target t = Targets.open(targetSpec)) {
            Replay replay = new Replay(t, def, conditions.noUnique ? NO_UNIQUE : UNIQUE, isolation,
                    conditions.outerTx, conditions.sideEffect, runBounds, term);
            int failed = replay.run(keys);
            return failOnAnomaly && failed > 0 ? ExitCodes.ANOMALY : ExitCodes.OK;
        }
    }

    /** One replay: set-up, the threads, the report. */
    private static final class Replay {
        private final Target target;
        private final Dialect dialect;
        private final Strategy strategy;
        private final Table table;
        private final Isolation isolation;
        private final boolean outerTx;
        private final boolean countSideEffect;
        private final Bounds bounds;
        private final Terminal term;
        private final Map<Long, LongAdder> sideEffects = new ConcurrentHashMap<>();
        private final Map<Long, LongAdder> created = new ConcurrentHashMap<>();
        private final AtomicInteger failures = new AtomicInteger();

        Replay(Target target, StrategyDef def, Table table, Isolation isolation, boolean outerTx,
               boolean sideEffect, Bounds bounds, Terminal term) {
            this.target = target;
            this.dialect = target.dialect();
            this.strategy = def.create(table);
            this.table = table;
            this.isolation = isolation;
            this.outerTx = outerTx;
            this.countSideEffect = sideEffect;
            this.bounds = bounds;
            this.term = term;
        }

        /** Runs one thread per key; returns how many threads failed. */
        int run(List<Long> keys) throws TargetUnavailableException, InterruptedException {
            // The admin session holds the claim on the table (see Dialect#tryClaimTable) until the
            // replay is done, so a second replay on the same server cannot reset it underneath.
            Connection admin = claimAndReset();
            try {
                return race(keys);
            } finally {
                closeQuietly(admin);
            }
        }

        private static void closeQuietly(Connection c) {
            if (c != null) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // the session is going away either way; nothing to report
                }
            }
        }

        private Connection claimAndReset() throws TargetUnavailableException {
            Connection admin = null;
            try {
                admin = target.connect();
                if (!dialect.tryClaimTable(admin, table)) {
                    String holder = dialect.tableClaimHolder(admin, table);
                    closeQuietly(admin);
                    throw new TargetUnavailableException("table " + table.name() + " is in use by another goc replay on "
                            + "this server (" + holder + "): wait for it to finish");
                }
                dialect.resetSchema(admin, table);
                return admin;
            } catch (SQLException e) {
                closeQuietly(admin);
                throw new TargetUnavailableException("could not create table " + table.name() + " on "
                        + target.info().family().cliName() + ": " + Failure.of(Outcome.OTHER, e).message(), e);
            }
        }

        private int race(List<Long> keys) throws TargetUnavailableException, InterruptedException {
            // Open every connection before the barrier, so the threads race on get-or-create only.
            List<Connection> connections = new ArrayList<>();
            try {
                for (int i = 0; i < keys.size(); i++) {
                    connections.add(session());
                }
                CyclicBarrier barrier = new CyclicBarrier(keys.size());
                List<Thread> threads = new ArrayList<>();
                for (int i = 0; i < keys.size(); i++) {
                    int n = i + 1;
                    long key = keys.get(i);
                    Connection c = connections.get(i);
                    Thread th = new Thread(() -> call(n, key, c, barrier), "my_id=" + key);
                    th.setDaemon(true);
                    threads.add(th);
                }
                threads.forEach(Thread::start);
                long deadline = System.nanoTime() + bounds.callTimeout().toNanos() * 2;
                for (int i = 0; i < threads.size(); i++) {
                    Thread th = threads.get(i);
                    th.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                    if (th.isAlive()) {
                        abort(connections.get(i));
                        th.join(TimeUnit.SECONDS.toMillis(5));
                        if (th.isAlive()) {
                            print("thread " + (i + 1) + " (my_id=" + keys.get(i) + "): TIMEOUT - did not finish within "
                                    + Durations.format(bounds.callTimeout().multipliedBy(2)));
                            failures.incrementAndGet();
                        }
                    }
                }
            } catch (SQLException e) {
                throw new TargetUnavailableException("could not open " + keys.size() + " connections to "
                        + target.info().family().cliName() + ": " + Failure.of(Outcome.OTHER, e).message(), e);
            } finally {
                connections.forEach(ReplayCommand.Replay::closeQuietly);
            }
            report(keys);
            return failures.get();
        }

        private Connection session() throws SQLException {
            Connection c = target.connect();
            dialect.applySessionBounds(c, bounds.statementTimeout(), bounds.lockTimeout());
            if (isolation != null) {
                c.setTransactionIsolation(isolation.jdbcLevel());
            }
            return c;
        }

        private void call(int n, long key, Connection c, CyclicBarrier barrier) {
            String who = "thread " + n + " (my_id=" + key + ")";
            try {
                barrier.await(bounds.callTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                print(who + ": not started - the threads were not released together (" + e.getClass().getSimpleName()
                        + ")");
                failures.incrementAndGet();
                return;
            }
            Got got;
            try {
                if (outerTx) {
                    c.setAutoCommit(false);
                    readKey(c, key);
                }
                got = strategy.getOrCreate(c, key, countSideEffect ? this::sideEffect : SideEffect.NONE);
            } catch (SQLException e) {
                Failure f = Failure.of(e instanceof NotFoundAfterConflictException
                        ? Outcome.NOT_FOUND_AFTER_CONFLICT : dialect.classify(e), e);
                print(who + ": " + describe(f));
                failures.incrementAndGet();
                rollback(c);
                return;
            } catch (RuntimeException e) {
                print(who + ": OTHER - " + e);
                failures.incrementAndGet();
                rollback(c);
                return;
            }
            if (got.created()) {
                created.computeIfAbsent(key, k -> new LongAdder()).increment();
            }
            print(got.id() + " " + (got.created() ? "True" : "False"));
            try (PreparedStatement del = c.prepareStatement("DELETE FROM " + table.name() + " WHERE id = ?")) {
                del.setLong(1, got.id());
                del.executeUpdate();
                if (outerTx) {
                    c.commit();
                }
            } catch (SQLException e) {
                print(who + ": delete of row " + got.id() + " failed: "
                        + describe(Failure.of(dialect.classify(e), e)));
                failures.incrementAndGet();
                rollback(c);
            }
        }

        /** The outer transaction's first read of the key, as an application request would do. */
        private void readKey(Connection c, long key) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM " + table.name() + " WHERE k = ?")) {
                ps.setLong(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rs.getLong(1);
                    }
                }
            }
        }

        private void sideEffect(long key) {
            sideEffects.computeIfAbsent(key, k -> new LongAdder()).increment();
        }

        private void report(List<Long> keys) {
            if (countSideEffect) {
                Map<Long, Integer> perKey = new LinkedHashMap<>();
                keys.forEach(k -> perKey.merge(k, 1, Integer::sum));
                for (long k : perKey.keySet()) {
                    long ran = sideEffects.getOrDefault(k, new LongAdder()).sum();
                    long rows = created.getOrDefault(k, new LongAdder()).sum();
                    print("something_special() ran " + ran + (ran == 1 ? " time" : " times") + " for my_id=" + k
                            + " (" + rows + (rows == 1 ? " row" : " rows") + " created)");
                }
            }
            int failed = failures.get();
            term.note(keys.size() + " threads, " + (failed == 0 ? "none failed" : failed + " failed"));
        }

        private static String describe(Failure f) {
            StringBuilder sb = new StringBuilder(f.outcome().name()).append(" - ").append(Errors.oneLine(f.message()));
            if (f.sqlState() != null) {
                sb.append(" [").append(f.sqlState());
                if (f.vendorCode() != 0) {
                    sb.append('/').append(f.vendorCode());
                }
                sb.append(']');
            }
            return sb.toString();
        }

        private void print(String line) {
            synchronized (term.out()) {
                term.out().println(line);
                term.out().flush();
            }
        }

        private static void rollback(Connection c) {
            try {
                if (!c.getAutoCommit()) {
                    c.rollback();
                }
            } catch (SQLException ignored) {
                // the connection is failing already; its failure was reported
            }
        }

        private static void abort(Connection c) {
            try {
                c.abort(Runnable::run);
            } catch (SQLException ignored) {
                // aborting a hung connection: the thread's own failure is what gets reported
            }
        }
    }
}
