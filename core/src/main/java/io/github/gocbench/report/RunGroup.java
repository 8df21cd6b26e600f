package io.github.gocbench.report;

import io.github.gocbench.results.RunResult;
import io.github.gocbench.results.WorkloadKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs that belong on one chart: same server, same workload (race, or steady with one key
 * distribution) and same condition; they differ by strategy and thread count.
 *
 * @param server    server label
 * @param kind      race or steady
 * @param workload  label: "race" or "keys hot", "keys hotset:16", …
 * @param condition condition label, e.g. "autocommit"
 */
record RunGroup(String server, WorkloadKind kind, String workload, String condition) {

    static final Comparator<RunGroup> ORDER = Comparator.comparing(RunGroup::server)
            .thenComparing(RunGroup::workload).thenComparing(RunGroup::condition);

    static RunGroup of(RunResult r) {
        RunResult.ConfigInfo c = r.config();
        String workload = c.workload() == WorkloadKind.RACE ? WorkloadKind.RACE.id()
                : "keys " + (c.keys() == null || c.keys().isBlank() ? "-" : c.keys());
        return new RunGroup(RunLabels.server(r.target()), c.workload(), workload, RunLabels.condition(c));
    }

    boolean isRace() {
        return kind == WorkloadKind.RACE;
    }

    /** Runs grouped, in {@link #ORDER}; runs without a config or totals are skipped. */
    static Map<RunGroup, List<RunResult>> group(List<RunResult> results) {
        Map<RunGroup, List<RunResult>> m = new TreeMap<>(ORDER);
        for (RunResult r : results) {
            if (r.config() != null && r.totals() != null) {
                m.computeIfAbsent(of(r), g -> new ArrayList<>()).add(r);
            }
        }
        return new LinkedHashMap<>(m);
    }
}
