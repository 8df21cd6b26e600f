package io.github.gocbench.cli;

import io.github.gocbench.outcome.Invariant;
import io.github.gocbench.outcome.Evidence;
import io.github.gocbench.outcome.Outcome;
import io.github.gocbench.outcome.Phase;
import io.github.gocbench.outcome.Verdict;
import io.github.gocbench.results.RunResult;
import io.github.gocbench.strategy.Conditions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns results into the compact text a user reads at the end of a run: one table row per result
 * (non-zero outcomes, broken invariants, goodput (successful calls/s) with attempts/s and failed/s beside it, p50/p99 latency, verdict with its evidence),
 * then per run what the verdict rests on (rounds and the 95 % bound or interval), how it grades
 * against the strategy's declaration, the workload's own failures apart from the strategy's, and
 * the first anomaly with its SQLState and message.
 */
final class RunTable {

    private RunTable() {
    }

    /** The table plus first-anomaly and incompleteness lines. */
    static String table(List<RunResult> results) {
        TextTable t = new TextTable("strategy", "workload", "threads", "calls", "goodput/s", "attempts/s",
                "failed/s", "p50 ms", "p99 ms", "outcomes", "invariants broken", "verdict").right(2, 3, 4, 5, 6, 7, 8);
        for (RunResult r : results) {
            t.row(r.config().strategy(), workload(r),
                    r.config().threads(), r.totals().calls(), rate(r.totals().goodput()),
                    rate(r.totals().callsPerSecond()), rate(r.totals().failureRate()),
                    ms(r.latencyMicros() == null ? Double.NaN : r.latencyMicros().p50()),
                    ms(r.latencyMicros() == null ? Double.NaN : r.latencyMicros().p99()), outcomes(r.outcomes()),
                    invariants(r.invariants()), verdict(r));
        }
        StringBuilder sb = new StringBuilder(t.plain());
        for (RunResult r : results) {
            String who = " (" + r.config().strategy() + ", " + threads(r.config().threads()) + "): ";
            if (r.evidence() != null) {
                sb.append("evidence").append(who).append(r.evidence().toEvidence().describe()).append('\n');
            }
            if (r.grading() != null) {
                sb.append(r.grading().forbidden() ? "GRADE" : "grade").append(who)
                        .append(r.grading().describe(r.evidence() == null ? null : r.evidence().toEvidence()))
                        .append('\n');
            }
            String commit = phase(r, Phase.COMMIT);
            if (commit != null) {
                sb.append("outer commit").append(who).append(commit)
                        .append(" (counted: the application's transaction failed)\n");
            }
            if (r.workloadNoise() > 0) {
                sb.append("workload noise").append(who).append(noise(r)).append(" (goc's own statements; not counted against ")
                        .append(r.config().strategy()).append(")\n");
            }
            String first = firstAnomaly(r);
            if (first != null) {
                sb.append("first anomaly (").append(r.config().strategy()).append(", ")
                        .append(threads(r.config().threads())).append("): ").append(first).append('\n');
            }
            if (!r.complete()) {
                sb.append("incomplete (").append(r.config().strategy()).append(", ")
                        .append(threads(r.config().threads())).append("): ").append(r.note() == null ? "cut short" : r.note()).append('\n');
            }
        }
        return sb.toString();
    }

