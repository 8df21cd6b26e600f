package io.github.gocbench.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs every benchmark once, with minimal iterations, against embedded PostgreSQL and MariaDB:
 * correctness only (it runs, it counts every call, the counters add up), never speed.
 *
 * <p>Key distributions: {@code hot} and {@code new} for throughput, {@code hotset:1000} for
 * average time; {@code uniform} and {@code zipf} only differ in the keys drawn (engine's KeySpec tests). Kept to
 * 18 trials so the test stays near a minute on a loaded 2-core machine.
 *
 * <p>forks(0) keeps it in this JVM, so each embedded server starts once for all trials (and
 * {@code durable} stays at its default, false). Two threads, so the racing paths can be taken.
 */
class BenchmarkSmokeIT {

    private static final String[] DBS = {"postgres", "mariadb"};
    private static final String[] STRATEGIES = {"naive", "transactional", "upsert"};
    private static final List<String> OUTCOME_COUNTERS = List.of("created", "found", "duplicateKey",
            "notFoundAfterConflict", "deadlock", "serializationFailure", "lockTimeout", "timeout",
            "connectionLost", "otherFailure");

    private static ChainedOptionsBuilder minimal(String benchmark) {
        return new OptionsBuilder()
                .include(GetOrCreateBenchmark.class.getName() + "\\." + benchmark + "$")
                .param("db", DBS)
                .param("strategy", STRATEGIES)
                .forks(0)
                .threads(2)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(200))
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT);
    }

    @Test
    void throughputRunsForEveryDbAndStrategy() throws RunnerException {
        Collection<RunResult> results = new Runner(minimal("throughput")
                .param("keys", "hot", "new") // most contention, all inserts; hotset runs below
                .build()).run();

        assertThat(results).hasSize(DBS.length * STRATEGIES.length * 2);
        for (RunResult r : results) {
            assertCounted(r);
            if (r.getParams().getParam("keys").equals("new")) {
                // every key is fresh, so every call inserts: nothing to race on
                assertThat(counter(r, "created")).as(label(r)).isEqualTo(counter(r, "calls"));
            }
        }
    }

    @Test
    void averageTimeRunsForEveryDbAndStrategy() throws RunnerException {
        Collection<RunResult> results = new Runner(minimal("averageTime")
                .param("keys", "hotset:1000")
                .build()).run();

        assertThat(results).hasSize(DBS.length * STRATEGIES.length);
        for (RunResult r : results) {
            assertCounted(r);
            assertThat(r.getPrimaryResult().getScoreUnit()).isEqualTo("us/op");
        }
    }

    /** A score, every counter present, and every call counted under exactly one outcome. */
    private static void assertCounted(RunResult r) {
        String label = label(r);
        assertThat(r.getPrimaryResult().getScore()).as(label).isPositive();
        Map<String, Result> secondary = r.getSecondaryResults();
        List<String> expected = new ArrayList<>(OUTCOME_COUNTERS);
        expected.add("calls");
        expected.add("retries");
        assertThat(secondary).as(label).containsKeys(expected.toArray(String[]::new));
        double calls = counter(r, "calls");
        assertThat(calls).as(label).isPositive();
        double sum = OUTCOME_COUNTERS.stream().mapToDouble(name -> counter(r, name)).sum();
        assertThat(sum).as(label + ": outcomes add up to calls").isEqualTo(calls);
        if (!r.getParams().getParam("strategy").equals("naive")) {
            // transactional catches the unique violation and reads again; upsert never raises it
            assertThat(counter(r, "duplicateKey")).as(label).isZero();
        }
    }

    private static double counter(RunResult r, String name) {
        return r.getSecondaryResults().get(name).getScore();
    }

    private static String label(RunResult r) {
        return r.getParams().getBenchmark() + " db=" + r.getParams().getParam("db") + " strategy="
                + r.getParams().getParam("strategy") + " keys=" + r.getParams().getParam("keys");
    }

}
