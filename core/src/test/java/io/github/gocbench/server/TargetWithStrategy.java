package io.github.gocbench.server;

import io.github.gocbench.dialect.Dialect;
import io.github.gocbench.strategy.Table;
import io.github.gocbench.outcome.Outcome;
import io.github.gocbench.strategy.StrategyDef;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Test fixture: a shared target whose dialect offers one more, test-local strategy (one that
 * blocks on a lock, holds one, ...). Everything else is the target's own; closing the wrapper
 * leaves the shared target open.
 */
public final class TargetWithStrategy {

    private TargetWithStrategy() {
    }

    /** {@code target}, with {@code extra} added after its dialect's own strategies. */
    public static Target of(Target target, StrategyDef extra) {
        Dialect d = target.dialect();
        Dialect wrapped = new Dialect() {
            public String id() {
                return d.id();
            }

            public void resetSchema(Connection c, Table t) throws SQLException {
                d.resetSchema(c, t);
            }

            public void truncate(Connection c, Table t) throws SQLException {
                d.truncate(c, t);
            }

            public boolean tryClaimTable(Connection c, Table t) throws SQLException {
                return d.tryClaimTable(c, t);
            }

            public String tableClaimHolder(Connection c, Table t) throws SQLException {
                return d.tableClaimHolder(c, t);
            }

            public void releaseTableClaim(Connection c, Table t) throws SQLException {
                d.releaseTableClaim(c, t);
            }

            public long sessionId(Connection c) throws SQLException {
                return d.sessionId(c);
            }

            public Outcome classify(SQLException e) {
                return d.classify(e);
            }

            public void applySessionBounds(Connection c, Duration st, Duration lt) throws SQLException {
                d.applySessionBounds(c, st, lt);
            }

            public Map<String, String> serverSettings(Connection c) throws SQLException {
                return d.serverSettings(c);
            }

            public Map<String, String> connectionProperties() {
                return d.connectionProperties();
            }

            public List<StrategyDef> strategies() {
                List<StrategyDef> all = new ArrayList<>(d.strategies());
                all.add(extra);
                return all;
            }
        };
        return new Target() {
            public TargetInfo info() {
                return target.info();
            }

            public Dialect dialect() {
                return wrapped;
            }

            public Connection connect() throws SQLException {
                return target.connect();
            }

            public void close() {
                // shared target: not ours to close
            }
        };
    }
}
