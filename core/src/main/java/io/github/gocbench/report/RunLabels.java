package io.github.gocbench.report;

import io.github.gocbench.results.RunResult;
import io.github.gocbench.server.TargetInfo;
import io.github.gocbench.strategy.Conditions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How runs are named in chart titles, table columns and file names: the server as
 * "PostgreSQL 17.6 (embedded)", the condition as "autocommit" / "outer-tx" plus whatever else
 * differs from the defaults, and file-name slugs of both.
 */
final class RunLabels {

    private RunLabels() {
    }

    /** "PostgreSQL 17.6 (embedded)": product, the numeric part of the version, provision. */
    static String server(TargetInfo t) {
        if (t == null) {
            return "unknown server";
        }
        String product = t.product() != null && !t.product().isBlank() ? t.product()
                : t.family() != null ? t.family().cliName() : "server";
        StringBuilder b = new StringBuilder(product);
        if (t.version() != null && !t.version().isBlank()) {
            b.append(' ').append(TargetInfo.shortVersion(t.version()));
        }
        if (t.provision() != null) {
            b.append(" (").append(t.provision().cliName()).append(')');
        }
        return b.toString();
    }

    /** "PostgreSQL 17.6" from "PostgreSQL 17.6 (embedded)": for narrow columns; the environment names the provision. */
    static String withoutProvision(String serverLabel) {
        return serverLabel.replaceFirst(" \\((embedded|url|container)\\)$", "");
    }

    /**
     * The condition of a run as a verdict-grid column reads it: "autocommit" or "outer-tx",
     * prefixed by a non-default isolation and followed by "no-unique", "side-effect",
     * "churn 0.5" when those are on.
     */
    static String condition(RunResult.ConfigInfo c) {
        return condition(c.conditions());
    }

    /** As {@link #condition(RunResult.ConfigInfo)}, for the conditions themselves. */
    static String condition(Conditions c) {
        List<String> parts = new ArrayList<>();
        if (c.isolation() != null) {
            parts.add(c.isolation().cliName());
        }
        parts.add(c.outerTx() ? "outer-tx" : "autocommit");
        if (!c.unique()) {
            parts.add("no-unique");
        }
        if (c.sideEffect()) {
            parts.add("side-effect");
        }
        if (c.churn() > 0) {
            parts.add("churn " + trim(c.churn()));
        }
        return String.join(" ", parts);
    }

    /**
     * A steady workload as a chart title names it: the key choice, what it measures, the
     * condition, e.g. "new (create-heavy) · autocommit".
     */
    static String workload(String keys, String condition) {
        String kind = kind(keys, condition);
        String situation = condition.replaceFirst(" churn [0-9.]+", "");
        return (kind.isEmpty() ? "keys " + keys : kind) + " · " + situation;
    }

    /** The key choice and churn behind a workload, e.g. "keys hot, churn 1". */
    static String workloadDetail(String keys, String condition) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("churn ([0-9.]+)").matcher(condition);
        return "keys " + keys + (m.find() ? ", churn " + m.group(1) : "");
    }

    /** "hit-heavy" (hotset), "create-heavy" (new), "get-or-create then delete" (churn), else "". */
    static String kind(String keys, String condition) {
        if (condition.contains("churn")) {
            return "get-or-create then delete";
        }
        if (keys.startsWith("hotset")) {
            return "hit-heavy";
        }
        return keys.equals("new") ? "create-heavy" : "";
    }

    /** Order of the workloads in a report: hit-heavy, create-heavy, get-or-create then delete, the rest. */
    static int workloadRank(String keys, String condition) {
        return switch (kind(keys, condition)) {
            case "hit-heavy" -> 0;
            case "create-heavy" -> 1;
            case "get-or-create then delete" -> 2;
            default -> 3;
        };
    }

    /** A file-name-safe form: lower case, runs of other characters turned into one dash. */
    static String slug(String... parts) {
        String joined = String.join("-", parts).toLowerCase(Locale.ROOT);
        String s = joined.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "chart" : s;
    }

    /** A number without a trailing ".0". */
    static String trim(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
