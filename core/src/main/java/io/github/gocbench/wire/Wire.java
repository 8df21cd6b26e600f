package io.github.gocbench.wire;

import io.github.gocbench.dialect.DbFamily;
import java.sql.SQLException;
import java.util.Map;

/**
 * Attaches a {@link WireCounter} to the connections a thread opens: the drivers are given a
 * socket factory ({@link #properties}) that wraps the socket of a connection opened inside
 * {@link #counting} and leaves every other connection's socket as it is.
 */
public final class Wire {

    /** Inheritable: pgjdbc connects on a thread of its own when a login timeout is set. */
    private static final ThreadLocal<WireCounter> PENDING = new InheritableThreadLocal<>();

    private Wire() {
    }

    /** What opens a connection. */
    @FunctionalInterface
    public interface Opener<T> {
        T open() throws SQLException;
    }

    /** Runs {@code opener} with the sockets it creates on this thread counting into {@code counter}. */
    public static <T> T counting(WireCounter counter, Opener<T> opener) throws SQLException {
        PENDING.set(counter);
        try {
            return opener.open();
        } finally {
            PENDING.remove();
        }
    }

    /** The socket for a new connection: counting when {@link #counting} asked for it on this thread. */
    static java.net.Socket socket() {
        WireCounter c = PENDING.get();
        return c == null ? new java.net.Socket() : new CountingSocket(c);
    }

    /** The driver properties that install the socket factory for {@code family}. */
    public static Map<String, String> properties(DbFamily family) {
        return Map.of("socketFactory", family == DbFamily.POSTGRES
                ? PgSocketFactory.class.getName() : MySqlSocketFactory.class.getName());
    }
}
