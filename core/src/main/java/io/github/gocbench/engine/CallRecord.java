package io.github.gocbench.engine;

import io.github.gocbench.outcome.Failure;
import io.github.gocbench.outcome.Outcome;
import io.github.gocbench.outcome.Phase;

/**
 * One call as the worker saw it; one instance per worker, reused for every call, so the hot loop
 * allocates nothing per call.
 */
final class CallRecord {
    long key;
    /**
     * The strategy's answer (CREATED, FOUND) or the failure that counts against it, of
     * {@link #phase}; {@code null} when the strategy never ran (the outer read failed: see
     * {@link #noise}) or the call was cancelled.
     */
    Outcome outcome;
    Failure failure;
    /** Where {@link #outcome}'s failure happened: the strategy's {@code CALL} or the outer {@code COMMIT}. */
    Phase phase;
    /**
     * A failure of the workload's own statement (the outer read, or the churn step after the
     * answer), never the strategy's: counted apart as workload noise, beside {@link #outcome}.
     */
    Outcome noise;
    Failure noiseFailure;
    Phase noisePhase;
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
        phase = Phase.CALL;
        noise = null;
        noiseFailure = null;
        noisePhase = null;
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
