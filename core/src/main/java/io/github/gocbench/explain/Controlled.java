package io.github.gocbench.explain;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.rowset.CachedRowSet;
import javax.sql.rowset.RowSetProvider;

/**
 * The JDBC wrapper of controlled execution: a {@link Connection} whose statements, commits and
 * rollbacks each wait at the {@link Gate} until the scheduler grants them, and report what they
 * returned. SAVEPOINT and RELEASE SAVEPOINT take no locks and see no data, so they run on without
 * a scheduling point (shown, not scheduled); ROLLBACK TO SAVEPOINT releases locks and is a step.
 * A commit or rollback with nothing to end (no statement since the last one) passes straight
 * through, as does everything else.
 *
 * <p>Result sets are read whole when the step returns (so the swimlane can show the rows) and
 * handed to the strategy as a {@link CachedRowSet}.
 */
final class Controlled {

    private Controlled() {
    }

    /** What a step's SQL shows for parameters and values: the schedule's key as {@code :k}, ids as {@code #n}. */
    record Render(long key) {
        String value(Object v, String column) {
            if (v == null) {
                return "NULL";
            }
            if (v instanceof Number n && n.longValue() == key && !(v instanceof Double)) {
                return ":k";
            }
            if (column != null && column.equalsIgnoreCase("id") && v instanceof Number n) {
                return "#" + n.longValue();
            }
            return v instanceof String s ? "'" + s.replace("'", "''") + "'" : String.valueOf(v);
        }
    }

    /** {@code raw} wrapped for caller {@code caller} of a schedule. */
    static Connection wrap(Connection raw, int caller, Gate gate, Render render, Outcomes outcomes) {
        ConnectionHandler h = new ConnectionHandler(raw, caller, gate, render, outcomes);
        return (Connection) Proxy.newProxyInstance(Controlled.class.getClassLoader(),
                new Class<?>[] {Connection.class}, h);
    }

    /** How a failed step is shown: SQLState, vendor code, and the dialect's outcome. */
    interface Outcomes {
        String describe(SQLException e);
    }

