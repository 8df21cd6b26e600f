package io.github.gocbench.spi;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Your get-or-create as a goc strategy: {@code goc race}, {@code goc bench} and {@code goc compare}
 * run it with every condition, invariant and report they give the built-in strategies.
 *
 * <pre>{@code
 * public final class TagStrategy implements UserStrategy {
 *     public Answer getOrCreate(Connection connection, long key) throws SQLException {
 *         // your DAO, on your own table, on this connection
 *         TagDao.Result r = new TagDao().getOrCreate(connection, "tag-" + key);
 *         return new Answer(r.id(), r.created());
 *     }
 * }
 * // goc race --db postgres --strategy-class com.acme.TagStrategy --classpath target/classes
 * }</pre>
 *
 * <p>goc builds one instance per run with the public no-argument constructor, from the class named
 * by {@code --strategy-class}, or the only one a jar or folder on {@code --classpath} lists in
 * {@code META-INF/services/io.github.gocbench.spi.UserStrategy}. It calls
 * {@link #getOrCreate} from many threads at once, each with its own connection: keep no state
 * per call in fields. Keys are fresh numbers per run, so no row of an earlier run is found.
 *
 * <p>What goc checks: each call's outcome (an {@link SQLException} is classified by its SQLState
 * and vendor code as for the built-in strategies), and across callers double creates (two
 * answers {@code created=true} for one key) and different ids for one key. It does not see your
 * table: duplicate rows there are seen only through those answers. {@code --churn} and
 * {@code --side-effect} act on goc's own table, so they are refused for a user strategy.
 */
public interface UserStrategy {

    /**
     * SQLState for "this call lost the insert and then could not read the row": throw an
     * {@link SQLException} with it and goc counts the call as {@code NOT_FOUND_AFTER_CONFLICT}.
     */
    String NOT_FOUND_AFTER_CONFLICT = "GC001";

    /**
     * The id goc prints and writes into results (letters, digits, {@code - _ .}); by default the
     * class's simple name. It must differ from the built-in strategy ids.
     */
    default String id() {
        return getClass().getSimpleName();
    }

    /**
     * What the strategy runs, in one line, e.g. the framework and its version
     * ({@code "Hibernate ORM 7.4.15.Final: find, then persist, one transaction"}); goc writes it
     * into every result of the strategy ({@code config.strategyDescription}). By default none.
     */
    default String description() {
        return null;
    }

    /**
     * Creates what your get-or-create needs (e.g. {@code CREATE TABLE IF NOT EXISTS tag ...}),
     * once per run before the first call, on a connection in autocommit. By default nothing.
     */
    default void prepare(Connection connection) throws SQLException {
    }

    /**
     * Gets the row for {@code key}, creating it when missing.
     *
     * @param connection in autocommit, or (condition {@code --outer-tx}) inside a transaction goc
     *                   opened, read in and will commit; leave it in the mode you found it
     * @param key        the natural key, a number fresh to this run (map it to your own key type)
     * @return the row's id, and whether this call inserted it
     * @throws SQLException what the server raised; goc classifies it like any strategy's error
     */
    Answer getOrCreate(Connection connection, long key) throws SQLException;

    /**
     * What one call answered.
     *
     * @param id      the row's id
     * @param created whether this call inserted the row
     */
    record Answer(long id, boolean created) {
    }
}
