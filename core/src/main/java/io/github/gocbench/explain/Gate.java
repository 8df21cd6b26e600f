package io.github.gocbench.explain;

import java.sql.SQLException;

/** Where a caller's thread waits for its turn before each step, and reports what the step returned. */
interface Gate {

    /** Parks until the scheduler grants {@code sql}; the returned log is the step's. */
    StepLog before(int caller, String sql) throws SQLException;

    /** The step returned {@code result} (or failed with it). */
    void after(StepLog step, String result);

    /** A step that runs without a scheduling point (SAVEPOINT, RELEASE SAVEPOINT), with what it returned. */
    void local(int caller, String sql, String result);
}
