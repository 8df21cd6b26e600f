package io.github.gocbench.server;

import io.github.gocbench.dialect.DbFamily;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The drivers' statement caching, set in one place for every connection a target opens, so that
 * a strategy that prepares its statement per call (as application code does) measures the
 * server, not the driver re-parsing and the server re-planning the same SQL on every call.
 *
 * <ul>
 *   <li>PostgreSQL (pgjdbc): {@code prepareThreshold=1} server-prepares a statement from its first
 *       use instead of its fifth (pgbench {@code -M prepared} does the same), so the first rounds of
 *       a race run the same protocol as the rest; the per-connection cache
 *       ({@code preparedStatementCacheQueries}, 256 by default) then finds it again on the next
 *       {@code prepareStatement} of the same text.</li>
 *   <li>MySQL/MariaDB (Connector/J): {@code useServerPrepStmts=true} (binary protocol, prepared
 *       once per connection) and {@code cachePrepStmts=true} (the driver keeps the prepared
 *       statement across {@code close()}); without them every call sends and parses its SQL text.</li>
 * </ul>
 * The settings are recorded with the target's settings as {@code jdbc.<name>}, so every result says
 * how its calls reached the server.
 */
public final class StatementCache {

    private StatementCache() {
    }

    /** The driver properties for {@code family}, in the order they are recorded. */
    public static Map<String, String> properties(DbFamily family) {
        Map<String, String> p = new LinkedHashMap<>();
        if (family == DbFamily.POSTGRES) {
            p.put("prepareThreshold", "1");
            p.put("preparedStatementCacheQueries", "256");
        } else {
            p.put("useServerPrepStmts", "true");
            p.put("cachePrepStmts", "true");
            p.put("prepStmtCacheSize", "256");
            p.put("prepStmtCacheSqlLimit", "2048");
        }
        return p;
    }

    /** {@link #properties} as recorded settings: each name prefixed with {@code jdbc.}. */
    static Map<String, String> recorded(DbFamily family) {
        Map<String, String> r = new LinkedHashMap<>();
        properties(family).forEach((k, v) -> r.put("jdbc." + k, v));
        return r;
    }
}
