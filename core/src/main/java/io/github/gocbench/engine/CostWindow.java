package io.github.gocbench.engine;

import io.github.gocbench.cost.ServerProbe;
import io.github.gocbench.cost.Snapshot;
import io.github.gocbench.outcome.Outcome;
import io.github.gocbench.results.CallCost;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run's cost window (issue 17): the server's counters read on the checker connection when the
 * window opens and closes, each worker's wire counts and session id at its edges, and the
 * figures per successful call. A steady run opens it when every worker reached the measured
 * window (so no warm-up call is in flight); a race opens it before its first round. With the
 * server-side probes off ({@code --no-cost}) nothing is read from the server, on the checker or
 * on the workers' connections: the server figures are unavailable with the reason, the client's
 * own counts (statements, round trips, retries) are still taken from the sockets.
 */
final class CostWindow {

    private static final Logger LOG = LoggerFactory.getLogger(CostWindow.class);
    static final int RETRY_BUCKETS = 17;

    private final ServerProbe probe;
    private final Connection checker;
    private final String table;
    private final boolean churn;
    private final String window;
    private final String off;
    private volatile Snapshot before;
    private volatile long openedNanos;
    private volatile String missed;

    /** @param off why the server-side probes are off, or {@code null} when they are on */
    CostWindow(ServerProbe probe, Connection checker, String table, boolean churn, String window, String off) {
        this.off = off;
        this.probe = probe;
        this.checker = checker;
        this.table = table;
        this.churn = churn;
        this.window = window;
    }

    /** What each worker runs on its own connection at the window's edges; {@code null} (nothing) when off. */
    String sessionSql() {
        return off != null ? null : probe.sessionSql();
    }

    /** Reads the counters at the window's start (the steady run's gate action, or before a race). */
    void open() {
        if (off == null) {
            before = probe.read(checker, table, false);
        }
        openedNanos = System.nanoTime();
    }

    /** A worker missed the window's start: the figures cannot be isolated. */
    void missed(String why) {
        missed = why;
    }

    /** Reads the counters at the window's end and works out the figures; call after the workers ended. */
    CallCost close(List<Worker> workers) {
        long calls = 0;
        long retries = 0;
        long[] hist = new long[RETRY_BUCKETS];
        long statements = 0;
        long roundTrips = 0;
        String unreadable = null;
        List<Long> sessions = new ArrayList<>();
        for (Worker w : workers) {
            calls += w.outcome(Outcome.CREATED) + w.outcome(Outcome.FOUND);
            retries += w.retries();
            long[] h = w.retryHistogram();
            for (int i = 0; i < hist.length; i++) {
                hist[i] += h[i];
            }
            statements += w.windowStatements();
            roundTrips += w.windowRoundTrips();
            if (unreadable == null && !w.wire().statementsReadable()) {
                unreadable = w.wire().unreadableBecause();
            }
            if (w.sessionId() != null) {
                sessions.add(w.sessionId());
            }
        }
        List<CallCost.Figure> figures = new ArrayList<>();
        Snapshot b = before;
        String approximate = missed;
        if (off != null) {
            for (CallCost.Figure f : probe.figures(new Snapshot(), new Snapshot(), calls, churn)) {
                figures.add(CallCost.Figure.unavailable(f.name(), f.unit(), f.serverWide(), f.source(), off));
            }
        } else if (b == null) {
            String why = missed != null ? missed : "the window's start was never probed";
            for (CallCost.Figure f : probe.figures(new Snapshot(), new Snapshot(), calls, churn)) {
                figures.add(CallCost.Figure.unavailable(f.name(), f.unit(), f.serverWide(), f.source(), why));
            }
        } else {
            double seconds = (System.nanoTime() - openedNanos) / 1e9;
            Snapshot a = probe.read(checker, table, true);
            figures.addAll(probe.figures(b, a, calls, churn));
            String others = probe.otherSessions(checker, b, sessions, seconds);
            if (others != null) {
                approximate = approximate == null ? others : approximate + "; " + others;
            }
        }
        String wire = "client: counted on the socket";
        figures.add(unreadable == null ? CallCost.Figure.of("statements", "statements", statements, calls, false,
                wire + " (PostgreSQL Execute/Query messages, MySQL COM_QUERY/COM_STMT_EXECUTE)")
                : CallCost.Figure.unavailable("statements", "statements", false, wire, unreadable));
        figures.add(CallCost.Figure.of("round_trips", "round trips", roundTrips, calls, false,
                wire + " (a write followed by a read)"));
        figures.add(CallCost.Figure.of("retries", "retries", retries, calls, false, "the strategy's Got.retries()"));
        Map<String, Long> histogram = new LinkedHashMap<>();
        for (int i = 0; i < hist.length; i++) {
            if (hist[i] > 0) {
                histogram.put(Integer.toString(i), hist[i]);
            }
        }
        if (approximate != null) {
            LOG.info("cost figures are approximate: {}", approximate);
        }
        return new CallCost(window, calls, approximate != null, approximate, figures, histogram);
    }
}
