package io.github.gocbench.engine;

import io.github.gocbench.dialect.Dialect;
import io.github.gocbench.outcome.Messages;
import io.github.gocbench.outcome.Outcome;
import io.github.gocbench.results.Timeline;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The race's recorder of anomalous rounds (issue 18): one {@link RoundLog} per caller, cleared
 * between rounds; when a round turns out anomalous (and fewer than {@link #keep} were kept) the
 * logs become a {@link Timeline}. Clean rounds leave nothing behind. Used by the barrier action
 * only, which runs while every worker waits.
 */
final class Forensics {

    private static final Logger LOG = LoggerFactory.getLogger(Forensics.class);

    /** Anomalous rounds kept per race. */
    static final int KEEP = 5;
    /** Statements kept per caller and round (a get-or-create sends a handful; retries send more). */
    static final int CAPACITY = 64;

    private final RoundLog[] logs;
    private final int keep;
    private final Dialect dialect;
    private final List<Timeline> kept = new ArrayList<>();
    private int notKept;

    Forensics(int callers, int capacity, int keep, Dialect dialect) {
        this.logs = new RoundLog[callers];
        for (int i = 0; i < callers; i++) {
            logs[i] = new RoundLog(capacity);
        }
        this.keep = keep;
        this.dialect = dialect;
    }

    RoundLog log(int caller) {
        return logs[caller];
    }

    /** Forgets the round's statements (between rounds). */
    void clear() {
        for (RoundLog l : logs) {
            l.clear();
        }
    }

    /** Whether the next anomalous round would be kept; when not, counts it as not kept. */
    boolean wantsMore() {
        if (kept.size() < keep) {
            return true;
        }
        notKept++;
        return false;
    }

    /**
     * Keeps the round just ended, when fewer than {@link #keep} are kept.
     *
     * @param releaseNanos the round's release ({@code System.nanoTime()}), time zero of the timeline
     * @param answers      each caller's answer, in caller order
     */
    void keep(int round, long key, long releaseNanos, List<String> anomalies, List<String> answers) {
        if (kept.size() >= keep) {
            notKept++;
            return;
        }
        List<Timeline.Caller> callers = new ArrayList<>();
        List<Timeline.Step> steps = new ArrayList<>();
        int dropped = 0;
        for (int c = 0; c < logs.length; c++) {
            RoundLog l = logs[c];
            Long connection = l.size() > 0 ? l.connectionOf[0] : l.connection();
            callers.add(new Timeline.Caller(c, connection, c < answers.size() ? answers.get(c) : "?"));
            dropped += l.dropped();
            for (int i = 0; i < l.size(); i++) {
                steps.add(step(c, l, i, key, releaseNanos));
            }
        }
        steps.sort(Comparator.comparingLong(Timeline.Step::startNanos).thenComparingInt(Timeline.Step::caller));
        kept.add(new Timeline(round, key, anomalies, callers, steps, dropped));
    }

    private Timeline.Step step(int caller, RoundLog l, int i, long key, long releaseNanos) {
        String sql = render(l.sql[i], l.hasParam[i], l.param[i], key);
        long start = l.start[i] - releaseNanos;
        long end = l.end[i] - releaseNanos;
        return switch (l.kind[i]) {
            case ROWS -> new Timeline.Step(caller, sql, start, end, l.count[i] + (l.count[i] == 1 ? " row" : " rows")
                    + (l.hasValue[i] ? ": " + l.value[i] : ""), null, null);
            case AFFECTED -> new Timeline.Step(caller, sql, start, end, l.count[i]
                    + (l.count[i] == 1 ? " row affected" : " rows affected"), null, null);
            case OK -> new Timeline.Step(caller, sql, start, end, "ok", null, null);
            case RUNNING -> new Timeline.Step(caller, sql, start, end, "(no answer: cut short)", null, null);
            case ERROR -> error(caller, sql, start, end, l.error[i]);
        };
    }

    private Timeline.Step error(int caller, String sql, long start, long end, SQLException e) {
        Outcome o = dialect == null ? null : dialect.classify(e);
        String state = e.getSQLState();
        int vendor = e.getErrorCode(); // copied into the record, never compared here
        String text = "ERROR " + (state == null ? "?" : state) + (vendor != 0 ? "/" + vendor : "") + " "
                + (o == null ? Outcome.OTHER : o) + ": " + Messages.firstLine(String.valueOf(e.getMessage()));
        return new Timeline.Step(caller, sql, start, end, text.length() > 160 ? text.substring(0, 157) + "..." : text,
                state, vendor);
    }

    /** The SQL with its first parameter in place of the first {@code ?} ({@code :k} for the round's key). */
    static String render(String sql, boolean hasParam, long param, long key) {
        if (sql == null) {
            return "(statement)";
        }
        int q = sql.indexOf('?');
        if (!hasParam || q < 0) {
            return sql;
        }
        return sql.substring(0, q) + (param == key ? ":k" : String.valueOf(param)) + sql.substring(q + 1);
    }

    /** The timelines kept, in round order. */
    List<Timeline> timelines() {
        return List.copyOf(kept);
    }

    /** Anomalous rounds beyond {@link #keep}, not kept. */
    int notKept() {
        return notKept;
    }

    /**
     * The server's id of {@code raw}'s session (PostgreSQL {@code pg_backend_pid()}, MariaDB/MySQL
     * {@code CONNECTION_ID()}), read once when a race connection opens; {@code null} when it fails.
     */
    static Long sessionId(Connection raw, Dialect dialect) {
        try {
            return dialect.sessionId(raw);
        } catch (SQLException | RuntimeException e) {
            LOG.debug("could not read the session id", e);
            return null;
        }
    }
}
