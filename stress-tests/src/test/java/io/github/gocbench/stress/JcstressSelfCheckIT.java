package io.github.gocbench.stress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Proves the bounded jcstress mode of {@code ./mvnw verify} can see the race it guards against:
 * it runs only {@code selfcheck.HashMapCheckThenPutDeclaredSafe} (the racy HashMap
 * check-then-put, wrongly declaring "loader ran twice" / "different ids" FORBIDDEN) with exactly
 * the suite's arguments, and requires jcstress to fail it: a non-zero exit and the test reported
 * FAILED with a forbidden outcome. Measured (README.md, "jcstress"): in the bounded mode the racy
 * outcomes show up in 1-5% of about 100,000 samples per configuration, thousands of sightings
 * where one suffices.
 */
class JcstressSelfCheckIT {

    @Test
    void boundedModeCatchesTheHashMapRace() throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("goc.jcstress.jar", "target/jcstress.jar"));
        assertThat(jar).as("the shaded jcstress jar (built in the package phase)").exists();
        Path dir = jar.toAbsolutePath().getParent();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        String args = System.getProperty("goc.jcstress.args", "-m sanity -f 1 -iters 1 -time 300 -c 2");
        cmd.addAll(Arrays.asList(args.trim().split("\\s+")));
        cmd.addAll(List.of("-t", "io\\.github\\.gocbench\\.stress\\.selfcheck\\.",
                "-r", dir.resolve("jcstress-selfcheck").toString()));
        Path log = dir.resolve("jcstress-selfcheck.txt");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        // bound: the self-check is one test (a few seconds); never let it hang the build
        if (!p.waitFor(3, TimeUnit.MINUTES)) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("jcstress self-check did not end within 3 minutes; see " + log);
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as("jcstress exit code (output in %s)", log).isNotZero();
        assertThat(out).contains("[FAILED] io.github.gocbench.stress.selfcheck.HashMapCheckThenPutDeclaredSafe");
        // an outcome actually observed (non-zero samples) graded Forbidden
        assertThat(out).containsPattern("(?m)^\\s+\\d, \\d, \\d\\s+[1-9][\\d,]*\\s+\\S+%\\s+Forbidden");
    }
}
