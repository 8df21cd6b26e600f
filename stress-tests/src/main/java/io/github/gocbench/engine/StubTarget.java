package io.github.gocbench.engine;

import io.github.gocbench.dialect.Dialect;
import io.github.gocbench.outcome.Outcome;
import io.github.gocbench.server.Target;
import io.github.gocbench.server.TargetInfo;
import io.github.gocbench.strategy.Conditions;
import io.github.gocbench.strategy.Got;
import io.github.gocbench.strategy.SideEffect;
import io.github.gocbench.strategy.Strategy;
import io.github.gocbench.strategy.StrategyDef;
import io.github.gocbench.strategy.Table;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A target without a server, for the jcstress tests of the engine's thread hand-shakes: its
 * connections answer every JDBC call with nothing (no database behaviour is simulated; the tests
 * never look at data) and count {@link Connection#abort} calls. The strategy answers CREATED
 * with id 7 without touching the connection.
 */
final class StubTarget implements Target {

    final AtomicInteger aborts = new AtomicInteger();

    static final RunConfig CONFIG = new RunConfig("stub", new Workload.Race(2, 1), Conditions.DEFAULT, Bounds.DEFAULT);

    static Worker worker(int index, StubTarget target, RunControl control) {
        return new Worker(index, target, STRATEGY, Table.UNIQUE, CONFIG, control, index);
    }

    private static final Strategy STRATEGY = new Strategy() {
        @Override
        public String id() {
            return "stub";
        }

        @Override
        public Got getOrCreate(Connection connection, long key, SideEffect sideEffect) {
            return new Got(7, true, 0);
        }
    };

    @Override
    public TargetInfo info() {
        return null;
    }

    @Override
    public Dialect dialect() {
        return DIALECT;
    }

    @Override
    public Connection connect() {
        return (Connection) Proxy.newProxyInstance(StubTarget.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "abort":
                            aborts.incrementAndGet();
                            return null;
                        case "getAutoCommit":
                            return true;
                        case "isClosed":
                        case "isWrapperFor":
                            return false;
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        case "equals":
                            return proxy == args[0];
                        case "toString":
                            return "StubConnection";
                        default:
                            return null;
                    }
                });
    }

    @Override
    public void close() {
    }

    private static final Dialect DIALECT = new Dialect() {
        @Override
        public String id() {
            return "stub";
        }

        @Override
        public void resetSchema(Connection connection, Table table) {
        }

        @Override
        public void truncate(Connection connection, Table table) {
        }

        @Override
        public boolean tryClaimTable(Connection connection, Table table) {
            return true;
        }

        @Override
        public String tableClaimHolder(Connection connection, Table table) {
            return "nobody";
        }

        @Override
        public void releaseTableClaim(Connection connection, Table table) {
        }

        @Override
        public long sessionId(Connection connection) {
            return 0;
        }

        @Override
        public Outcome classify(SQLException e) {
            return Outcome.OTHER;
        }

        @Override
        public void applySessionBounds(Connection connection, Duration statementTimeout, Duration lockTimeout) {
        }

        @Override
        public Map<String, String> serverSettings(Connection connection) {
            return Map.of();
        }

        @Override
        public List<StrategyDef> strategies() {
            return List.of();
        }
    };
}
