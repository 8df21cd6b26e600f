package io.github.gocbench.engine;

import io.github.gocbench.outcome.Failure;
import io.github.gocbench.outcome.Outcome;

/**
 * One call as the worker saw it; one instance per worker, reused for every call, so the hot loop
 * allocates nothing per call.
 */
final class CallRecord {
    long key;
    Outcome outcome;
    Failure failure;
    long id;
    /**
     * The strategy answered (its id and {@link #created} are set), even if what followed it in
     * the call, the churn delete or the outer transaction's commit, then failed.
     */
    boolean answered;
    boolean created;
    int retries;
    int invocations;
    long startNanos;
    long endNanos;
    /** {@link KeyLedger} answer bits, 0 when no ledger was consulted. */
    int ledgerFlags;
    /** The run was being cut short and this call was cancelled: it is not counted. */
    boolean cancelled;
    /** The connection was aborted or broke during the call: reconnect before the next one. */
    boolean needsReconnect;

    void reset(long key) {
        this.key = key;
        outcome = null;
        failure = null;
        id = 0;
        answered = false;
        created = false;
        retries = 0;
        invocations = 0;
        startNanos = 0;
        endNanos = 0;
        ledgerFlags = 0;
        cancelled = false;
        needsReconnect = false;
    }
}
