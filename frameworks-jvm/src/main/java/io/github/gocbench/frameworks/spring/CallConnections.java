package io.github.gocbench.frameworks.spring;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import org.springframework.jdbc.datasource.AbstractDataSource;

/**
 * The DataSource Spring sees: the connection goc hands the current call, bound to the calling
 * thread for the call ({@link #bind}). Closing it leaves goc's connection open. When goc already
 * holds a transaction on it ({@code --outer-tx}), Spring's transaction joins that one: the
 * {@code commit}, {@code rollback} and {@code setAutoCommit} Spring's transaction end would send
 * are left to goc, the owner of the outer transaction, as an inner {@code @Transactional} method
 * leaves them to the outer one it joins.
 */
final class CallConnections extends AbstractDataSource {

    private static final Set<String> OWNER_ONLY = Set.of("commit", "rollback", "setAutoCommit");

    private final ThreadLocal<Connection> current = new ThreadLocal<>();

    /** Binds {@code connection} to this thread until the returned handle is closed. */
    Binding bind(Connection connection) throws SQLException {
        current.set(wrap(connection, !connection.getAutoCommit()));
        return current::remove;
    }

    /** Ends a {@link #bind}. */
    interface Binding extends AutoCloseable {
        @Override
        void close();
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection c = current.get();
        if (c == null) {
            throw new SQLException("no goc connection bound to this thread", "08003");
        }
        return c;
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    private static Connection wrap(Connection c, boolean outerTransaction) {
        return (Connection) Proxy.newProxyInstance(CallConnections.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    String name = method.getName();
                    if (name.equals("close") || (outerTransaction && OWNER_ONLY.contains(name))) {
                        return null;
                    }
                    if (name.equals("isClosed")) {
                        return c.isClosed();
                    }
                    try {
                        return method.invoke(c, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