    /** One line per result for {@code --quiet}: what ran and its verdict with the anomaly counts. */
    static String quietLine(RunResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.target() == null ? "" : r.target().family().cliName() + " ").append(r.config().strategy())
                .append(' ').append(workload(r)).append(' ').append(threads(r.config().threads())).append(": ")
                .append(verdict(r));
        String anomalies = anomalies(r);
        if (!anomalies.isEmpty()) {
            sb.append(' ').append(anomalies);
        }
        String first = firstAnomaly(r);
        if (first != null) {
            sb.append(" (first: ").append(first).append(')');
        }
        return sb.toString();
    }

    /** Non-zero anomalous outcomes and broken invariants: "DUPLICATE_KEY=12 DOUBLE_CREATE=1". */
    static String anomalies(RunResult r) {
        List<String> parts = new ArrayList<>();
        r.outcomes().forEach((o, n) -> {
            if (o.isAnomaly() && n > 0) {
                parts.add(o.name() + "=" + n);
            }
        });
        r.invariants().forEach((inv, n) -> {
            if (n > 0) {
                parts.add(inv.name() + "=" + n);
            }
        });
        return String.join(" ", parts);
    }

    /** "1 thread", "8 threads". */
    static String threads(int n) {
        return n + (n == 1 ? " thread" : " threads");
    }

    static String workload(RunResult r) {
        RunResult.ConfigInfo config = r.config();
        Conditions c = config.conditions();
        StringBuilder sb = new StringBuilder(config.workload().id());
        if (config.rounds() != null) {
            sb.append(' ').append(config.rounds()).append(" rounds");
        } else if (config.keys() != null) {
            sb.append(' ').append(config.keys());
        }
        if (c.outerTx()) {
            sb.append(", outer-tx");
        }
        if (c.isolation() != null) {
            sb.append(", ").append(c.isolation().cliName());
        }
        if (!c.unique()) {
            sb.append(", no-unique");
        }
        if (c.churn() > 0) {
            sb.append(", churn ").append(c.churn());
        }
        return sb.toString();
    }

    /**
     * The verdict with what it rests on: "SAFE (0/300 rounds, <1.0 %)" (the 95 % bound on the
     * per-round anomaly rate), "UNSAFE (5/200 rounds, 2.5 %)" (the rate seen), "INCONCLUSIVE
     * (12/500 rounds)"; ", incomplete" when cut short.
     */
    static String verdict(RunResult r) {
        String v = r.verdict() == null ? "?" : r.verdict().name();
        RunResult.EvidenceFigures e = r.evidence();
        if (e != null) {
            long asked = r.config().rounds() != null ? r.config().rounds() : e.trials();
            if (r.verdict() == Verdict.INCONCLUSIVE) {
                v += " (" + e.trials() + "/" + asked + " " + e.unit() + ")";
            } else if (e.trials() > 0) {
                v += " (" + e.anomalous() + "/" + e.trials() + " " + e.unit() + ", "
                        + (e.anomalous() == 0 ? "<" + Evidence.percent(e.upperBound95()) : Evidence.percent(e.rate()))
                        + ")";
            }
        } else if (r.race() != null && r.race().roundsWithAnomaly() > 0) {
            v += String.format(Locale.ROOT, " (%d/%d rounds)", r.race().roundsWithAnomaly(), r.race().rounds());
        }
        return r.complete() ? v : v + ", incomplete";
    }

    /** "SERIALIZATION_FAILURE 3" of one phase, or null when it had no failure. */
    private static String phase(RunResult r, Phase phase) {
        Map<Outcome, Long> m = r.failuresByPhase().get(phase);
        if (m == null || m.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        m.forEach((o, n) -> parts.add(o.name() + " " + n));
        return String.join(", ", parts);
    }

    /** "SERIALIZATION_FAILURE 115 in the churn delete; TIMEOUT 1 in the outer read". */
    static String noise(RunResult r) {
        List<String> parts = new ArrayList<>();
        String read = phase(r, Phase.READ);
        if (read != null) {
            parts.add(read + " in the outer transaction's read");
        }
        String churn = phase(r, Phase.CHURN);
        if (churn != null) {
            parts.add(churn + " in the churn delete");
        }
        return String.join("; ", parts);
    }

    static String outcomes(Map<Outcome, Long> outcomes) {
        List<String> parts = new ArrayList<>();
        outcomes.forEach((o, n) -> {
            if (n > 0) {
                parts.add(o.name() + " " + n);
            }
        });
        return parts.isEmpty() ? "-" : String.join(", ", parts);
    }

    static String invariants(Map<Invariant, Long> invariants) {
        List<String> parts = new ArrayList<>();
        invariants.forEach((i, n) -> {
            if (n > 0) {
                parts.add(i.name() + " " + n);
            }
        });
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    /** "DUPLICATE_KEY in round 3 at 120 ms: [23505] ERROR: duplicate key ...", or null when SAFE. */
    static String firstAnomaly(RunResult r) {
        RunResult.FirstAnomaly a = r.firstAnomaly();
        if (a == null) {
            return r.verdict() == Verdict.UNSAFE ? "(not recorded)" : null;
        }
        StringBuilder sb = new StringBuilder(a.kind());
        if (a.round() != null) {
            sb.append(" in round ").append(a.round());
        }
        sb.append(" at ").append(a.atMs()).append(" ms");
        if (a.message() != null) {
            sb.append(": ").append(Errors.oneLine(a.message()));
        }
        if (a.sqlState() != null) {
            sb.append(" [").append(a.sqlState());
            if (a.vendorCode() != null && a.vendorCode() != 0) {
                sb.append('/').append(a.vendorCode());
            }
            sb.append(']');
        }
        return sb.toString();
    }

    /** Calls per second, whole numbers ("12345"), "-" when unknown. */
    static String rate(double perSecond) {
        return Double.isNaN(perSecond) ? "-" : String.format(Locale.ROOT, "%.0f", perSecond);
    }

    /** Calls per second in a compact form for wide grids: 950, 9.5k, 12k. */
    static String rateShort(double perSecond) {
        if (Double.isNaN(perSecond)) {
            return "-";
        }
        if (perSecond < 1000) {
            return String.format(Locale.ROOT, "%.0f", perSecond);
        }
        if (perSecond < 10_000) {
            return String.format(Locale.ROOT, "%.1fk", perSecond / 1000);
        }
        return String.format(Locale.ROOT, "%.0fk", perSecond / 1000);
    }

    /** Microseconds shown as milliseconds with two decimals. */
    static String ms(double micros) {
        return Double.isNaN(micros) ? "-" : String.format(Locale.ROOT, "%.2f", micros / 1000.0);
    }
}
