package io.github.gocbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gocbench.cli.user.Misfits;
import io.github.gocbench.cli.user.NaiveTagStrategy;
import io.github.gocbench.cli.user.SafeTagStrategy;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every way a --strategy-class can be wrong is one line on stderr and exit 2, before any server
 * is touched (the commands load the class before they open a target).
 */
class UserStrategyOptionsTest {

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Goc.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new String[] {String.valueOf(exit), out.toString(), err.toString()};
    }

    private static void oneLineExit2(String[] r, String contains) {
        assertThat(r[0]).as(r[2]).isEqualTo("2");
        assertThat(r[2].strip().lines()).hasSize(1);
        assertThat(r[2]).contains(contains).doesNotContain("\tat ");
        assertThat(r[1]).isEmpty();
    }

    @Test
    void aMissingClassIsOneLine() {
        oneLineExit2(run("race", "--db", "postgres", "--strategy-class", "com.acme.Nope"),
                "--strategy-class com.acme.Nope: class not found");
    }

    @Test
    void aClassThatIsNotAStrategyIsOneLine() {
        oneLineExit2(run("bench", "--db", "postgres", "--strategy-class", Misfits.NotAStrategy.class.getName()),
                "does not implement io.github.gocbench.spi.UserStrategy");
    }

    @Test
    void aConstructorThatThrowsIsOneLine() {
        oneLineExit2(run("race", "--db", "mariadb", "--strategy-class", Misfits.ThrowsOnConstruction.class.getName()),
                "its constructor threw IllegalStateException: tag.properties not found");
    }

    @Test
    void aBuiltInIdIsRefused() {
        oneLineExit2(run("compare", "--db", "postgres", "--strategy-class", Misfits.CallsItselfUpsert.class.getName()),
                "strategy id 'upsert' of " + Misfits.CallsItselfUpsert.class.getName() + " is a built-in strategy's id");
    }

    @Test
    void aMissingClasspathEntryIsOneLine() {
        oneLineExit2(run("race", "--db", "postgres", "--classpath", "/nonexistent/classes", "--strategy-class",
                NaiveTagStrategy.class.getName()), "--classpath entry '/nonexistent/classes' does not exist");
    }

    @Test
    void strategyAndStrategyClassTogetherAreRefusedByRace() {
        oneLineExit2(run("race", "--db", "postgres", "--strategy", "naive", "--strategy-class",
                NaiveTagStrategy.class.getName()), "give --strategy or --strategy-class, not both");
        oneLineExit2(run("race", "--db", "postgres"), "Missing required option: '--strategy=S' (or --strategy-class)");
    }

    @Test
    void churnAndSideEffectAreRefused() {
        oneLineExit2(run("race", "--db", "postgres", "--strategy-class", NaiveTagStrategy.class.getName(), "--churn",
                "0.5"), "--churn deletes rows from goc's own table");
        oneLineExit2(run("bench", "--db", "postgres", "--strategy-class", NaiveTagStrategy.class.getName(),
                "--side-effect"), "--side-effect counts goc's hook");
    }

    @Test
    void aClasspathWithoutServiceEntryOrWithTwoIsOneLine(@TempDir Path dir) throws IOException {
        oneLineExit2(run("race", "--db", "postgres", "--classpath", dir.toString()),
                "--classpath lists no io.github.gocbench.spi.UserStrategy in META-INF/services");
        Path services = Files.createDirectories(dir.resolve("META-INF/services"));
        Files.writeString(services.resolve("io.github.gocbench.spi.UserStrategy"),
                NaiveTagStrategy.class.getName() + "\n" + SafeTagStrategy.class.getName() + "\n");
        oneLineExit2(run("race", "--db", "postgres", "--classpath", dir.toString()),
                "--classpath lists 2 strategies");
    }
}
