package io.github.gocbench.explain;

import io.github.gocbench.results.ResultsWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * One result's shortest schedule as an SVG swimlane ({@link SwimlaneSvg}) for {@code goc explain --svg}:
 * a column per caller, a row per step; waits in amber with whom they wait for, errors in red.
 */
public final class ExplainSvg {

    private ExplainSvg() {
    }

    /** The SVG of the first anomalous result (else the first result) of {@code e}. */
    public static String svg(Explanation e) {
        Explanation.Result r = e.results().stream().filter(Explanation.Result::anomalous).findFirst()
                .orElse(e.results().isEmpty() ? null : e.results().get(0));
        String title = "goc explain: " + e.strategy() + " on " + e.db() + ", " + e.conditions() + ", " + e.callers()
                + " callers";
        if (r == null) {
            return SwimlaneSvg.svg(List.of(title), new Swimlane(List.of(), e.callers()), List.of(),
                    List.of(e.verdict()));
        }
        return SwimlaneSvg.svg(List.of(title, r.summary() + (r.anomalous() ? "   ANOMALY" : "") + " (" + r.schedules()
                        + " of " + e.schedules() + " schedules; shortest: " + r.shortest() + ")"),
                r.lane(), r.answers(), List.of(e.verdict()));
    }

    /** Writes the SVG to {@code file} atomically. */
    public static void write(Path file, Explanation e, boolean overwrite) throws IOException {
        byte[] bytes = svg(e).getBytes(StandardCharsets.UTF_8);
        ResultsWriter.writeAtomically(file, overwrite, out -> out.write(bytes));
    }
}
