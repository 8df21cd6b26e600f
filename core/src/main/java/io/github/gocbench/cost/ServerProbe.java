package io.github.gocbench.cost;

import io.github.gocbench.results.CallCost;
import java.sql.Connection;
import java.util.Collection;
import java.util.List;

/**
 * Reads a server's cost counters for one table (issue 17). A probe reads on its own connection
 * in autocommit; every query it cannot run leaves its metric unavailable with the server's
 * reason, never 0.
 */
public interface ServerProbe {

    /**
     * What each worker runs on its own connection at the window's edges, returning the session's
     * id in column 1 (PostgreSQL: also flushes the session's table statistics).
     */
    String sessionSql();

    /**
     * The counters now.
     *
     * @param end true at the window's end (a probe may order its reads so that its own stay out)
     */
    Snapshot read(Connection connection, String table, boolean end);

    /** The window's figures from {@code before} and {@code after}, per {@code calls} successful calls. */
    List<CallCost.Figure> figures(Snapshot before, Snapshot after, long calls, boolean churn);

    /**
     * Why the window's server-wide counters include other clients' work (sessions other than
     * {@code ours} and the probe's were active during it), or {@code null} when none was seen.
     */
    String otherSessions(Connection connection, Snapshot before, Collection<Long> ours, double windowSeconds);
}
