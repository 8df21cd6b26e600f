package io.github.gocbench.engine;

import io.github.gocbench.outcome.Outcome;

/**
 * The invariant rules that need no history (DESIGN.md, "Invariants"). Every rule reports only
 * violations that are certain, assuming the server keeps its promises (commits are durable and
 * visible, unique constraints hold):
 *
 * <ul>
 *   <li><b>race round without churn</b> (fresh key, no deletes): {@code DOUBLE_CREATE} =
 *       callers that got CREATED minus one; {@code ID_MISMATCH} = distinct ids among the
 *       callers that got CREATED or FOUND minus one.</li>
 *   <li><b>repeated side effect, per call</b>: a call that ran the hook {@code n} times counts
 *       {@code n - 1} when it answered CREATED and {@code n} when it answered FOUND, or failed
 *       with DUPLICATE_KEY or NOT_FOUND_AFTER_CONFLICT (each of these proves another call's row,
 *       whose own hook ran, was there). Other failures are not counted: their call may or may
 *       not have created a row, or no row may exist at all.</li>
 *   <li><b>repeated side effect, per key</b> (race without churn, from the table): hook runs
 *       minus rows the key has, when it has at least one row — every row needs one hook run,
 *       so any surplus ran for a row that already had its own.</li>
 * </ul>
 *
 * Rules over time (with churn, and for steady workloads) live in {@link KeyLedger}.
 */
final class Invariants {

    private Invariants() {
    }

    /** Double creates and id mismatches of one race round without churn. */
    record RoundFigures(int created, int doubleCreates, int idMismatches, int anomalousCalls) {
    }

    /**
     * Tallies one race round without churn.
     *
     * @param outcomes the outcome of each caller ({@code null} for a caller that did not count)
     * @param ids      the id each caller got (meaningful for CREATED and FOUND)
     */
    static RoundFigures round(Outcome[] outcomes, long[] ids) {
        int created = 0;
        int anomalous = 0;
        int distinct = 0;
        long[] seen = new long[outcomes.length];
        for (int i = 0; i < outcomes.length; i++) {
            Outcome o = outcomes[i];
            if (o == null) {
                continue;
            }
            if (o.isAnomaly()) {
                anomalous++;
                continue;
            }
            if (o == Outcome.CREATED) {
                created++;
            }
            boolean known = false;
            for (int j = 0; j < distinct; j++) {
                if (seen[j] == ids[i]) {
                    known = true;
                    break;
                }
            }
            if (!known) {
                seen[distinct++] = ids[i];
            }
        }
        return new RoundFigures(created, Math.max(0, created - 1), Math.max(0, distinct - 1), anomalous);
    }

    /** Surplus hook runs of one call (see the class comment); 0 when nothing is certain. */
    static int sideEffectSurplus(Outcome outcome, int invocations) {
        if (outcome == null) {
            return 0;
        }
        switch (outcome) {
            case CREATED:
                return Math.max(0, invocations - 1);
            case FOUND:
            case DUPLICATE_KEY:
            case NOT_FOUND_AFTER_CONFLICT:
                return invocations;
            default:
                return 0;
        }
    }

    /** Surplus hook runs of one key from its row count; 0 when the key has no row. */
    static long sideEffectSurplusFromRows(long invocations, long rows) {
        return rows < 1 ? 0 : Math.max(0, invocations - rows);
    }
}
