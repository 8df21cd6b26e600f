package io.github.gocbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gocbench.results.BuildInfo;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code --help} and {@code --version} of every command: no server, no stack trace, exit 0. */
class HelpTest {

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Goc.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new String[] {String.valueOf(exit), out.toString(), err.toString()};
    }

    @ParameterizedTest
    @ValueSource(strings = {"strategies", "race", "bench", "replay", "explain", "compare", "matrix", "report", "diff"})
    void everyCommandExplainsItselfOnceAndExitsZero(String command) {
        String[] r = run(command, "--help");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(r[1]).startsWith("Usage: goc " + command);
        String header = Goc.commandLine().getSubcommands().get(command).getCommandSpec().usageMessage().header()[0];
        assertThat(r[1]).as("the one-line header belongs to 'goc --help', not to the command's own help")
                .doesNotContain(header);
        assertThat(run("--help")[1]).contains(header.substring(0, Math.min(40, header.length())));
    }

    @Test
    void gitStyleHelpNamesTheCommand() {
        String[] r = run("help", "compare");
        assertThat(r[0]).isEqualTo("0");
        assertThat(r[1]).startsWith("Usage: goc compare");
    }

    @Test
    void versionNamesTheBuild() {
        String[] r = run("--version");
        assertThat(r[0]).isEqualTo("0");
        assertThat(r[1].strip()).isEqualTo("goc-bench " + BuildInfo.current().label());
    }

    @Test
    void labelCarriesTheRevisionAsBuildMetadata() {
        assertThat(new BuildInfo("0.1.0", "3ae08a8", false).label()).isEqualTo("0.1.0+3ae08a8");
        assertThat(new BuildInfo("0.1.0", "3ae08a8", true).label()).isEqualTo("0.1.0+3ae08a8.dirty");
        assertThat(new BuildInfo("dev", "unknown", false).label()).isEqualTo("dev");
    }
}
