package io.github.gocbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** {@code goc explain} in-process against embedded PostgreSQL: the safe wording, JSON and SVG, and bad input. */
class ExplainCommandIT {

    record Run(int exit, String out, String err) {
    }

    static Run goc(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Goc.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void upsertInAutocommitIsSafeAtStatementGranularityWithTheCount(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("explain.json");
        Path svg = dir.resolve("explain.svg");
        Run r = goc("explain", "--db", "postgres", "--strategy", "upsert", "--json", json.toString(), "--svg",
                svg.toString(), "--fail-on-anomaly");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("(?m)^safe at statement granularity for 2 callers \\(\\d+ schedules"
                + " explored\\)$");
        JsonNode doc = new ObjectMapper().readTree(json.toFile());
        assertThat(doc.path("explanation").path("schedules").asInt()).isPositive();
        assertThat(doc.path("explanation").path("complete").asBoolean()).isTrue();
        assertThat(doc.path("verdict").asText()).startsWith("safe at statement granularity");
        assertThat(Files.readString(svg)).startsWith("<svg").contains("caller A").contains("caller B");
    }

    @Test
    void naiveFailsOnAnomalyWhenAsked() {
        Run r = goc("explain", "--db", "postgres", "--strategy", "naive", "--fail-on-anomaly");
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.ANOMALY);
        assertThat(r.out()).contains("UNSAFE at statement granularity for 2 callers").contains("23505");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--callers 4|--callers must be 2 or 3",
            "--strategy nope|unknown strategy 'nope'",
            "--preemptions -1|--preemptions must not be negative",
            "--deadline soon|--deadline",
            "--side-effect|--side-effect is not explored by explain"})
    void badInputIsOneLineAndExitTwo(String extra, String message) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("explain", "--db", "postgres"));
        if (!extra.startsWith("--strategy")) {
            args.addAll(java.util.List.of("--strategy", "naive"));
        }
        args.addAll(java.util.List.of(extra.split(" ")));
        Run r = goc(args.toArray(String[]::new));
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains(message);
        assertThat(r.out()).isEmpty();
    }
}
