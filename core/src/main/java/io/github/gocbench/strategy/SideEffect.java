package io.github.gocbench.strategy;

/**
 * A hook run just before a strategy inserts a missing key: the seed blog's
 * {@code something_special()}. The engine counts invocations per key to detect repeated side
 * effects.
 */
@FunctionalInterface
public interface SideEffect {

    /** No side effect. */
    SideEffect NONE = key -> { };

    /** Called by a strategy right before it tries to INSERT {@code key}. */
    void beforeInsert(long key);
}
