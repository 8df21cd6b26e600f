package io.github.gocbench.junit;

/**
 * Your get-or-create when it manages its own connections (a service, a repository backed by a
 * pool): returns the id of the row for {@code key}, creating it when missing.
 *
 * @param <K> the key type
 * @param <R> the id type (compared with {@code equals})
 */
@FunctionalInterface
public interface KeyCall<K, R> {

    /** Gets or creates the row for {@code key}; returns its id. */
    R getOrCreate(K key) throws Exception;
}
