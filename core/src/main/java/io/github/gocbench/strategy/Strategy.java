package io.github.gocbench.strategy;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * One way of writing get-or-create for one dialect. Its SQL sits in one file per dialect; a flow
 * that is the same for every dialect is written once and handed that SQL.
 *
 * <p>A strategy gets a connection that is either in autocommit mode, or (condition
 * {@code --outer-tx}) inside an already-open transaction that the caller will commit; it must
 * leave the connection in the same mode, at the same isolation level, as it found it, also when
 * it fails. It answers with {@link Got}, or throws the
 * {@link SQLException} the server raised (the dialect classifies it), or
 * {@link NotFoundAfterConflictException} when it lost the insert race and then could not read the
 * row.
 */
public interface Strategy {

    /** The stable id users type, e.g. {@code naive}. */
    String id();

    /**
     * Creates what the strategy needs beyond the run's table, once per run after the table was
     * reset, on a connection in autocommit. The built-in strategies need nothing; a user's
     * strategy may create its own table here.
     */
    default void prepare(Connection connection) throws SQLException {
    }

    /** Gets the row for {@code key}, creating it when missing. */
    Got getOrCreate(Connection connection, long key, SideEffect sideEffect) throws SQLException;
}
