package io.github.gocbench.cli;

import static io.github.gocbench.report.ResultsDiffTest.race;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.gocbench.results.Provenance;
import io.github.gocbench.results.ResultsWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code goc diff} on saved files: its exit code gates CI, its Markdown goes to a pull request. */
class DiffCommandTest {

    @TempDir
    Path dir;

    private String[] goc(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Goc.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return new String[] {String.valueOf(cl.execute(args)), out.toString(), err.toString()};
    }

    @Test
    void aVerdictRegressionExitsOneAndIsWrittenAsMarkdown() throws IOException {
        Path old = dir.resolve("old");
        Files.createDirectories(old);
        ResultsWriter.writeJson(old.resolve("results.json"),
                Provenance.start("compare", List.of("compare")).finish(null), List.of(race("upsert", 0)));
        Path now = dir.resolve("new.json");
        ResultsWriter.writeJson(now, List.of(race("upsert", 4)));
        Path md = dir.resolve("diff.md");
        String[] r = goc("diff", old.toString(), now.toString(), "--out", md.toString());
        assertThat(r[0]).as(r[2]).isEqualTo("1");
        assertThat(r[1]).contains("**1 regression.**").contains("SAFE | UNSAFE | **regression**")
                .contains("(no provenance recorded)");
        assertThat(Files.readString(md)).isEqualTo(r[1]);

        String[] same = goc("diff", old.toString(), old.toString());
        assertThat(same[0]).isEqualTo("0");
        assertThat(same[1]).contains("**No regression.**");
    }

    @Test
    void missingOrJunkInputIsOneLineAndExitTwo() throws IOException {
        String[] r = goc("diff", dir.resolve("nope").toString(), dir.resolve("nada").toString());
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2].strip()).doesNotContain("\n").contains("no such file or folder");
        Path junk = dir.resolve("junk.json");
        Files.writeString(junk, "{not json");
        String[] j = goc("diff", junk.toString(), junk.toString());
        assertThat(j[0]).isEqualTo("2");
        assertThat(j[2].strip()).doesNotContain("\n").contains("is not goc-bench results");
        assertThat(j[2]).doesNotContain("Exception");
    }
}
