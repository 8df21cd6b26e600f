package io.github.gocbench.report;

import io.github.gocbench.explain.TimelineLane;
import io.github.gocbench.results.RunResult;
import io.github.gocbench.results.Timeline;
import java.util.List;

/**
 * The report's "Anomalous rounds, statement by statement" section (issue 18): for each race that
 * kept timelines, its first anomalous round drawn as explain's swimlane (in the HTML as an inline SVG,
 * {@link io.github.gocbench.explain.SwimlaneSvg}, with the text below it). One round per run and at
 * most {@link #MAX_RUNS} runs, so a compare's report stays readable; the results files keep all.
 */
final class TimelineSection {

    static final int MAX_RUNS = 12;
    private static final String HEADING = "Anomalous rounds, statement by statement";
    private static final String INTRO = "Each race keeps its first anomalous rounds as every caller's connection saw"
            + " them: statements with start and end in microseconds after the round's release (one clock), the"
            + " server session (PostgreSQL pg_backend_pid(), MariaDB/MySQL CONNECTION_ID()) and what each returned."
            + " The first one of each run is drawn here; `timelines` in the results JSON holds up to 5 per run.";

    private TimelineSection() {
    }

    private static List<RunResult> withTimelines(List<RunResult> runs) {
        return runs.stream().filter(r -> r.timelines() != null).toList();
    }

    private static String title(RunResult r) {
        return (r.target() == null ? "" : RunLabels.server(r.target()) + ": ") + r.config().strategy() + ", "
                + r.config().threads() + " threads, " + RunLabels.condition(r.config());
    }

    static String markdown(List<RunResult> runs) {
        List<RunResult> with = withTimelines(runs);
        if (with.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("## ").append(HEADING).append("\n\n").append(INTRO).append("\n\n");
        for (RunResult r : with.subList(0, Math.min(MAX_RUNS, with.size()))) {
            Timeline t = r.timelines().get(0);
            b.append("**").append(title(r)).append("**\n\n```\n").append(TimelineLane.text(t)).append("```\n\n");
        }
        if (with.size() > MAX_RUNS) {
            b.append(with.size() - MAX_RUNS).append(" more run(s) kept timelines: see the results JSON.\n\n");
        }
        return b.toString();
    }

    static String html(List<RunResult> runs) {
        List<RunResult> with = withTimelines(runs);
        if (with.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("<h2>").append(HEADING).append("</h2>\n<p>")
                .append(Html.escape(INTRO.replace("`", ""))).append("</p>\n");
        for (RunResult r : with.subList(0, Math.min(MAX_RUNS, with.size()))) {
            Timeline t = r.timelines().get(0);
            b.append("<h3>").append(Html.escape(title(r))).append("</h3>\n<figure class=\"swimlane\">\n")
                    .append(TimelineLane.svg(t)).append("</figure>\n<details><summary>As text (to replay by hand)"
                            + "</summary>\n<pre>").append(Html.escape(TimelineLane.text(t))).append("</pre></details>\n");
        }
        if (with.size() > MAX_RUNS) {
            b.append("<p>").append(with.size() - MAX_RUNS).append(" more run(s) kept timelines: see the results JSON.</p>\n");
        }
        return b.toString();
    }
}
