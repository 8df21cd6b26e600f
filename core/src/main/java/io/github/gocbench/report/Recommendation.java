package io.github.gocbench.report;

import io.github.gocbench.outcome.Evidence;
import io.github.gocbench.outcome.Verdict;
import io.github.gocbench.results.RunResult;
import io.github.gocbench.results.WorkloadKind;
import io.github.gocbench.strategy.Conditions;
import io.github.gocbench.strategy.Isolation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The answer to "which strategy should I use?" (issue 14 item 4), per server and situation: the
 * strategies whose races showed no anomaly, ranked by goodput, with the evidence the verdict rests
 * on; below them the UNSAFE ones with what they broke. Situations are autocommit and an outer
 * transaction at the server's default isolation (marked ★, e.g. {@code RC★}): the two an
 * application meets without asking for anything.
 *
 * @param server    server label, e.g. "PostgreSQL 17.6 (embedded)"
 * @param situation {@code autocommit} or {@code outer-tx RC★}
 * @param safe      strategies no race saw an anomaly of, best goodput first
 * @param unsafe    strategies a race saw an anomaly of, with the anomalies
 * @param inconclusive strategies whose races did not finish what they were asked
 */
public record Recommendation(String server, String situation, List<Ranked> safe, List<Broken> unsafe,
                             List<String> inconclusive) {

    /**
     * One SAFE strategy.
     *
     * @param strategy strategy id
     * @param evidence its races pooled: rounds and the 95 % bound on the per-round rate
     * @param goodput  successful calls/s per key distribution at {@code threads} (median of the
     *                 repeated steady runs), empty without steady runs
     * @param threads  the steady thread count the goodput is from (the most measured), 0 without
     */
    public record Ranked(String strategy, Evidence evidence, Map<String, Double> goodput, int threads) {

        /** The figure ranked by: goodput of the first key distribution, 0 without steady runs. */
        double headline() {
            return goodput.isEmpty() ? 0 : goodput.values().iterator().next();
        }
    }

    /** One UNSAFE strategy: the short names of what it broke, and its pooled evidence. */
    public record Broken(String strategy, List<String> anomalies, Evidence evidence) {
    }

    /** Per server: autocommit, then outer transaction at the server's default isolation. */
    public static List<Recommendation> of(List<RunResult> runs) {
        Map<String, List<RunResult>> byServer = new TreeMap<>();
        for (RunResult r : runs) {
            if (r.config() != null && r.target() != null) {
                byServer.computeIfAbsent(RunLabels.server(r.target()), k -> new ArrayList<>()).add(r);
            }
        }
        List<Recommendation> out = new ArrayList<>();
        byServer.forEach((server, rs) -> {
            for (boolean outerTx : new boolean[] {false, true}) {
                Recommendation rec = situation(server, rs, outerTx);
                if (rec != null) {
                    out.add(rec);
                }
            }
        });
        return out;
    }

    private static boolean plain(Conditions c, boolean outerTx) {
        return c.isolation() == null && c.outerTx() == outerTx && c.unique() && !c.sideEffect() && c.churn() == 0;
    }

    private static Recommendation situation(String server, List<RunResult> rs, boolean outerTx) {
        Map<String, List<RunResult>> races = new TreeMap<>(Palette.strategyOrder());
        Isolation isolation = null;
        for (RunResult r : rs) {
            if (r.config().workload() == WorkloadKind.RACE && plain(r.config().conditions(), outerTx)) {
                races.computeIfAbsent(r.config().strategy(), k -> new ArrayList<>()).add(r);
                isolation = isolation != null ? isolation : r.effectiveSituation().isolation();
            }
        }
        if (races.isEmpty()) {
            return null;
        }
        String label = outerTx ? "outer-tx " + (isolation == null ? "default" : abbreviation(isolation)) + "★"
                : "autocommit";
        List<Ranked> safe = new ArrayList<>();
        List<Broken> unsafe = new ArrayList<>();
        List<String> inconclusive = new ArrayList<>();
        races.forEach((strategy, mine) -> {
            VerdictGrid.Cell cell = VerdictGrid.cellOf(mine);
            if (!cell.anomalies().isEmpty()) {
                unsafe.add(new Broken(strategy, cell.anomalies(), cell.evidence()));
            } else if (mine.stream().anyMatch(r -> r.verdict() == Verdict.INCONCLUSIVE)) {
                inconclusive.add(strategy);
            } else {
                safe.add(ranked(strategy, cell.evidence(), rs, outerTx));
            }
        });
        safe.sort(Comparator.comparingDouble(Ranked::headline).reversed());
        return new Recommendation(server, label, List.copyOf(safe), List.copyOf(unsafe), List.copyOf(inconclusive));
    }

    /** RC, RR, SER. */
    static String abbreviation(Isolation i) {
        return switch (i) {
            case READ_COMMITTED -> "RC";
            case REPEATABLE_READ -> "RR";
            case SERIALIZABLE -> "SER";
        };
    }

    /**
     * Goodput of {@code strategy}'s steady runs in the situation (autocommit steady runs when the
     * situation has none of its own), per key distribution at the most threads measured, the median
     * of repeated runs.
     */
    private static Ranked ranked(String strategy, Evidence evidence, List<RunResult> rs, boolean outerTx) {
        List<RunResult> steady = steady(strategy, rs, outerTx);
        if (steady.isEmpty() && outerTx) {
            steady = steady(strategy, rs, false);
        }
        int threads = steady.stream().mapToInt(r -> r.config().threads()).max().orElse(0);
        Map<String, List<Double>> byKeys = new TreeMap<>(Recommendation::keysOrder);
        for (RunResult r : steady) {
            if (r.config().threads() == threads && r.config().keys() != null) {
                byKeys.computeIfAbsent(r.config().keys() + churn(r), k -> new ArrayList<>()).add(r.totals().goodput());
            }
        }
        Map<String, Double> goodput = new LinkedHashMap<>();
        byKeys.forEach((k, v) -> goodput.put(k, median(v)));
        return new Ranked(strategy, evidence, goodput, threads);
    }

    private static List<RunResult> steady(String strategy, List<RunResult> rs, boolean outerTx) {
        return rs.stream().filter(r -> r.config().workload() == WorkloadKind.STEADY && r.totals() != null
                && r.config().strategy().equals(strategy) && r.config().conditions().outerTx() == outerTx
                && r.config().conditions().isolation() == null).toList();
    }

    private static String churn(RunResult r) {
        double c = r.config().conditions().churn();
        return c == 0 ? "" : " churn " + RunLabels.trim(c);
    }

    /** hotset first (the hit path), then new (the create path), then the rest by name. */
    private static int keysOrder(String a, String b) {
        return Comparator.comparingInt(Recommendation::keysRank).thenComparing(Comparator.<String>naturalOrder())
                .compare(a, b);
    }

    private static int keysRank(String k) {
        return k.startsWith("hotset") ? 0 : k.startsWith("new") ? 1 : 2;
    }

    static double median(List<Double> values) {
        List<Double> v = new ArrayList<>(values);
        v.sort(null);
        int n = v.size();
        return n == 0 ? 0 : n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
    }

    /** The recommendation as Markdown: one table per server and situation, UNSAFE listed below it. */
    public static String markdown(List<Recommendation> recs) {
        StringBuilder b = new StringBuilder();
        for (Recommendation rec : recs) {
            b.append("**").append(rec.server()).append(" · ").append(rec.situation()).append("**");
            if (rec.situation().contains("★")) {
                b.append(" (★ = the server's default isolation)");
            }
            b.append("\n\n");
            TreeSet<String> keys = new TreeSet<>(Recommendation::keysOrder);
            rec.safe().forEach(r -> keys.addAll(r.goodput().keySet()));
            if (rec.safe().isEmpty()) {
                b.append("No strategy came through its races without an anomaly.\n\n");
            } else {
                b.append("| rank | strategy | evidence (anomalous/rounds, 95 % bound) |");
                keys.forEach(k -> b.append(" goodput/s ").append(k).append(" |"));
                b.append("\n|--:|---|---|");
                keys.forEach(k -> b.append("--:|"));
                b.append('\n');
                int rank = 1;
                for (Ranked r : rec.safe()) {
                    b.append("| ").append(rank++).append(" | `").append(r.strategy()).append("` | ")
                            .append(r.evidence() == null ? "" : "SAFE " + r.evidence().brief().replaceFirst(",", " " + r.evidence().unit().plural() + ",")).append(" |");
                    for (String k : keys) {
                        Double g = r.goodput().get(k);
                        b.append(' ').append(g == null ? "–" : String.format(Locale.ROOT, "%,.0f", g)
                                + " @" + r.threads() + "t").append(" |");
                    }
                    b.append('\n');
                }
                b.append('\n');
            }
            if (!rec.unsafe().isEmpty()) {
                b.append("UNSAFE here: ");
                List<String> parts = new ArrayList<>();
                for (Broken u : rec.unsafe()) {
                    parts.add("`" + u.strategy() + "` (" + String.join(", ", u.anomalies())
                            + (u.evidence() == null ? "" : "; " + u.evidence().brief()) + ")");
                }
                b.append(String.join(", ", parts)).append("\n\n");
            }
            if (!rec.inconclusive().isEmpty()) {
                b.append("INCONCLUSIVE (races cut short): ").append(String.join(", ", rec.inconclusive()))
                        .append("\n\n");
            }
        }
        return b.toString();
    }

    /**
     * The recommendation as plain text for the terminal: per server and situation the SAFE
     * strategies ranked, with their evidence and goodput per workload; UNSAFE ones on one line.
     */
    public static String plain(List<Recommendation> recs) {
        StringBuilder b = new StringBuilder();
        for (Recommendation rec : recs) {
            b.append(rec.server()).append(" · ").append(rec.situation())
                    .append(rec.situation().contains("★") ? " (★ = the server's default isolation)" : "").append('\n');
            TreeSet<String> keys = new TreeSet<>(Recommendation::keysOrder);
            rec.safe().forEach(r -> keys.addAll(r.goodput().keySet()));
            if (rec.safe().isEmpty()) {
                b.append("  no strategy came through its races without an anomaly\n");
            }
            int width = rec.safe().stream().mapToInt(r -> r.strategy().length()).max().orElse(0);
            int evWidth = rec.safe().stream().mapToInt(r -> evidence(r).length()).max().orElse(0);
            int rank = 1;
            for (Ranked r : rec.safe()) {
                b.append(String.format(Locale.ROOT, "  %2d. %-" + width + "s  %-" + evWidth + "s", rank++, r.strategy(),
                        evidence(r)));
                for (String k : keys) {
                    Double g = r.goodput().get(k);
                    b.append("  ").append(k).append(' ').append(g == null ? "–" : compact(g));
                }
                if (r.threads() > 0) {
                    // compare's steady runs are in autocommit: an outer-tx ranking borrows their goodput
                    b.append("  (goodput/s @").append(r.threads()).append("t")
                            .append(rec.situation().startsWith("outer-tx") ? ", measured in autocommit)" : ")");
                }
                b.append('\n');
            }
            if (!rec.unsafe().isEmpty()) {
                List<String> parts = new ArrayList<>();
                for (Broken u : rec.unsafe()) {
                    parts.add(u.strategy() + " (" + String.join(", ", u.anomalies()) + ")");
                }
                b.append("  UNSAFE here: ").append(String.join(", ", parts)).append('\n');
            }
            if (!rec.inconclusive().isEmpty()) {
                b.append("  INCONCLUSIVE (races cut short): ").append(String.join(", ", rec.inconclusive()))
                        .append('\n');
            }
        }
        return b.toString();
    }

    private static String evidence(Ranked r) {
        return r.evidence() == null ? "SAFE" : "SAFE " + r.evidence().brief();
    }

    /** 950, 12.3k, 1.25M. */
    static String compact(double v) {
        if (v >= 1e6) {
            return String.format(Locale.ROOT, "%.2fM", v / 1e6);
        }
        if (v >= 1e4) {
            return String.format(Locale.ROOT, "%.1fk", v / 1e3);
        }
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    /** The recommendation as HTML: the same tables as {@link #markdown(List)}. */
    public static String html(List<Recommendation> recs) {
        StringBuilder b = new StringBuilder();
        for (Recommendation rec : recs) {
            b.append("<h3>").append(Html.escape(rec.server() + " · " + rec.situation())).append("</h3>\n");
            if (rec.situation().contains("★")) {
                b.append("<p>★ = the server's default isolation</p>\n");
            }
            TreeSet<String> keys = new TreeSet<>(Recommendation::keysOrder);
            rec.safe().forEach(r -> keys.addAll(r.goodput().keySet()));
            if (rec.safe().isEmpty()) {
                b.append("<p>No strategy came through its races without an anomaly.</p>\n");
            } else {
                b.append("<table class=\"runs\"><thead><tr><th>rank</th><th>strategy</th>"
                        + "<th>evidence (anomalous/rounds, 95 % bound)</th>");
                keys.forEach(k -> b.append("<th>goodput/s ").append(Html.escape(k)).append("</th>"));
                b.append("</tr></thead>\n<tbody>\n");
                int rank = 1;
                for (Ranked r : rec.safe()) {
                    b.append("<tr><td>").append(rank++).append("</td><td><code>").append(Html.escape(r.strategy()))
                            .append("</code></td><td>").append(r.evidence() == null ? "" : Html.escape("SAFE "
                                    + r.evidence().brief().replaceFirst(",", " " + r.evidence().unit().plural() + ",")))
                            .append("</td>");
                    for (String k : keys) {
                        Double g = r.goodput().get(k);
                        b.append("<td>").append(g == null ? "–" : String.format(Locale.ROOT, "%,.0f", g) + " @"
                                + r.threads() + "t").append("</td>");
                    }
                    b.append("</tr>\n");
                }
                b.append("</tbody></table>\n");
            }
            if (!rec.unsafe().isEmpty()) {
                List<String> parts = new ArrayList<>();
                for (Broken u : rec.unsafe()) {
                    parts.add(u.strategy() + " (" + String.join(", ", u.anomalies())
                            + (u.evidence() == null ? "" : "; " + u.evidence().brief()) + ")");
                }
                b.append("<p>UNSAFE here: ").append(Html.escape(String.join(", ", parts))).append("</p>\n");
            }
            if (!rec.inconclusive().isEmpty()) {
                b.append("<p>INCONCLUSIVE (races cut short): ")
                        .append(Html.escape(String.join(", ", rec.inconclusive()))).append("</p>\n");
            }
        }
        return b.toString();
    }
}
