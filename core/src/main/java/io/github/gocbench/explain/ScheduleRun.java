package io.github.gocbench.explain;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One schedule, run on the real server: the scheduler side of the {@link Gate}. Callers park
 * before each step; {@link #next} waits until every caller is parked, done, or blocked on the
 * server ({@link ServerWaits}), and {@link #grant} lets one parked caller run its step. Every wait
 * is bounded by the schedule's deadline; past it the schedule is aborted.
 */
final class ScheduleRun implements Gate {

    enum State { STARTING, PARKED, IN_FLIGHT, DONE }

    /** Polls of the server while a step neither parks nor is seen blocked. */
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(3);
    /**
     * How long a granted step may take before the server is first asked whether it waits for a
     * lock: most steps return well within it, so most steps cost no question to the server.
     */
    private static final long FIRST_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(25);

    private final Object lock = new Object();
    private final int callers;
    private final State[] state;
    private final String[] pending;
    private final boolean[] granted;
    private final StepLog[] current;
    private final int[] seq;
    private final List<StepLog> steps = new ArrayList<>();
    private final List<Long> sessions;
    private final ServerWaits waits;
    private final long deadline;
    private int decisions;
    /** The server was not asked yet since the last grant. */
    private boolean fresh = true;
    /** Who was granted at each decision (index 0: before the first). */
    private final List<Integer> grants = new ArrayList<>(List.of(-1));
    private boolean aborted;

    ScheduleRun(int callers, List<Long> sessions, ServerWaits waits, long deadlineNanos) {
        this.callers = callers;
        this.state = new State[callers];
        java.util.Arrays.fill(state, State.STARTING);
        this.pending = new String[callers];
        this.granted = new boolean[callers];
        this.current = new StepLog[callers];
        this.seq = new int[callers];
        this.sessions = sessions;
        this.waits = waits;
        this.deadline = deadlineNanos;
    }

    @Override
    public StepLog before(int caller, String sql) throws SQLException {
        synchronized (lock) {
            state[caller] = State.PARKED;
            pending[caller] = sql;
            current[caller] = null;
            lock.notifyAll();
            while (!granted[caller] && !aborted) {
                try {
                    lock.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    aborted = true;
                }
            }
            if (aborted) {
                throw new SQLException("goc explain: schedule aborted before this step");
            }
            granted[caller] = false;
            StepLog log = new StepLog(caller, seq[caller]++, sql, true, decisions);
            steps.add(log);
            current[caller] = log;
            return log;
        }
    }

    @Override
    public void after(StepLog step, String result) {
        synchronized (lock) {
            step.result = result;
            step.returned = decisions;
            lock.notifyAll();
        }
    }

    @Override
    public void local(int caller, String sql, String result) {
        synchronized (lock) {
            StepLog log = new StepLog(caller, seq[caller]++, sql, false, decisions);
            log.result = result;
            log.returned = decisions;
            steps.add(log);
        }
    }

    /** Caller {@code caller} has answered; it takes no more steps. */
    void done(int caller) {
        synchronized (lock) {
            state[caller] = State.DONE;
            current[caller] = null;
            lock.notifyAll();
        }
    }

    /**
     * Waits until no step is running (each caller parked, done, or blocked on the server) and at
     * least one caller is parked, or every caller is done.
     *
     * @return the parked callers in index order (empty: all done)
     * @throws StuckException past the deadline
     */
    List<Integer> next() throws StuckException, InterruptedException {
        while (true) {
            List<Integer> flying = new ArrayList<>();
            List<StepLog> flyingSteps = new ArrayList<>();
            synchronized (lock) {
                long until = System.nanoTime() + (fresh ? FIRST_WAIT_NANOS : POLL_NANOS);
                fresh = false;
                while (anyFlyingUnreturned() && System.nanoTime() < until) {
                    lock.wait(1);
                }
                for (int c = 0; c < callers; c++) {
                    if (state[c] == State.IN_FLIGHT || state[c] == State.STARTING) {
                        flying.add(c);
                        flyingSteps.add(current[c]);
                    }
                }
                if (flying.isEmpty()) {
                    return parked();
                }
            }
            if (System.nanoTime() - deadline > 0) {
                throw new StuckException(describeFlying(flying));
            }
            List<Long> asked = new ArrayList<>();
            for (int c : flying) {
                asked.add(sessions.get(c));
            }
            Map<Long, List<Long>> blocked;
            try {
                blocked = waits.blocked(asked);
            } catch (SQLException e) {
                throw new StuckException("the server could not say who waits for a lock: " + e.getMessage());
            }
            synchronized (lock) {
                boolean allBlocked = true;
                for (int i = 0; i < flying.size(); i++) {
                    int c = flying.get(i);
                    StepLog step = flyingSteps.get(i);
                    List<Long> b = blocked.get(sessions.get(c));
                    boolean same = state[c] == State.IN_FLIGHT && current[c] == step && step != null
                            && step.result == null;
                    if (same && b != null) {
                        step.waited(blockers(b));
                    } else if (state[c] != State.PARKED && state[c] != State.DONE) {
                        allBlocked = false;
                    }
                }
                if (allBlocked && !parked().isEmpty()) {
                    return parked();
                }
            }
        }
    }

    private boolean anyFlyingUnreturned() {
        for (int c = 0; c < callers; c++) {
            if (state[c] == State.STARTING || state[c] == State.IN_FLIGHT) {
                return true;
            }
        }
        return false;
    }

    private List<Integer> parked() {
        List<Integer> p = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
            if (state[c] == State.PARKED) {
                p.add(c);
            }
        }
        return p;
    }

    private String blockers(List<Long> b) {
        if (b.isEmpty()) {
            return "a lock (holder not named by the server)";
        }
        List<String> names = new ArrayList<>();
        for (long s : b) {
            int c = sessions.indexOf(s);
            names.add(c >= 0 ? Schedules.name(c) : "session " + s);
        }
        return String.join(", ", names);
    }

    private String describeFlying(List<Integer> flying) {
        List<String> parts = new ArrayList<>();
        synchronized (lock) {
            for (int c : flying) {
                StepLog s = current[c];
                parts.add(Schedules.name(c) + (s == null ? " (between steps)" : " in " + s.sql));
            }
        }
        return "no progress before the schedule's deadline: " + String.join("; ", parts);
    }

    /** Lets {@code caller} (parked) run its pending step. */
    void grant(int caller) {
        synchronized (lock) {
            if (state[caller] != State.PARKED) {
                throw new IllegalStateException(Schedules.name(caller) + " is not parked");
            }
            decisions++;
            grants.add(caller);
            fresh = true;
            granted[caller] = true;
            state[caller] = State.IN_FLIGHT; // from now until it parks again or is done
            current[caller] = null;
            lock.notifyAll();
        }
    }

    /** The step {@code caller} is parked before. */
    String pending(int caller) {
        synchronized (lock) {
            return pending[caller];
        }
    }

    /** Aborts the schedule: parked callers fail their step. */
    void abort() {
        synchronized (lock) {
            aborted = true;
            lock.notifyAll();
        }
    }

    /** Every step logged, in the order they were logged (not deterministic across runs: see {@link Swimlane}). */
    List<StepLog> steps() {
        synchronized (lock) {
            return new ArrayList<>(steps);
        }
    }

    /** Who was granted at each decision; index 0 stands for the start, before any grant. */
    List<Integer> grants() {
        synchronized (lock) {
            return new ArrayList<>(grants);
        }
    }

    /** Thrown when a schedule made no progress before its deadline. */
    static final class StuckException extends Exception {
        StuckException(String message) {
            super(message);
        }
    }
}
