package io.github.gocbench.stress;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Writes {@code results/jcstress/summary.md} from the console output of a long jcstress run
 * (profile {@code jcstress-long}): the run's final "RUN RESULTS" section (interesting, failed and
 * error tests with their observed outcome tables). Only the long mode writes it, so an ordinary
 * {@code ./mvnw verify} leaves the git tree clean.
 *
 * <p>Usage: {@code JcstressSummary <jcstress console output> <summary.md>}.
 */
public final class JcstressSummary {

    private JcstressSummary() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: JcstressSummary <jcstress output> <summary.md>");
            System.exit(2);
        }
        List<String> lines = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
        int from = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("RUN RESULTS:")) {
                from = i;
            }
        }
        StringBuilder md = new StringBuilder();
        md.append("# jcstress: long run\n\n")
                .append("Written by `./mvnw -pl stress-tests -Pjcstress-long verify` at ").append(Instant.now())
                .append(" on ").append(Runtime.getRuntime().availableProcessors()).append(" CPUs, Java ")
                .append(System.getProperty("java.version")).append(".\n")
                .append("The HTML report is in `stress-tests/target/jcstress-report/index.html`.\n\n");
        if (from < 0) {
            md.append("The run printed no \"RUN RESULTS\" section: it did not finish. See ")
                    .append(args[0]).append(".\n");
        } else {
            md.append("```\n");
            for (String line : lines.subList(from, lines.size())) {
                md.append(line).append('\n');
            }
            md.append("```\n");
        }
        Path out = Path.of(args[1]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, md.toString(), StandardCharsets.UTF_8);
        System.out.println("jcstress summary written to " + out.normalize());
    }
}
