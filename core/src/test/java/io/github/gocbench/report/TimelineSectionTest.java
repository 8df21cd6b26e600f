package io.github.gocbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gocbench.results.RunResult;
import io.github.gocbench.results.Timeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report draws a race's kept anomalous round as explain's swimlane (issue 18). */
class TimelineSectionTest {

    private static final Timeline ROUND = new Timeline(7, 42, List.of("NOT_FOUND_AFTER_CONFLICT"),
            List.of(new Timeline.Caller(0, 11L, "CREATED #3"), new Timeline.Caller(1, 12L, "NOT_FOUND_AFTER_CONFLICT")),
            List.of(new Timeline.Step(0, "INSERT IGNORE INTO goc_item (k) VALUES (:k)", 1_000, 90_000,
                            "1 row affected", null, null),
                    new Timeline.Step(1, "INSERT IGNORE INTO goc_item (k) VALUES (:k)", 2_000, 80_000,
                            "0 rows affected", null, null),
                    new Timeline.Step(1, "SELECT id FROM goc_item WHERE k = :k", 81_000, 85_000, "0 rows", null, null)),
            0);

    @Test
    void aRunWithTimelinesGetsItsFirstRoundDrawn() {
        RunResult race = SampleResults.race().get(0).withTimelines(List.of(ROUND));
        String md = TimelineSection.markdown(List.of(race, SampleResults.race().get(1)));
        assertThat(md).startsWith("## Anomalous rounds, statement by statement")
                .contains("Round 7 (NOT_FOUND_AFTER_CONFLICT), key 42")
                .contains("+81.0us SELECT id FROM goc_item WHERE k = :k")
                .contains("-> +80.0us 0 rows affected") // nothing else happened between its start and end
                .contains("<- +90.0us 1 row affected") // A's insert answered after B had read
                .contains("= NOT_FOUND_AFTER_CONFLICT (session 12)");
        assertThat(md.split("\\*\\*", -1)).hasSize(3); // one titled block: the run without timelines has none
        assertThat(TimelineSection.html(List.of(race))).contains("<details>").contains("&lt;- +90.0us 1 row affected");
    }

    @Test
    void theHtmlReportDrawsTheRoundAsAnInlineSvgAndTheMarkdownKeepsTheText(@TempDir Path dir) throws Exception {
        RunResult race = SampleResults.race().get(0).withTimelines(List.of(ROUND));
        ReportFiles files = Report.write(List.of(race), dir.resolve("report"));
        String html = Files.readString(files.html());
        String section = html.substring(html.indexOf("Anomalous rounds, statement by statement"));
        assertThat(section).contains("<figure class=\"swimlane\">\n<svg ").contains("caller B");
        assertThat(html.substring(0, html.indexOf("Anomalous rounds, statement by statement"))).doesNotContain("<svg");
        String md = Files.readString(files.markdown());
        assertThat(md).doesNotContain("<svg").contains("= NOT_FOUND_AFTER_CONFLICT (session 12)");
    }

    @Test
    void runsWithoutTimelinesAddNothing() {
        assertThat(TimelineSection.markdown(SampleResults.race())).isEmpty();
        assertThat(TimelineSection.html(SampleResults.race())).isEmpty();
    }
}
