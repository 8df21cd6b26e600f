package io.github.gocbench.engine;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A race caller's {@link Connection} that notes each statement, commit, rollback and savepoint in
 * its {@link RoundLog}: start, end, and what came back (rows the caller read, rows affected, or
 * the error). Unlike explain's controlled wrapper it never waits, never copies a result set and
 * formats nothing while the round runs: it writes a few numbers and references into the log's
 * preallocated arrays, and the text is made only for rounds that turn out anomalous.
 */
final class RecordingConnection {

    private RecordingConnection() {
    }

    /** {@code raw} noting its statements in {@code log}. */
    static Connection wrap(Connection raw, RoundLog log) {
        return (Connection) Proxy.newProxyInstance(RecordingConnection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new ConnectionHandler(raw, log));
    }

    private static Object call(Object target, Method m, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Runs {@code m} as one noted statement {@code sql}. */
    private static Object noted(RoundLog log, String sql, boolean withParam, long param, Object target, Method m,
                                Object[] args) throws Throwable {
        int slot = log.begin(sql, withParam, param, System.nanoTime());
        Object result;
        try {
            result = call(target, m, args);
        } catch (SQLException e) {
            log.failed(slot, e, System.nanoTime());
            throw e;
        }
        long now = System.nanoTime();
        if (result instanceof ResultSet rs) {
            log.ended(slot, RoundLog.Kind.ROWS, 0, now);
            return slot < 0 ? rs : Proxy.newProxyInstance(RecordingConnection.class.getClassLoader(),
                    new Class<?>[] {ResultSet.class}, new ResultSetHandler(rs, log, slot));
        }
        if (result instanceof Integer n) {
            log.ended(slot, RoundLog.Kind.AFFECTED, n, now);
        } else if (result instanceof Long n) {
            log.ended(slot, RoundLog.Kind.AFFECTED, n, now);
        } else {
            log.ended(slot, RoundLog.Kind.OK, 0, now);
        }
        return result;
    }

    private static final class ConnectionHandler implements InvocationHandler {
        private final Connection raw;
        private final RoundLog log;

        ConnectionHandler(Connection raw, RoundLog log) {
            this.raw = raw;
            this.log = log;
        }

        @Override
        public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
            switch (m.getName()) {
                case "prepareStatement":
                    return statement(proxy, (Statement) call(raw, m, args), (String) args[0], PreparedStatement.class);
                case "createStatement":
                    return statement(proxy, (Statement) call(raw, m, args), null, Statement.class);
                case "commit":
                    return noted(log, "COMMIT", false, 0, raw, m, args);
                case "rollback":
                    return noted(log, args == null || args.length == 0 ? "ROLLBACK" : "ROLLBACK TO SAVEPOINT",
                            false, 0, raw, m, args);
                case "setSavepoint":
                    return noted(log, "SAVEPOINT", false, 0, raw, m, args);
                case "releaseSavepoint":
                    return noted(log, "RELEASE SAVEPOINT", false, 0, raw, m, args);
                case "setAutoCommit":
                    return noted(log, (Boolean) args[0] ? "SET autocommit = 1" : "SET autocommit = 0", false, 0, raw,
                            m, args);
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                default:
                    return call(raw, m, args);
            }
        }

        private Object statement(Object connection, Statement st, String sql, Class<?> type) {
            return Proxy.newProxyInstance(RecordingConnection.class.getClassLoader(), new Class<?>[] {type},
                    new StatementHandler(connection, st, sql, log));
        }
    }

    private static final class StatementHandler implements InvocationHandler {
        private final Object connection;
        private final Statement raw;
        private final String sql;
        private final RoundLog log;
        private boolean hasParam;
        private long param;

        StatementHandler(Object connection, Statement raw, String sql, RoundLog log) {
            this.connection = connection;
            this.raw = raw;
            this.sql = sql;
            this.log = log;
        }

        @Override
        public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
            String name = m.getName();
            if (name.startsWith("execute")) {
                String text = args != null && args.length > 0 && args[0] instanceof String s ? s : sql;
                return noted(log, text == null ? "(statement)" : text, text == sql && hasParam, param, raw, m, args);
            }
            switch (name) {
                case "setLong":
                case "setInt":
                    if (args[0] instanceof Integer i && i == 1) {
                        hasParam = true;
                        param = ((Number) args[1]).longValue();
                    }
                    break;
                case "clearParameters":
                    hasParam = false;
                    break;
                case "getConnection":
                    return connection;
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                default:
                    break;
            }
            return call(raw, m, args);
        }
    }

    private static final class ResultSetHandler implements InvocationHandler {
        private final ResultSet raw;
        private final RoundLog log;
        private final int slot;

        ResultSetHandler(ResultSet raw, RoundLog log, int slot) {
            this.raw = raw;
            this.log = log;
            this.slot = slot;
        }

        @Override
        public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
            Object r = call(raw, m, args);
            switch (m.getName()) {
                case "next":
                    if (Boolean.TRUE.equals(r)) {
                        log.row(slot);
                    }
                    break;
                case "getLong":
                case "getInt":
                case "getObject":
                    if (r instanceof Number n && !(r instanceof Double) && !(r instanceof Float)) {
                        log.read(slot, n.longValue());
                    }
                    break;
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                default:
                    break;
            }
            return r;
        }
    }
}
