package io.github.gocbench.outcome;

/**
 * What a run says about its strategy (DESIGN.md, "What a verdict may say"). An anomaly seen once
 * is certain, so UNSAFE stands even for a run that was cut short; SAFE only means "not seen" and
 * needs a run that finished everything it was asked, with its {@link Evidence} beside it.
 */
public enum Verdict {
    /** The run finished every round (or its whole duration) and saw no anomaly; not a proof. */
    SAFE,
    /** At least one anomaly of the strategy's own was seen. */
    UNSAFE,
    /** No anomaly seen, but the run was cut short, made no calls, or finished fewer rounds than asked. */
    INCONCLUSIVE;

    /**
     * Decides a verdict.
     *
     * @param anomalies   anomalies counted against the strategy (workload noise excluded)
     * @param complete    false when the run was cut short (deadline, server lost, interrupted)
     * @param trials      trials finished: race rounds, or calls of a steady run
     * @param trialsAsked rounds asked for a race; 0 when the run asked for a duration instead
     */
    public static Verdict of(long anomalies, boolean complete, long trials, long trialsAsked) {
        if (anomalies > 0) {
            return UNSAFE;
        }
        if (!complete || trials == 0 || trials < trialsAsked) {
            return INCONCLUSIVE;
        }
        return SAFE;
    }
}
