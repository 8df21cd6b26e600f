package io.github.gocbench.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workload kind in results: typed in memory, the same words on disk as before it was typed. */
class WorkloadKindTest {

    /** A committed sweep (schema version 1, a bare array) holding both race and steady runs. */
    private static final Path COMMITTED = Path.of("..", "results", "20261201-203102", "results.json");

    private static final Pattern WORKLOAD = Pattern.compile("\"workload\" : \"([^\"]*)\"");

    @TempDir
    Path dir;

    @Test
    void idsAreTheWordsResultsHold() {
        assertThat(WorkloadKind.RACE.id()).isEqualTo("race");
        assertThat(WorkloadKind.STEADY.id()).isEqualTo("steady");
        for (WorkloadKind k : WorkloadKind.values()) {
            assertThat(WorkloadKind.of(k.id())).isSameAs(k);
        }
    }

    @Test
    void committedDocumentReadsItsKindsAndWritesTheSameWordsBack() throws IOException {
        List<String> words = workloads(Files.readString(COMMITTED, StandardCharsets.UTF_8));
        assertThat(words).contains("race", "steady");

        List<RunResult> runs = ResultsWriter.readJson(COMMITTED);
        assertThat(runs).hasSize(words.size());
        for (int i = 0; i < runs.size(); i++) {
            assertThat(runs.get(i).config().workload()).as("run %d", i).isEqualTo(WorkloadKind.of(words.get(i)));
        }
        assertThat(runs).filteredOn(r -> r.config().workload() == WorkloadKind.RACE)
                .allSatisfy(r -> assertThat(r.race()).isNotNull());
        assertThat(runs).filteredOn(r -> r.config().workload() == WorkloadKind.STEADY)
                .allSatisfy(r -> assertThat(r.race()).isNull());

        Path again = dir.resolve("again.json");
        ResultsWriter.writeJson(again, runs);
        assertThat(workloads(Files.readString(again, StandardCharsets.UTF_8))).isEqualTo(words);
        assertThat(ResultsWriter.readJson(again)).isEqualTo(runs);
    }

    @Test
    void csvHoldsTheWord() {
        RunResult r = ResultsWriterTest.sample("naive", 0);
        int column = ResultsWriter.csvHeader().indexOf("workload");
        assertThat(ResultsWriter.csvRow(r).get(column)).isEqualTo("race");
    }

    @Test
    void unknownKindFailsNamingIt() throws IOException {
        String text = Files.readString(COMMITTED, StandardCharsets.UTF_8)
                .replaceFirst("\"workload\" : \"race\"", "\"workload\" : \"sprint\"");
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, text, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ResultsWriter.readJson(bad))
                .hasMessageContaining("unknown workload kind \"sprint\": expected race or steady");
        assertThatThrownBy(() -> WorkloadKind.of("RACE"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown workload kind \"RACE\": expected race or steady");
    }

    private static List<String> workloads(String json) {
        Matcher m = WORKLOAD.matcher(json);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
