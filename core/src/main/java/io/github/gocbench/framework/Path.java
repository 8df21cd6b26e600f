package io.github.gocbench.framework;

/**
 * How one uncontended call goes; each path has its own statement sequence, which every
 * {@link Replay} declares and the statement-log tests check against the server's own log.
 */
public enum Path {
    /** The key is already there. */
    FOUND,
    /** The key is missing and nobody else inserts it: this call creates it. */
    CREATED,
    /**
     * The key is missing at the call's first read, and another session commits it just before the
     * call's INSERT (the test does that from the side-effect hook): the framework's rescue path.
     */
    CONFLICT
}
