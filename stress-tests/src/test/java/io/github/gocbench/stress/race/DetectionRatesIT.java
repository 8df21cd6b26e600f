package io.github.gocbench.stress.race;

import io.github.gocbench.engine.Bounds;
import io.github.gocbench.engine.Engine;
import io.github.gocbench.engine.ProgressListener;
import io.github.gocbench.engine.RunConfig;
import io.github.gocbench.engine.Workload;
import io.github.gocbench.outcome.Outcome;
import io.github.gocbench.results.RunResult;
import io.github.gocbench.server.Dialects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Measures the detection rates the race suites' round counts rest on: every declared row on
 * every target, {@code goc.stress.rounds} rounds (default 200) of {@link RaceSuiteIT#THREADS}
 * threads, writing rounds-with-an-anomaly / rounds per row to
 * {@code target/detection-rates.md}. Only a measurement (it asserts nothing); run it with
 * {@code ./mvnw -pl stress-tests verify -Dgoc.stress.measure=true -Dit.test=DetectionRatesIT}.
 */
@EnabledIfSystemProperty(named = "goc.stress.measure", matches = "true")
class DetectionRatesIT {

    @Test
    void measure() throws IOException {
        int rounds = Integer.getInteger("goc.stress.rounds", 200);
        // optional filter, a regex over "target strategy situation", e.g. "postgres/url upsert-cte"
        java.util.regex.Pattern only = java.util.regex.Pattern.compile(System.getProperty("goc.stress.only", ""));
        StringBuilder md = new StringBuilder("| target | strategy | condition | declared | rounds with an anomaly "
                + "| rate | anomalous calls | first anomaly |\n|---|---|---|---|---|---|---|---|\n");
        for (StressTargets.Named t : StressTargets.all()) {
            if (t.optional()) {
                continue;
            }
            String dialect = Dialects.of(t.spec().family()).id();
            for (Declared d : RaceSuiteIT.rows()) {
                if (!d.dialect().equals(dialect) || !only.matcher(t + " " + d.strategy() + " " + d.whenName()).find()) {
                    continue;
                }
                RunResult r = Engine.run(StressTargets.open(t), new RunConfig(d.strategy(),
                        new Workload.Race(RaceSuiteIT.THREADS, rounds), d.conditions(), Bounds.DEFAULT),
                        ProgressListener.NONE);
                String calls = r.outcomes().entrySet().stream().filter(e -> e.getKey().isAnomaly() && e.getValue() > 0)
                        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
                String version = r.target() == null ? "" : " " + r.target().version();
                md.append(String.format(Locale.ROOT, "| %s%s | %s | %s | %s | %d/%d | %.2f | %s | %s |%n", t, version,
                        d.strategy(), d.whenName(),
                        declared(d),
                        r.race().roundsWithAnomaly(), r.race().rounds(),
                        r.race().rounds() == 0 ? 0.0 : (double) r.race().roundsWithAnomaly() / r.race().rounds(),
                        calls.isEmpty() ? "-" : calls, first(r)));
                System.out.print(md.substring(md.lastIndexOf("\n", md.length() - 2) + 1));
            }
        }
        Files.writeString(Path.of("target", "detection-rates.md"), md.toString());
    }

    private static String declared(Declared d) {
        if (d.safe()) {
            return "safe";
        }
        String known = d.known().stream().map(Outcome::name).collect(Collectors.joining(" "));
        String possible = d.possible().stream().map(Outcome::name).collect(Collectors.joining(" "));
        return known + (possible.isEmpty() ? "" : (known.isEmpty() ? "" : "; ") + "possible " + possible);
    }

    private static String first(RunResult r) {
        RunResult.FirstAnomaly a = r.firstAnomaly();
        if (a == null) {
            return "-";
        }
        String m = a.message() == null ? "" : a.message().replace('|', '/');
        return a.kind() + (a.sqlState() == null ? "" : " " + a.sqlState()) + ": " + (m.length() > 90 ? m.substring(0, 90) + "…" : m);
    }
}
