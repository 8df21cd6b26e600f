package io.github.gocbench.dialect;

import io.github.gocbench.outcome.Outcome;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Function;

/**
 * Classifies a server error by a dialect's table, looking through the errors drivers wrap it
 * in: {@link SQLException#getNextException()} (pgjdbc's {@code BatchUpdateException} carries the
 * real error there) and {@link Throwable#getCause()}. The outermost error that the table knows
 * wins, so a strategy-level error (e.g. {@code NotFoundAfterConflictException}) is not
 * reclassified as the unique violation it wraps.
 */
public final class ErrorChain {

    /** Bound on the errors visited, against cyclic or very long chains. */
    private static final int MAX_VISITED = 32;

    private ErrorChain() {
    }

    /**
     * Applies {@code table} to {@code top} and then to every SQLException reachable from it
     * (breadth first), returning the first answer other than {@link Outcome#OTHER}, else OTHER.
     */
    public static Outcome classify(SQLException top, Function<SQLException, Outcome> table) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<SQLException> queue = new ArrayDeque<>();
        queue.add(top);
        while (!queue.isEmpty() && seen.size() < MAX_VISITED) {
            SQLException e = queue.poll();
            if (!seen.add(e)) {
                continue;
            }
            Outcome o = table.apply(e);
            if (o != Outcome.OTHER) {
                return o;
            }
            SQLException next = e.getNextException();
            if (next != null) {
                queue.add(next);
            }
            if (e.getCause() instanceof SQLException cause) {
                queue.add(cause);
            }
        }
        return Outcome.OTHER;
    }
}
