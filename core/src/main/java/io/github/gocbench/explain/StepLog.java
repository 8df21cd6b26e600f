package io.github.gocbench.explain;

import java.util.ArrayList;
import java.util.List;

/**
 * One statement (or commit, rollback, savepoint) a caller ran in a schedule: what it sent, when
 * the scheduler let it go ({@link #granted}, the number of the decision), what it returned and
 * when, and whom it waited for on the server meanwhile. Written under the schedule's lock.
 */
final class StepLog {

    final int caller;
    final int callerSeq;
    final String sql;
    /** False for steps that run without a scheduling point (SAVEPOINT, RELEASE SAVEPOINT). */
    final boolean scheduled;
    /** The decision that granted it (local steps: the decision in force when they ran). */
    final int granted;
    String result;
    int returned = -1;
    /** Whom the step waited for, each distinct set once, in the order seen ("A", "session 123"). */
    final List<String> waitedFor = new ArrayList<>();

    StepLog(int caller, int callerSeq, String sql, boolean scheduled, int granted) {
        this.caller = caller;
        this.callerSeq = callerSeq;
        this.sql = sql;
        this.scheduled = scheduled;
        this.granted = granted;
    }

    void waited(String blockers) {
        if (!waitedFor.contains(blockers)) {
            waitedFor.add(blockers);
        }
    }

    boolean blocked() {
        return !waitedFor.isEmpty();
    }
}
