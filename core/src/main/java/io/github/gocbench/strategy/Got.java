package io.github.gocbench.strategy;

/**
 * The good answer of a get-or-create call.
 *
 * @param id      the row's id
 * @param created true when this call inserted the row
 * @param retries how many times the strategy looped or retried before answering
 */
public record Got(long id, boolean created, int retries) {

    /** The row existed and this call read it, at the first try. */
    public static Got found(long id) {
        return new Got(id, false, 0);
    }

    /** This call inserted the row, at the first try. */
    public static Got created(long id) {
        return new Got(id, true, 0);
    }
}
