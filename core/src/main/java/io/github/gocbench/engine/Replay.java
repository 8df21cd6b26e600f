package io.github.gocbench.engine;

import io.github.gocbench.dialect.Dialect;
import io.github.gocbench.outcome.Failure;
import io.github.gocbench.outcome.Outcome;
import io.github.gocbench.server.Sessions;
import io.github.gocbench.server.Target;
import io.github.gocbench.server.TargetUnavailableException;
import io.github.gocbench.strategy.Conditions;
import io.github.gocbench.strategy.StrategyDef;
import io.github.gocbench.strategy.Table;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * {@code goc replay}'s race: the seed blog's {@code sync_myapp 1 1 1 1 1}. One worker per key
 * the user gave, one round, all released together by the engine's race ({@link RaceRun},
 * {@link Worker}), each getting-or-creating its own key and then deleting the row it got (the
 * blog's {@code instance.delete()}: churn 1). What each caller saw is reported line by line, as
 * it happens, to a listener; the command prints it.
 *
 * <p>The replay's table is its own ({@code goc_replay}), claimed on the server for the whole
 * replay; a second replay on the same server is refused at once instead of waiting.
 */
public final class Replay {

    /** What one replay caller saw; {@code thread} counts from 1, in the order the keys were given. */
    public sealed interface Line permits Answer, Failed, DeleteFailed, NotStarted {
        int thread();

        long key();
    }

    /** The strategy answered, and the row it got was deleted: the blog's {@code <id> <created>}. */
    public record Answer(int thread, long key, long id, boolean created) implements Line {
    }

    /** The call failed: no answer. */
    public record Failed(int thread, long key, Failure failure) implements Line {
    }

    /**
     * The strategy answered (an {@link Answer} for it came first), then deleting the row it got
     * (or committing the outer transaction) failed.
     */
    public record DeleteFailed(int thread, long key, long id, Failure failure) implements Line {
    }

    /** The caller never ran: the replay was cut short before the release ({@code why}). */
    public record NotStarted(int thread, long key, String why) implements Line {
    }

    /**
     * One key's figures: how often the side-effect hook ran for it, and how many callers got
     * CREATED for it.
     */
    public record KeyTally(long key, long sideEffects, long created) {
    }

    /** The whole replay: per distinct key in the order given, and how many callers failed. */
    public record Summary(List<KeyTally> keys, int failed) {
    }

    private Replay() {
    }

    /**
     * Replays {@code keys} (one caller each) with strategy {@code def} on {@code table}.
     *
     * @param conditions isolation, outer transaction and side-effect hook of every caller (the
     *                   table's unique constraint and the delete after each call are the replay's)
     * @param lines      sees each caller's line(s) as the caller ends, on the caller's thread
     * @throws TargetUnavailableException one line: the table is held by another replay, or could
     *                                    not be created, or the connections could not be opened
     */
    public static Summary run(Target target, StrategyDef def, Table table, Conditions conditions, Bounds bounds,
                              List<Long> keys, Consumer<Line> lines)
            throws TargetUnavailableException, InterruptedException {
        Objects.requireNonNull(lines, "lines");
        int n = keys.size();
        RunConfig config = new RunConfig(def.id(), new Workload.Race(n, 1),
                new Conditions(conditions.isolation(), conditions.outerTx(), table.unique(), conditions.sideEffect(),
                        1.0), bounds);
        Connection admin = claimAndReset(target, table);
        RunControl control = new RunControl(bounds.deadline().toNanos());
        List<Worker> workers = new ArrayList<>();
        try {
            var strategy = def.create(table);
            try {
                for (int i = 0; i < n; i++) {
                    Worker w = new Worker(i, target, strategy, table, config, control, i);
                    workers.add(w);
                    w.open();
                }
            } catch (SQLException e) {
                throw new TargetUnavailableException("could not open " + n + " connections to "
                        + target.info().family().cliName() + ": " + Failure.of(Outcome.OTHER, e).message(), e);
            }
            long[] keyOf = keys.stream().mapToLong(Long::longValue).toArray();
            long[] sideEffects = new long[n];
            boolean[] created = new boolean[n];
            boolean[] ran = new boolean[n];
            boolean[] failed = new boolean[n];
            RaceRun.Keys perWorker = new RaceRun.Keys() {
                @Override
                public long key(int round, int worker) {
                    return keyOf[worker];
                }

                @Override
                public boolean shared() {
                    return false;
                }
            };
            RaceRun race = new RaceRun(workers, 1, perWorker, (i, round, c) -> {
                // each worker writes only its own slots; the joins in runWorkers publish them
                ran[i] = true;
                sideEffects[i] = c.invocations;
                created[i] = c.answered && c.created;
                int thread = i + 1;
                if (c.answered) {
                    lines.accept(new Answer(thread, c.key, c.id, c.created));
                }
                Failure f = c.failure != null ? c.failure : c.noiseFailure;
                if (f != null) {
                    failed[i] = true;
                    lines.accept(c.answered ? new DeleteFailed(thread, c.key, c.id, f) : new Failed(thread, c.key, f));
                }
            }, config, control, admin, table);
            Engine.runWorkers(workers, race, null, control, bounds, ProgressListener.NONE);
            int failures = 0;
            Map<Long, long[]> perKey = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                if (!ran[i]) {
                    String why = control.note() == null ? "the replay ended first" : control.note();
                    lines.accept(new NotStarted(i + 1, keyOf[i], why));
                }
                failures += failed[i] || !ran[i] ? 1 : 0;
                long[] t = perKey.computeIfAbsent(keyOf[i], k -> new long[2]);
                t[0] += sideEffects[i];
                t[1] += created[i] ? 1 : 0;
            }
            List<KeyTally> tallies = new ArrayList<>();
            perKey.forEach((k, t) -> tallies.add(new KeyTally(k, t[0], t[1])));
            return new Summary(List.copyOf(tallies), failures);
        } finally {
            workers.forEach(Worker::close);
            control.close();
            Engine.releaseClaim(admin, target.dialect(), table);
            Sessions.closeQuietly(admin);
        }
    }

    /**
     * Claims the replay's table (see {@link Dialect#tryClaimTable}) and resets it; the returned
     * session holds the claim until it is closed.
     */
    private static Connection claimAndReset(Target target, Table table) throws TargetUnavailableException {
        Dialect dialect = target.dialect();
        Connection admin = null;
        try {
            admin = target.connect();
            if (!dialect.tryClaimTable(admin, table)) {
                String holder = dialect.tableClaimHolder(admin, table);
                Sessions.closeQuietly(admin);
                throw new TargetUnavailableException("table " + table.name() + " is in use by another goc replay on "
                        + "this server (" + holder + "): wait for it to finish");
            }
            dialect.resetSchema(admin, table);
            return admin;
        } catch (SQLException e) {
            Sessions.closeQuietly(admin);
            throw new TargetUnavailableException("could not create table " + table.name() + " on "
                    + target.info().family().cliName() + ": " + Failure.of(Outcome.OTHER, e).message(), e);
        }
    }
}
