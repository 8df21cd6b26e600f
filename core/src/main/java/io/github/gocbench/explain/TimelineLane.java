package io.github.gocbench.explain;

import io.github.gocbench.results.Timeline;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A race round's {@link Timeline} drawn with explain's swimlane ({@link ExplainText#lane}): one
 * column per caller, one row per event in time order. A statement whose answer came before any
 * other caller's next event is one row ({@code ->}); one that overlapped another's is two, its
 * start and, later, its answer ({@code <-}). Times are microseconds after the round's release.
 */
public final class TimelineLane {

    private TimelineLane() {
    }

    /** The swimlane of {@code t}. */
    public static Swimlane lane(Timeline t) {
        record Event(long at, int order, Timeline.Step step, boolean start) {
        }
        List<Event> events = new ArrayList<>();
        int order = 0;
        for (Timeline.Step s : t.steps()) {
            events.add(new Event(s.startNanos(), order, s, true));
            events.add(new Event(s.endNanos(), order, s, false));
            order++;
        }
        events.sort(Comparator.comparingLong(Event::at).thenComparing(Event::start)
                .thenComparingInt(Event::order));
        List<Swimlane.Row> rows = new ArrayList<>();
        int step = 0;
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            Timeline.Step s = e.step();
            if (e.start()) {
                step++;
                String sql = micros(s.startNanos()) + " " + s.sql();
                boolean alone = i + 1 < events.size() && events.get(i + 1).step() == s;
                if (alone) {
                    rows.add(new Swimlane.Row(step, s.caller(), sql, micros(s.endNanos()) + " " + s.result(), null));
                    i++;
                } else {
                    rows.add(new Swimlane.Row(step, s.caller(), sql, null, null));
                }
            } else {
                rows.add(new Swimlane.Row(step, s.caller(), "", micros(s.endNanos()) + " " + s.result(), null));
            }
        }
        return new Swimlane(rows, t.callers().size());
    }

    /** The callers' answers as the lane's last line: outcome and session. */
    public static List<String> answers(Timeline t) {
        List<String> out = new ArrayList<>();
        for (Timeline.Caller c : t.callers()) {
            out.add(c.answer() + (c.connection() == null ? "" : " (session " + c.connection() + ")"));
        }
        return out;
    }

    /** {@code t} as terminal text: a heading line and the swimlane. */
    public static String text(Timeline t) {
        return heading(t) + '\n' + ExplainText.lane(lane(t), answers(t));
    }

    /** {@code t} as an SVG swimlane ({@link SwimlaneSvg}) for the report: the same heading and lane. */
    public static String svg(Timeline t) {
        return SwimlaneSvg.svg(List.of(heading(t)), lane(t), answers(t), List.of());
    }

    private static String heading(Timeline t) {
        StringBuilder sb = new StringBuilder();
        sb.append("Round ").append(t.round()).append(" (").append(String.join(", ", t.anomalies()))
                .append("), key ").append(t.key()).append("; times in us after the round's release");
        if (t.dropped() > 0) {
            sb.append("; ").append(t.dropped()).append(" statement(s) beyond the buffer not kept");
        }
        return sb.toString();
    }

    /** Nanoseconds as {@code +12.3us} (or {@code -4.0us} before the release). */
    static String micros(long nanos) {
        return String.format(java.util.Locale.ROOT, "%s%.1fus", nanos < 0 ? "-" : "+", Math.abs(nanos) / 1000.0);
    }
}
