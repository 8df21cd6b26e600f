package io.github.gocbench.server;

import io.github.gocbench.dialect.Dialect;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A running server and how to connect to it. Embedded servers are shared per JVM and stopped
 * when it exits; {@link #close()} releases this handle only.
 */
public interface Target extends AutoCloseable {

    /** Product, version, provision and recorded settings. */
    TargetInfo info();

    /** The dialect for this server's family. */
    Dialect dialect();

    /** Opens a new connection in autocommit mode. The caller closes it. */
    Connection connect() throws SQLException;

    @Override
    void close();
}
