package io.github.gocbench.report;

import io.github.gocbench.outcome.Verdict;
import io.github.gocbench.results.Provenance;
import io.github.gocbench.results.RunResult;
import io.github.gocbench.results.WorkloadKind;
import io.github.gocbench.strategy.Conditions;
import io.github.gocbench.strategy.Grade;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What changed between two results documents ({@code goc diff OLD NEW}): verdicts, grades against
 * the declarations, and goodput judged against the runs' own spread. Runs are matched by database
 * family, strategy, workload, threads, keys and conditions; repeated runs of one configuration
 * give its median and its min-max spread.
 *
 * <p>A regression is a verdict that got worse (SAFE to UNSAFE or INCONCLUSIVE), a grade that
 * became FORBIDDEN SEEN, or goodput whose whole new range lies below the whole old range. A
 * goodput difference inside the spread is noise, and without repetitions on both sides it is
 * reported but not judged.
 *
 * @param oldLabel   how to name the old side (its path)
 * @param newLabel   how to name the new side
 * @param oldFrom    the old document's provenance, or {@code null}
 * @param newFrom    the new document's provenance, or {@code null}
 * @param verdicts   configurations whose verdict changed
 * @param grades     configurations whose grade changed
 * @param goodput    steady configurations present on both sides, with their goodput
 * @param onlyOld    configurations only the old side ran
 * @param onlyNew    configurations only the new side ran
 */
