package io.github.gocbench.explain;

import java.util.List;

/**
 * What {@code goc explain} found: every distinct result of the schedules it ran, with how many
 * schedules gave it and the shortest of them.
 *
 * @param db          the server family ({@code postgres}, {@code mariadb}, ...)
 * @param strategy    the strategy id
 * @param conditions  the conditions, as {@link ExplainConfig#conditions()} words them
 * @param callers     2 or 3
 * @param preemptions the preemption bound, or -1 when every schedule was explored
 * @param schedules   schedules run
 * @param complete    whether every schedule (within the preemption bound) was run
 * @param stopped     why exploration stopped early, or null
 * @param bounded     alternatives left out by the preemption bound
 * @param results     the distinct results, anomalous ones first, each with its count
 */
public record Explanation(String db, String strategy, String conditions, int callers, int preemptions,
                          int schedules, boolean complete, String stopped, long bounded, List<Result> results) {

    /**
     * One distinct result.
     *
     * @param summary     the callers' answers (sorted) and the invariants, in one line
     * @param anomalous   an anomalous outcome, not one row for the key, a double create, or different ids
     * @param schedules   how many schedules ended so
     * @param rowsForKey  rows the key had after the schedule
     * @param shortest    the shortest schedule that ends so, e.g. {@code A A B B}
     * @param lane        that schedule as a swimlane
     * @param answers     what each caller answered in it (A first)
     */
    public record Result(String summary, boolean anomalous, int schedules, long rowsForKey, String shortest,
                         Swimlane lane, List<String> answers) {
    }

    /** Schedules whose result is anomalous. */
    public int anomalousSchedules() {
        return results.stream().filter(Result::anomalous).mapToInt(Result::schedules).sum();
    }

    /** The verdict line: safe at statement granularity, or how many schedules break it. */
    public String verdict() {
        String scope = complete ? (preemptions < 0 ? schedules + " schedules explored"
                : schedules + " schedules explored, up to " + preemptions + " preemptions")
                : schedules + " schedules explored before the bound";
        int bad = anomalousSchedules();
        if (bad == 0) {
            return (complete ? "safe at statement granularity for " : "no anomalous schedule found (incomplete) for ")
                    + callers + " callers (" + scope + ")";
        }
        return "UNSAFE at statement granularity for " + callers + " callers: " + bad + " of " + schedules
                + " schedules end in an anomaly (" + scope + ")";
    }
}