    private static Object invoke(Object target, Method m, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static final class ConnectionHandler implements InvocationHandler {
        private final Connection raw;
        private final int caller;
        private final Gate gate;
        private final Render render;
        private final Outcomes outcomes;
        /** A statement ran since the last commit or rollback while autocommit was off. */
        private boolean dirty;

        ConnectionHandler(Connection raw, int caller, Gate gate, Render render, Outcomes outcomes) {
            this.raw = raw;
            this.caller = caller;
            this.gate = gate;
            this.render = render;
            this.outcomes = outcomes;
        }

        @Override
        public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
            String name = m.getName();
            int n = args == null ? 0 : args.length;
            switch (name) {
                case "createStatement":
                    return statement((Statement) Controlled.invoke(raw, m, args), null, Statement.class);
                case "prepareStatement":
                    return statement((Statement) Controlled.invoke(raw, m, args), (String) args[0],
                            PreparedStatement.class);
                case "commit":
                    return endTx(m, args, "COMMIT");
                case "rollback":
                    if (n == 0) {
                        return endTx(m, args, "ROLLBACK");
                    }
                    return step("ROLLBACK TO SAVEPOINT", () -> Controlled.invoke(raw, m, args), false);
                case "setSavepoint": {
                    Object sp = Controlled.invoke(raw, m, args);
                    gate.local(caller, "SAVEPOINT", "ok");
                    return sp;
                }
                case "releaseSavepoint": {
                    Object r = Controlled.invoke(raw, m, args);
                    gate.local(caller, "RELEASE SAVEPOINT", "ok");
                    return r;
                }
                case "setAutoCommit":
                    if ((Boolean) args[0] && !raw.getAutoCommit() && dirty) {
                        dirty = false;
                        return step("COMMIT (autocommit on)", () -> Controlled.invoke(raw, m, args), false);
                    }
                    return Controlled.invoke(raw, m, args);
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                default:
                    return Controlled.invoke(raw, m, args);
            }
        }

        private Object endTx(Method m, Object[] args, String what) throws Throwable {
            if (raw.getAutoCommit() || !dirty) {
                return Controlled.invoke(raw, m, args);
            }
            dirty = false;
            return step(what, () -> Controlled.invoke(raw, m, args), false);
        }

        interface Call {
            Object run() throws Throwable;
        }

        /** Runs {@code call} as one step: waits for the grant, runs, reports. */
        Object step(String sql, Call call, boolean statement) throws Throwable {
            if (statement && !raw.getAutoCommit()) {
                dirty = true;
            }
            StepLog log = gate.before(caller, sql);
            Object result;
            try {
                result = call.run();
            } catch (SQLException e) {
                gate.after(log, outcomes.describe(e));
                throw e;
            } catch (Throwable t) {
                gate.after(log, "client error: " + t.getClass().getSimpleName());
                throw t;
            }
            if (result instanceof ResultSet rs) {
                CachedRowSet cached = RowSetProvider.newFactory().createCachedRowSet();
                cached.populate(rs);
                rs.close();
                gate.after(log, rows(cached));
                cached.beforeFirst();
                return cached;
            }
            gate.after(log, result instanceof Integer i ? i + (i == 1 ? " row" : " rows") + " affected"
                    : result instanceof Long l ? l + " rows affected" : "ok");
            return result;
        }

        private String rows(CachedRowSet rs) throws SQLException {
            int cols = rs.getMetaData().getColumnCount();
            StringBuilder sb = new StringBuilder();
            int count = 0;
            rs.beforeFirst();
            while (rs.next()) {
                count++;
                if (count <= 3) {
                    sb.append(count == 1 ? ": " : ", ");
                    for (int c = 1; c <= cols; c++) {
                        if (c > 1) {
                            sb.append(' ');
                        }
                        String label = rs.getMetaData().getColumnLabel(c);
                        sb.append(label).append('=').append(render.value(rs.getObject(c), label));
                    }
                }
            }
            return count + (count == 1 ? " row" : " rows") + sb;
        }

        private Object statement(Statement raw, String sql, Class<?> type) {
            StatementHandler h = new StatementHandler(this, raw, sql);
            return Proxy.newProxyInstance(Controlled.class.getClassLoader(), new Class<?>[] {type}, h);
        }
    }

    private static final class StatementHandler implements InvocationHandler {
        private final ConnectionHandler conn;
        private final Statement raw;
        private final String sql;
        private final Map<Integer, Object> params = new TreeMap<>();

        StatementHandler(ConnectionHandler conn, Statement raw, String sql) {
            this.conn = conn;
            this.raw = raw;
            this.sql = sql;
        }

        @Override
        public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
            String name = m.getName();
            if (name.startsWith("execute")) {
                String text = args != null && args.length > 0 && args[0] instanceof String s ? s : shown();
                return conn.step(text, () -> Controlled.invoke(raw, m, args), true);
            }
            if (name.startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer i
                    && !name.equals("setFetchSize") && !name.equals("setMaxRows")) {
                params.put(i, name.equals("setNull") ? null : args[1]);
            } else if (name.equals("clearParameters")) {
                params.clear();
            } else if (name.equals("equals")) {
                return proxy == args[0];
            } else if (name.equals("hashCode")) {
                return System.identityHashCode(proxy);
            } else if (name.equals("getConnection")) {
                return raw.getConnection();
            }
            return Controlled.invoke(raw, m, args);
        }

        /** The prepared SQL with its parameters in place of the {@code ?}. */
        private String shown() {
            if (sql == null) {
                return "(statement)";
            }
            StringBuilder sb = new StringBuilder();
            int p = 1;
            for (int i = 0; i < sql.length(); i++) {
                char c = sql.charAt(i);
                if (c == '?' && params.containsKey(p)) {
                    sb.append(conn.render.value(params.get(p), null));
                    p++;
                } else {
                    sb.append(c);
                }
            }
            return sb.toString();
        }
    }
}
