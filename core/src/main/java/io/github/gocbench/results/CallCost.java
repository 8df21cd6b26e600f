package io.github.gocbench.results;

import java.util.List;
import java.util.Map;

/**
 * What a run's calls cost the server and the wire, per successful call (issue 17): server
 * counters read before and after the measured window, and the client's own counts. See
 * {@code results/SCHEMA.md}, section "cost".
 *
 * @param window             what the figures cover: {@code measured} (a steady run's measured
 *                           window) or {@code run} (a race: every round)
 * @param successfulCalls    calls that answered CREATED or FOUND in the window: the divisor
 * @param approximate        true when the window could not be isolated (other sessions were active
 *                           on the server, or a worker missed the window's start)
 * @param approximateBecause why, or {@code null}
 * @param figures            every metric, available or not (an unavailable one says why, never 0)
 * @param retriesHistogram   successful calls by the retries they needed (key: retries, the last
 *                           key "16" meaning 16 or more); {@code null} when not counted
 */
public record CallCost(String window, long successfulCalls, boolean approximate, String approximateBecause,
                       List<Figure> figures, Map<String, Long> retriesHistogram) {

    public CallCost {
        figures = figures == null ? List.of() : List.copyOf(figures);
    }

    /**
     * One metric.
     *
     * @param name        stable id, e.g. {@code wal_bytes} (see SCHEMA.md)
     * @param unit        what is counted, e.g. {@code bytes}, {@code ids}
     * @param total       the window's total, or {@code null} when unavailable
     * @param perCall     total / successful calls, or {@code null} when unavailable or no call succeeded
     * @param serverWide  true for a server-wide counter (other databases' and clients' work included)
     * @param source      where the number comes from, e.g. {@code pg_current_wal_lsn()}
     * @param unavailable why the server could not give it, or {@code null}
     */
    public record Figure(String name, String unit, Double total, Double perCall, boolean serverWide, String source,
                         String unavailable) {

        /** A measured figure. */
        public static Figure of(String name, String unit, double total, long calls, boolean serverWide,
                                String source) {
            return new Figure(name, unit, total, calls > 0 ? total / calls : null, serverWide, source, null);
        }

        /** A figure the server could not give, with why. */
        public static Figure unavailable(String name, String unit, boolean serverWide, String source, String why) {
            return new Figure(name, unit, null, null, serverWide, source, why);
        }
    }

    /** The figure named {@code name}, or {@code null}. */
    public Figure figure(String name) {
        for (Figure f : figures) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        return null;
    }

    /** The per-call value of {@code name}, or {@code null} when absent or unavailable. */
    public Double perCall(String name) {
        Figure f = figure(name);
        return f == null ? null : f.perCall();
    }
}
