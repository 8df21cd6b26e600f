package io.github.gocbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads JMH's JSON results ({@code -rf json}: an array of {benchmark, mode, threads, params,
 * primaryMetric{score, scoreError, scoreUnit}, …}) as throughput points (scoreError as the error bar), so {@code goc report} can draw
 * benchmark results beside the harness's own runs.
 *
 * <p>Mapping: strategy from the {@code strategy} param, else the benchmark method's name; server
 * from the {@code db} (or {@code server}, {@code target}) param, else "JMH"; keys from the
 * {@code keys} param; condition "outer-tx" when an {@code outerTx} param is true, else
 * "autocommit", followed by any other params as {@code name=value}. Only throughput mode
 * ({@code thrpt}) is read, converted to calls per second; other modes measure time per call
 * and are skipped.
 */
public final class JmhResults {

    private static final Logger log = LoggerFactory.getLogger(JmhResults.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private JmhResults() {
    }

    /** True when {@code root} looks like JMH output: an array whose first entry has benchmark and primaryMetric. */
    public static boolean isJmh(JsonNode root) {
        return root != null && root.isArray() && root.size() > 0 && root.get(0).has("benchmark")
                && root.get(0).has("primaryMetric");
    }

    /** Reads a JMH JSON file. */
    public static List<ThroughputPoint> read(Path file) throws IOException {
        JsonNode root = JSON.readTree(file.toFile());
        if (!isJmh(root)) {
            throw new IOException(file + " is not JMH JSON output (-rf json): expected an array of benchmark results");
        }
        return points(root);
    }

    /** Maps a parsed JMH result array to throughput points. */
    public static List<ThroughputPoint> points(JsonNode root) throws IOException {
        List<ThroughputPoint> out = new ArrayList<>();
        int skipped = 0;
        for (JsonNode b : root) {
            String benchmark = text(b, "benchmark", "benchmark");
            if (!"thrpt".equals(b.path("mode").asText())) {
                skipped++;
                continue;
            }
            JsonNode metric = b.path("primaryMetric");
            double perSecond = perSecond(metric.path("score").asDouble(Double.NaN), metric.path("scoreUnit").asText(""),
                    benchmark);
            Map<String, String> params = new TreeMap<>();
            for (Map.Entry<String, JsonNode> e : b.path("params").properties()) {
                params.put(e.getKey(), e.getValue().asText());
            }
            String strategy = take(params, "strategy");
            if (strategy == null) {
                strategy = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            }
            String server = first(take(params, "db"), take(params, "server"), take(params, "target"), "JMH");
            String keys = first(take(params, "keys"), "-");
            String outer = take(params, "outerTx");
            StringBuilder condition = new StringBuilder(Boolean.parseBoolean(outer) ? "outer-tx" : "autocommit");
            params.forEach((k, v) -> condition.append(' ').append(k).append('=').append(v));
            // JMH's own error (99.9 % interval half-width), in the same unit as the score; NaN with one fork/iteration
            double error = perSecond * metric.path("scoreError").asDouble(0)
                    / Math.max(Double.MIN_VALUE, metric.path("score").asDouble(1));
            error = Double.isFinite(error) ? Math.abs(error) : 0;
            out.add(new ThroughputPoint(server, keys, condition.toString(), strategy, b.path("threads").asInt(1),
                    perSecond, Math.max(0, perSecond - error), perSecond + error, false));
        }
        if (skipped > 0) {
            log.debug("skipped {} JMH results not in throughput mode", skipped);
        }
        return out;
    }

    private static double perSecond(double score, String unit, String benchmark) throws IOException {
        String u = unit.trim().toLowerCase(Locale.ROOT);
        double factor = switch (u) {
            case "ops/s" -> 1;
            case "ops/ms" -> 1e3;
            case "ops/us" -> 1e6;
            case "ops/ns" -> 1e9;
            case "ops/min" -> 1 / 60.0;
            case "ops/hr" -> 1 / 3600.0;
            default -> throw new IOException("JMH result " + benchmark + ": unknown throughput unit '" + unit + "'");
        };
        if (Double.isNaN(score)) {
            throw new IOException("JMH result " + benchmark + " has no primaryMetric.score");
        }
        return score * factor;
    }

    private static String text(JsonNode n, String field, String fallback) {
        String s = n.path(field).asText("");
        return s.isEmpty() ? fallback : s;
    }

    private static String take(Map<String, String> params, String key) {
        return params.remove(key);
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
