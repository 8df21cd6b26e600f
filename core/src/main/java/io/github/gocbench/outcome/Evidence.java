package io.github.gocbench.outcome;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import org.apache.commons.statistics.distribution.BetaDistribution;

/**
 * What a verdict rests on (DESIGN.md, "evidence"): how many independent trials a run made (race
 * rounds, or calls for a steady run), how many of them saw an anomaly, and how many threads
 * raced. From these it gives the exact (Clopper-Pearson) binomial bounds on the per-trial anomaly
 * rate, so a SAFE says "not seen in N rounds, rate below X at 95 %" instead of "proven", and an
 * UNSAFE gives its rate with a 95 % interval. The beta quantiles come from Apache Commons
 * Statistics; for zero anomalies the one-sided bound is {@code 1 - 0.05^(1/N)}, which the familiar
 * "rule of three" ({@code 3/N}) approximates.
 *
 * <p>The bounds treat trials as independent with one common rate. Rounds of a race are close to
 * that (fresh key, same release); they are not a proof about schedules the harness never
 * produced.
 *
 * @param unit      what one trial is
 * @param trials    trials made (rounds run, or calls counted)
 * @param anomalous trials that saw at least one anomaly (0 .. trials)
 * @param threads   threads that raced in each trial
 */
public record Evidence(Unit unit, long trials, long anomalous, int threads) {

    /** The confidence of every bound printed: 95 %. */
    public static final double CONFIDENCE = 0.95;

    /** What one trial is. */
    public enum Unit {
        /** One race round: all threads on one fresh key. */
        ROUNDS("round"),
        /** One call of a steady run. */
        CALLS("call");

        private final String singular;

        Unit(String singular) {
            this.singular = singular;
        }

        /** {@code round} or {@code call}. */
        public String singular() {
            return singular;
        }

        /** {@code rounds} or {@code calls}. */
        public String plural() {
            return singular + "s";
        }
    }

    /** A two-sided interval on a rate, both ends in 0..1. */
    public record Interval(double low, double high) {
    }

    public Evidence {
        if (unit == null) {
            throw new IllegalArgumentException("unit is required");
        }
        if (trials < 0 || anomalous < 0 || anomalous > trials) {
            throw new IllegalArgumentException("need 0 <= anomalous <= trials, got " + anomalous + " of " + trials);
        }
        if (threads < 0) {
            throw new IllegalArgumentException("threads must not be negative, got " + threads);
        }
    }

    /** Evidence of a race: {@code anomalous} of {@code rounds} rounds of {@code threads} threads. */
    public static Evidence ofRounds(long rounds, long anomalous, int threads) {
        return new Evidence(Unit.ROUNDS, rounds, anomalous, threads);
    }

    /** Evidence of a steady run: {@code anomalous} of {@code calls} calls by {@code threads} threads. */
    public static Evidence ofCalls(long calls, long anomalous, int threads) {
        return new Evidence(Unit.CALLS, calls, anomalous, threads);
    }

    /** The observed per-trial anomaly rate; 0 when there were no trials. */
    public double rate() {
        return trials == 0 ? 0 : (double) anomalous / trials;
    }

    /**
     * The exact one-sided 95 % upper bound on the per-trial anomaly rate: the largest rate under
     * which seeing at most {@link #anomalous} in {@link #trials} still has at least 5 % chance.
     * 1 when there were no trials (nothing is known).
     */
    public double upperBound() {
        if (anomalous >= trials) {
            return 1.0;
        }
        return new BetaDistributionQuantile(anomalous + 1, trials - anomalous).at(CONFIDENCE);
    }

    /** The exact two-sided 95 % (Clopper-Pearson) interval on the per-trial anomaly rate. */
    public Interval interval() {
        double tail = (1 - CONFIDENCE) / 2;
        double low = anomalous == 0 ? 0.0 : new BetaDistributionQuantile(anomalous, trials - anomalous + 1).at(tail);
        double high = anomalous >= trials ? 1.0
                : new BetaDistributionQuantile(anomalous + 1, trials - anomalous).at(1 - tail);
        return new Interval(low, high);
    }

    /** True when the one-sided bound is below {@code maxRate}: "shown to be rarer than maxRate". */
    public boolean bounds(double maxRate) {
        return anomalous == 0 && trials > 0 && upperBound() < maxRate;
    }

    /**
     * The fewest anomaly-free trials whose one-sided 95 % bound falls below {@code maxRate}
     * ({@code goc race --max-rate}): the smallest N with {@code 1 - 0.05^(1/N) < maxRate}.
     */
    public static long trialsToBound(double maxRate) {
        if (!(maxRate > 0 && maxRate < 1)) {
            throw new IllegalArgumentException("a rate bound must be between 0 and 1 (exclusive), got " + maxRate);
        }
        double n = Math.log(1 - CONFIDENCE) / Math.log1p(-maxRate);
        long candidate = Math.max(1, (long) Math.floor(n));
        while (ofRounds(candidate, 0, 1).upperBound() >= maxRate) {
            candidate++;
        }
        while (candidate > 1 && ofRounds(candidate - 1, 0, 1).upperBound() < maxRate) {
            candidate--;
        }
        return candidate;
    }

    /**
     * One sentence for terminals and reports, e.g. {@code 0 anomalies in 500 rounds of 8 threads:
     * per-round anomaly rate below 0.60 % at 95 %} or {@code anomalies in 42 of 500 rounds of 8
     * threads: per-round rate 8.4 % (95 % interval 6.1 % to 11 %)}.
     */
    public String describe() {
        String of = trials + " " + (trials == 1 ? unit.singular() : unit.plural())
                + (threads > 0 ? " of " + threads + (threads == 1 ? " thread" : " threads") : "");
        if (trials == 0) {
            return "no " + unit.plural() + " finished: nothing is known about the anomaly rate";
        }
        if (anomalous == 0) {
            return "0 anomalies in " + of + ": per-" + unit.singular() + " anomaly rate below "
                    + percent(upperBound()) + " at 95 %";
        }
        Interval ci = interval();
        return "anomalies in " + anomalous + " of " + of + ": per-" + unit.singular() + " rate " + percent(rate())
                + " (95 % interval " + percent(ci.low()) + " to " + percent(ci.high()) + ")";
    }

    /**
     * A short form for grid cells and one-line summaries: {@code 0/500, <0.60 %} or
     * {@code 42/500, 8.4 %}.
     */
    public String brief() {
        if (trials == 0) {
            return "0 " + unit.plural();
        }
        return anomalous + "/" + trials + ", " + (anomalous == 0 ? "<" + percent(upperBound()) : percent(rate()));
    }

    /** A rate as a percentage with two significant digits, e.g. {@code 0.60 %}, {@code 0.0030 %}, {@code 100 %}. */
    public static String percent(double rate) {
        double p = rate * 100;
        if (p == 0) {
            return "0 %";
        }
        BigDecimal d = new BigDecimal(p).round(new MathContext(2));
        String s = d.toPlainString();
        if (d.compareTo(BigDecimal.TEN.pow(2)) >= 0) {
            s = String.format(Locale.ROOT, "%.0f", d.doubleValue());
        }
        return s + " %";
    }

    /** The quantile function of one beta distribution (kept apart so the library call is in one place). */
    private record BetaDistributionQuantile(double alpha, double beta) {
        double at(double p) {
            return BetaDistribution.of(alpha, beta).inverseCumulativeProbability(p);
        }
    }
}
