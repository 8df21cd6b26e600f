package io.github.gocbench.junit;

import java.sql.Connection;

/**
 * Counts the rows your table holds for a key, e.g. {@code SELECT count(*) FROM tag WHERE name = ?}.
 * After each round the race checks that it sees exactly one, so duplicate rows are caught even
 * when every caller answered the same id.
 *
 * @param <K> the key type
 */
@FunctionalInterface
public interface RowCount<K> {

    /** The number of rows for {@code key}, read on {@code connection} (autocommit, its own). */
    long rows(Connection connection, K key) throws Exception;
}
