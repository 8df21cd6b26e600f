package io.github.gocbench.results;

import io.github.gocbench.strategy.Conditions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Repeated steady runs of one configuration folded into one point: the median, min and max of
 * goodput (and the medians of attempts and failures per second), as {@code goc compare --repeat}
 * measures them. Runs are the same point when server, strategy, threads, key choice and
 * conditions agree.
 */
public final class SteadyPoints {

    private SteadyPoints() {
    }

    /**
     * What makes runs one point.
     *
     * @param db         database family ({@code postgres}, {@code mariadb}, ...)
     * @param server     product, version and provision, e.g. "PostgreSQL 17.6 embedded"
     * @param strategy   strategy id
     * @param threads    threads
     * @param keys       key choice, e.g. {@code hotset:1000}
     * @param conditions the run's conditions
     */
    public record Key(String db, String server, String strategy, int threads, String keys, Conditions conditions) {

        /** The point {@code r} belongs to, or {@code null} when it is no steady run. */
        public static Key of(RunResult r) {
            if (r.config() == null || r.totals() == null || r.config().workload() != WorkloadKind.STEADY) {
                return null;
            }
            String db = r.target() == null || r.target().family() == null ? "" : r.target().family().cliName();
            String server = r.target() == null ? "" : r.target().product() + " " + r.target().version() + " "
                    + (r.target().provision() == null ? "" : r.target().provision().cliName());
            return new Key(db, server, r.config().strategy(), r.config().threads(), r.config().keys(),
                    r.config().conditions());
        }
    }

    /**
     * One point.
     *
     * @param db                   database family
     * @param strategy             strategy id
     * @param threads              threads
     * @param keys                 key choice
     * @param churn                churn of the runs (0 without)
     * @param outerTx              whether the calls ran inside an outer transaction
     * @param runs                 how many runs were folded
     * @param goodputMedian        successful calls/s, median over the runs
     * @param goodputMin           successful calls/s, least of the runs
     * @param goodputMax           successful calls/s, most of the runs
     * @param callsPerSecondMedian attempts/s, median
     * @param failuresPerSecondMedian failed calls/s, median
     * @param failedShareMax       the largest share of failed calls among the runs (0..1)
     */
    public record Point(String db, String strategy, int threads, String keys, double churn, boolean outerTx, int runs,
                        double goodputMedian, double goodputMin, double goodputMax, double callsPerSecondMedian,
                        double failuresPerSecondMedian, double failedShareMax) {
    }

    /** The points of the steady runs among {@code results}, in order of first appearance. */
    public static Map<Key, Point> of(List<RunResult> results) {
        Map<Key, List<RunResult>> groups = new LinkedHashMap<>();
        for (RunResult r : results) {
            Key k = Key.of(r);
            if (k != null) {
                groups.computeIfAbsent(k, x -> new ArrayList<>()).add(r);
            }
        }
        Map<Key, Point> out = new LinkedHashMap<>();
        groups.forEach((k, rs) -> out.put(k, fold(k, rs)));
        return out;
    }

    /** The points as a list, for the JSON document. */
    public static List<Point> list(List<RunResult> results) {
        return List.copyOf(of(results).values());
    }

    private static Point fold(Key k, List<RunResult> rs) {
        double[] good = rs.stream().mapToDouble(r -> r.totals().goodput()).sorted().toArray();
        double[] calls = rs.stream().mapToDouble(r -> r.totals().callsPerSecond()).toArray();
        double[] failed = rs.stream().mapToDouble(r -> r.totals().failureRate()).toArray();
        double failedShare = rs.stream().mapToDouble(r -> r.totals().failedShare()).max().orElse(0);
        Conditions c = Objects.requireNonNullElse(k.conditions(), Conditions.DEFAULT);
        return new Point(k.db(), k.strategy(), k.threads(), k.keys(), c.churn(), c.outerTx(), rs.size(),
                median(good), good[0], good[good.length - 1], median(calls), median(failed), failedShare);
    }

    /** The median of {@code values} (the mean of the middle two for an even count), 0 for none. */
    public static double median(double[] values) {
        if (values.length == 0) {
            return 0;
        }
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