public record ResultsDiff(String oldLabel, String newLabel, Provenance oldFrom, Provenance newFrom,
                          List<Change<Verdict>> verdicts, List<Change<Grade>> grades, List<Speed> goodput,
                          List<Key> onlyOld, List<Key> onlyNew) {

    /** What identifies a configuration across two documents. */
    public record Key(String db, String strategy, WorkloadKind workload, int threads, String keys, Conditions conditions) {

        static Key of(RunResult r) {
            RunResult.ConfigInfo c = r.config();
            String db = r.target() == null || r.target().family() == null ? "?" : r.target().family().cliName();
            return new Key(db, c.strategy(), c.workload(), c.threads(), c.keys(), c.conditions());
        }

        /** One line: {@code postgres naive race 8 threads, outer-tx}. */
        public String label() {
            StringBuilder b = new StringBuilder(db).append(' ').append(strategy).append(' ').append(workload.id());
            if (keys != null) {
                b.append(' ').append(keys);
            }
            b.append(", ").append(threads).append(threads == 1 ? " thread" : " threads");
            if (conditions.isolation() != null) {
                b.append(", ").append(conditions.isolation().cliName());
            }
            if (conditions.outerTx()) {
                b.append(", outer-tx");
            }
            if (!conditions.unique()) {
                b.append(", no-unique");
            }
            if (conditions.sideEffect()) {
                b.append(", side-effect");
            }
            if (conditions.churn() > 0) {
                b.append(", churn ").append(conditions.churn());
            }
            return b.toString();
        }
    }

    /** A value that differs between the two sides; {@code regression} when it got worse. */
    public record Change<T>(Key key, T before, T after, boolean regression) {
    }

    /** How goodput moved, and whether the move is outside both sides' spread. */
    public enum Judgement {
        FASTER, SLOWER, WITHIN_SPREAD, NOT_JUDGED
    }

    /**
     * Goodput of one steady configuration on both sides: median, min and max over its runs.
     *
     * @param runsBefore how many runs the old side had of it
     * @param runsAfter  how many runs the new side had of it
     */
    public record Speed(Key key, double before, double beforeMin, double beforeMax, int runsBefore,
                        double after, double afterMin, double afterMax, int runsAfter, Judgement judgement) {

        /** Relative change of the medians, e.g. {@code -0.12} for 12 % slower. */
        public double change() {
            return before == 0 ? (after == 0 ? 0 : 1) : (after - before) / before;
        }
    }

    /** Compares {@code after} against {@code before}. */
    public static ResultsDiff of(String oldLabel, Provenance oldFrom, List<RunResult> before, String newLabel,
                                 Provenance newFrom, List<RunResult> after) {
        Map<Key, List<RunResult>> a = group(before);
        Map<Key, List<RunResult>> b = group(after);
        List<Change<Verdict>> verdicts = new ArrayList<>();
        List<Change<Grade>> grades = new ArrayList<>();
        List<Speed> speeds = new ArrayList<>();
        List<Key> onlyOld = new ArrayList<>();
        List<Key> onlyNew = new ArrayList<>();
        for (Map.Entry<Key, List<RunResult>> e : a.entrySet()) {
            List<RunResult> newer = b.get(e.getKey());
            if (newer == null) {
                onlyOld.add(e.getKey());
                continue;
            }
            Verdict v0 = verdict(e.getValue());
            Verdict v1 = verdict(newer);
            if (v0 != v1) {
                verdicts.add(new Change<>(e.getKey(), v0, v1, worse(v0, v1)));
            }
            Grade g0 = grade(e.getValue());
            Grade g1 = grade(newer);
            if (g0 != null && g1 != null && g0 != g1) {
                grades.add(new Change<>(e.getKey(), g0, g1, g1 == Grade.FORBIDDEN_SEEN));
            }
            if (e.getKey().workload() == WorkloadKind.STEADY) {
                speeds.add(speed(e.getKey(), e.getValue(), newer));
            }
        }
        for (Key k : b.keySet()) {
            if (!a.containsKey(k)) {
                onlyNew.add(k);
            }
        }
        return new ResultsDiff(oldLabel, newLabel, oldFrom, newFrom, verdicts, grades, speeds, onlyOld, onlyNew);
    }

    /** Whether anything got worse: the exit code of {@code goc diff} hangs on this. */
    public boolean regressed() {
        return verdicts.stream().anyMatch(Change::regression) || grades.stream().anyMatch(Change::regression)
                || goodput.stream().anyMatch(s -> s.judgement() == Judgement.SLOWER);
    }

    private static Map<Key, List<RunResult>> group(List<RunResult> runs) {
        Map<Key, List<RunResult>> m = new LinkedHashMap<>();
        for (RunResult r : runs) {
            m.computeIfAbsent(Key.of(r), k -> new ArrayList<>()).add(r);
        }
        return m;
    }

    /** The worst verdict among repeated runs: UNSAFE over INCONCLUSIVE over SAFE. */
    private static Verdict verdict(List<RunResult> runs) {
        return runs.stream().map(RunResult::verdict).filter(Objects::nonNull)
                .max(Comparator.comparingInt(ResultsDiff::badness)).orElse(null);
    }

    private static int badness(Verdict v) {
        return v == Verdict.UNSAFE ? 2 : v == Verdict.SAFE ? 0 : 1;
    }

    private static boolean worse(Verdict before, Verdict after) {
        return after != null && (before == null ? after == Verdict.UNSAFE : badness(after) > badness(before));
    }

    /** The grade of the runs: FORBIDDEN SEEN when any run saw a forbidden outcome, else the first run's. */
    private static Grade grade(List<RunResult> runs) {
        Grade g = null;
        for (RunResult r : runs) {
            if (r.grading() == null) {
                continue;
            }
            if (r.grading().grade() == Grade.FORBIDDEN_SEEN) {
                return Grade.FORBIDDEN_SEEN;
            }
            g = g == null ? r.grading().grade() : g;
        }
        return g;
    }

    private static Speed speed(Key key, List<RunResult> before, List<RunResult> after) {
        double[] b = goodputs(before);
        double[] a = goodputs(after);
        Judgement j;
        if (b.length < 2 || a.length < 2) {
            j = Judgement.NOT_JUDGED;
        } else if (max(a) < min(b)) {
            j = Judgement.SLOWER;
        } else if (min(a) > max(b)) {
            j = Judgement.FASTER;
        } else {
            j = Judgement.WITHIN_SPREAD;
        }
        return new Speed(key, median(b), min(b), max(b), b.length, median(a), min(a), max(a), a.length, j);
    }

    private static double[] goodputs(List<RunResult> runs) {
        return runs.stream().mapToDouble(r -> r.totals().withOutcomes(r.outcomes()).goodput()).sorted().toArray();
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double min(double[] sorted) {
        return sorted[0];
    }

    private static double max(double[] sorted) {
        return sorted[sorted.length - 1];
    }

    /** The diff as Markdown for a pull-request comment. */
    public String markdown() {
        StringBuilder b = new StringBuilder();
        b.append("## goc diff\n\n");
        b.append("Old: `").append(oldLabel).append('`').append(from(oldFrom)).append("  \n");
        b.append("New: `").append(newLabel).append('`').append(from(newFrom)).append("\n\n");
        long regressions = verdicts.stream().filter(Change::regression).count()
                + grades.stream().filter(Change::regression).count()
                + goodput.stream().filter(s -> s.judgement() == Judgement.SLOWER).count();
        b.append(regressions == 0 ? "**No regression.**" : "**" + regressions + " regression"
                + (regressions == 1 ? "" : "s") + ".**");
        b.append(' ').append(verdicts.size()).append(" verdict change").append(verdicts.size() == 1 ? "" : "s")
                .append(", ").append(grades.size()).append(" grade change").append(grades.size() == 1 ? "" : "s")
                .append(", ").append(goodput.size()).append(" steady configuration")
                .append(goodput.size() == 1 ? "" : "s").append(" compared.\n\n");
        if (!verdicts.isEmpty()) {
            b.append("### Verdicts\n\n| configuration | old | new | |\n|---|---|---|---|\n");
            for (Change<Verdict> c : verdicts) {
                b.append("| ").append(c.key().label()).append(" | ").append(c.before()).append(" | ")
                        .append(c.after()).append(" | ").append(c.regression() ? "**regression**" : "").append(" |\n");
            }
            b.append('\n');
        }
        if (!grades.isEmpty()) {
            b.append("### Grades against the declarations\n\n| configuration | old | new | |\n|---|---|---|---|\n");
            for (Change<Grade> c : grades) {
                b.append("| ").append(c.key().label()).append(" | ").append(c.before().label()).append(" | ")
                        .append(c.after().label()).append(" | ").append(c.regression() ? "**regression**" : "")
                        .append(" |\n");
            }
            b.append('\n');
        }
        if (!goodput.isEmpty()) {
            b.append("### Goodput (successful calls/s: median [min-max], runs)\n\n")
                    .append("| configuration | old | new | change | judged |\n|---|---:|---:|---:|---|\n");
            for (Speed s : goodput) {
                b.append("| ").append(s.key().label()).append(" | ")
                        .append(range(s.before(), s.beforeMin(), s.beforeMax(), s.runsBefore())).append(" | ")
                        .append(range(s.after(), s.afterMin(), s.afterMax(), s.runsAfter())).append(" | ")
                        .append(String.format(Locale.ROOT, "%+.1f %%", 100 * s.change())).append(" | ")
                        .append(judged(s.judgement())).append(" |\n");
            }
            b.append("\nA change counts only when the new range lies wholly outside the old one; with one run"
                    + " on a side there is no spread to judge against.\n\n");
        }
        if (!onlyOld.isEmpty() || !onlyNew.isEmpty()) {
            b.append("### Not compared\n\n");
            onlyOld.forEach(k -> b.append("- only in old: ").append(k.label()).append('\n'));
            onlyNew.forEach(k -> b.append("- only in new: ").append(k.label()).append('\n'));
            b.append('\n');
        }
        return b.toString();
    }

    private static String from(Provenance p) {
        if (p == null) {
            return " (no provenance recorded)";
        }
        return " (goc-bench " + p.version() + " at " + p.revision() + (p.dirty() ? "+dirty" : "") + ", "
                + p.started() + ")";
    }

    private static String range(double median, double min, double max, int runs) {
        String m = compact(median);
        return runs < 2 ? m + " (1 run)" : m + " [" + compact(min) + "-" + compact(max)
                + "], " + runs;
    }

    private static String judged(Judgement j) {
        return switch (j) {
            case SLOWER -> "**slower: regression**";
            case FASTER -> "faster";
            case WITHIN_SPREAD -> "within spread";
            case NOT_JUDGED -> "not judged";
        };
    }

    /** Compact numbers for the table: 950, 12.3k, 104k. */
    private static String compact(double v) {
        if (v >= 100_000) {
            return String.format(Locale.ROOT, "%.0fk", v / 1000);
        }
        if (v >= 1000) {
            return String.format(Locale.ROOT, "%.1fk", v / 1000);
        }
        return String.format(Locale.ROOT, "%.0f", v);
    }
}
