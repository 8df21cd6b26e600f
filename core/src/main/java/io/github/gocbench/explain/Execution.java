package io.github.gocbench.explain;

import io.github.gocbench.dialect.Dialect;
import io.github.gocbench.outcome.Messages;
import io.github.gocbench.outcome.Outcome;
import io.github.gocbench.strategy.Got;
import io.github.gocbench.strategy.NotFoundAfterConflictException;
import io.github.gocbench.strategy.SideEffect;
import io.github.gocbench.strategy.Strategy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one schedule: every caller on its own connection and thread, through {@link Controlled},
 * each step granted by the decisions of {@code prefix}, then (past it) by the default choice: the
 * caller that ran last while it can go on, else the first parked one. Returns what each decision
 * offered, so that the explorer can try the others.
 */
final class Execution {

    /**
     * One decision of a schedule.
     *
     * @param options   the parked callers, the default first
     * @param chosen    the caller granted
     * @param lastCanGo whether the caller granted before is among the options (then it is the default)
     */
    record Decision(List<Integer> options, int chosen, boolean lastCanGo) {

        /** Whether granting {@code caller} here takes the turn from a caller that could have gone on. */
        boolean preempts(int caller) {
            return lastCanGo && caller != options.get(0);
        }
    }

    /**
     * What one caller answered.
     *
     * @param outcome CREATED, FOUND or the failure's outcome
     * @param id      the row's id (raw), or null
     * @param detail  SQLState and vendor code of a failure, or null
     */
    record Answer(Outcome outcome, Long id, String detail) {
    }

    /**
     * One schedule's run.
     *
     * @param decisions what was chosen at each point
     * @param steps     the logged steps
     * @param grants    who was granted at each decision
     * @param answers   each caller's answer (null when it never answered)
     * @param problem   why the schedule was cut short, or null
     */
    record Trace(List<Decision> decisions, List<StepLog> steps, List<Integer> grants, List<Answer> answers,
                 String problem) {
    }

    /** What a run needs beyond the prefix. */
    record Setup(Strategy strategy, Dialect dialect, boolean outerTx, String outerRead, List<Connection> connections,
                 List<Long> sessions, ServerWaits waits, long scheduleTimeoutNanos) {
    }

    private Execution() {
    }

    static Trace run(Setup setup, long key, List<Integer> prefix) throws InterruptedException {
        int n = setup.connections().size();
        ScheduleRun run = new ScheduleRun(n, setup.sessions(), setup.waits(),
                System.nanoTime() + setup.scheduleTimeoutNanos());
        Controlled.Render render = new Controlled.Render(key);
        Answer[] answers = new Answer[n];
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            int caller = c;
            Connection proxy = Controlled.wrap(setup.connections().get(c), c, run, render,
                    e -> describe(setup.dialect(), e));
            Thread t = new Thread(() -> {
                try {
                    answers[caller] = call(setup, proxy, key);
                } finally {
                    run.done(caller);
                }
            }, "goc-explain-" + Schedules.name(c));
            t.setDaemon(true);
            threads.add(t);
        }
        threads.forEach(Thread::start);
        List<Decision> decisions = new ArrayList<>();
        String problem = null;
        int last = -1;
        try {
            while (true) {
                List<Integer> parked = run.next();
                if (parked.isEmpty()) {
                    break;
                }
                List<Integer> options = new ArrayList<>();
                boolean lastCanGo = parked.contains(last);
                if (lastCanGo) {
                    options.add(last);
                }
                for (int c : parked) {
                    if (c != last) {
                        options.add(c);
                    }
                }
                int i = decisions.size();
                int choice = i < prefix.size() ? prefix.get(i) : options.get(0);
                if (!options.contains(choice)) {
                    problem = "not deterministic: at step " + (i + 1) + " " + Schedules.name(choice)
                            + " was not waiting as in an earlier run of the same schedule";
                    break;
                }
                decisions.add(new Decision(options, choice, lastCanGo));
                run.grant(choice);
                last = choice;
            }
        } catch (ScheduleRun.StuckException e) {
            problem = e.getMessage();
        }
        if (problem != null) {
            run.abort();
            for (Connection c : setup.connections()) {
                cancelQuietly(c);
            }
        }
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(30));
        }
        List<Answer> list = new ArrayList<>();
        for (Answer a : answers) {
            list.add(a);
        }
        return new Trace(decisions, run.steps(), run.grants(), list, problem);
    }

    /** One caller's call, as the engine's worker runs it: outer transaction, strategy, commit; cleanup on failure. */
    private static Answer call(Setup setup, Connection c, long key) {
        try {
            if (setup.outerTx()) {
                c.setAutoCommit(false);
                try (PreparedStatement ps = c.prepareStatement(setup.outerRead())) {
                    ps.setLong(1, key);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            rs.getLong(1);
                        }
                    }
                }
            }
            Got got = setup.strategy().getOrCreate(c, key, SideEffect.NONE);
            if (setup.outerTx()) {
                c.commit();
                c.setAutoCommit(true);
            }
            return new Answer(got.created() ? Outcome.CREATED : Outcome.FOUND, got.id(), null);
        } catch (SQLException e) {
            Outcome o = e instanceof NotFoundAfterConflictException ? Outcome.NOT_FOUND_AFTER_CONFLICT
                    : setup.dialect().classify(e);
            String detail = e instanceof NotFoundAfterConflictException ? null : state(e);
            cleanUp(c);
            return new Answer(o == null ? Outcome.OTHER : o, null, detail);
        } catch (RuntimeException e) {
            cleanUp(c);
            return new Answer(Outcome.OTHER, null, Messages.firstLine(e.toString()));
        }
    }

    private static void cleanUp(Connection c) {
        try {
            if (!c.getAutoCommit()) {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException | RuntimeException e) {
            // the explorer checks the connection before the next schedule
        }
    }

    private static void cancelQuietly(Connection c) {
        try {
            c.abort(Runnable::run);
        } catch (SQLException | RuntimeException e) {
            // reopened before the next schedule
        }
    }

    /** {@code 23505} or {@code 23000/1062}: SQLState and, where the server has one, its vendor code. */
    static String state(SQLException e) {
        String s = e.getSQLState() == null ? "?" : e.getSQLState();
        int vendor = e.getErrorCode(); // copied verbatim, never mapped (0: the server gave none)
        return vendor != 0 ? s + "/" + vendor : s;
    }

    /** How a failed step shows: {@code ERROR 23505 DUPLICATE_KEY}. */
    static String describe(Dialect dialect, SQLException e) {
        if (e instanceof NotFoundAfterConflictException) {
            return "no row (not found after conflict)";
        }
        Outcome o = dialect.classify(e);
        return "ERROR " + state(e) + " " + (o == null ? Outcome.OTHER : o);
    }
}
