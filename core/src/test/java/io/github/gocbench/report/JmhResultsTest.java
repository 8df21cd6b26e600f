package io.github.gocbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JmhResultsTest {

    @TempDir
    Path dir;

    /** Shaped like JMH 1.37's {@code -rf json} output, trimmed to the fields JMH always writes. */
    static String jmhJson() {
        StringBuilder b = new StringBuilder("[");
        String[] strategies = {"naive", "upsert"};
        int[] threads = {1, 2, 4, 8};
        boolean first = true;
        for (String s : strategies) {
            for (int t : threads) {
                double opsPerMs = (s.equals("naive") ? 4.0 : 3.0) * t * 0.8;
                b.append(first ? "" : ",").append("""
                        {"jmhVersion":"1.37","benchmark":"io.github.gocbench.bench.GetOrCreateBench.getOrCreate",
                         "mode":"thrpt","threads":%d,"forks":1,"jvm":"/usr/bin/java","jdkVersion":"17.0.15",
                         "warmupIterations":2,"warmupTime":"1 s","measurementIterations":3,"measurementTime":"2 s",
                         "params":{"db":"postgres","keys":"hot","strategy":"%s","outerTx":"false"},
                         "primaryMetric":{"score":%s,"scoreError":0.1,"scoreConfidence":[1.0,2.0],
                           "scorePercentiles":{"50.0":1.0},"scoreUnit":"ops/ms","rawData":[[1.0,2.0]]},
                         "secondaryMetrics":{}}
                        """.formatted(t, s, Double.toString(opsPerMs)));
                first = false;
            }
        }
        b.append("""
                ,{"benchmark":"io.github.gocbench.bench.GetOrCreateBench.getOrCreate","mode":"avgt","threads":1,
                  "params":{"db":"postgres","keys":"hot","strategy":"naive"},
                  "primaryMetric":{"score":250.0,"scoreUnit":"us/op"},"secondaryMetrics":{}}
                """);
        return b.append("]").toString();
    }

    @Test
    void mapsThroughputResultsToPointsInCallsPerSecond() throws IOException {
        Path f = dir.resolve("jmh.json");
        Files.writeString(f, jmhJson());
        List<ThroughputPoint> points = JmhResults.read(f);
        assertThat(points).hasSize(8); // the avgt entry is skipped
        // scoreError (0.1 ops/ms) becomes the error bar, in calls/s
        assertThat(points).contains(new ThroughputPoint("postgres", "hot", "autocommit", "naive", 8, 25_600.0,
                25_500.0, 25_700.0, false));
        assertThat(points).allMatch(p -> p.server().equals("postgres") && p.keys().equals("hot"));
    }

    @Test
    void strategyFallsBackToTheBenchmarkMethodAndOtherParamsJoinTheCondition() throws IOException {
        Path f = dir.resolve("other.json");
        Files.writeString(f, """
                [{"benchmark":"x.y.Bench.insertFirst","mode":"thrpt","threads":4,"params":{"size":"10"},
                  "primaryMetric":{"score":12.5,"scoreUnit":"ops/s"}}]
                """);
        assertThat(JmhResults.read(f)).containsExactly(
                new ThroughputPoint("JMH", "-", "autocommit size=10", "insertFirst", 4, 12.5));
    }

    @Test
    void rejectsWhatIsNotJmhOutput() throws IOException {
        Path f = dir.resolve("results.json");
        Files.writeString(f, "{\"tool\":\"goc-bench\"}");
        assertThatThrownBy(() -> JmhResults.read(f)).isInstanceOf(IOException.class).hasMessageContaining("not JMH");
        Path g = dir.resolve("bad-unit.json");
        Files.writeString(g, "[{\"benchmark\":\"a.B.c\",\"mode\":\"thrpt\",\"threads\":1,"
                + "\"primaryMetric\":{\"score\":1,\"scoreUnit\":\"furlongs\"}}]");
        assertThatThrownBy(() -> JmhResults.read(g)).isInstanceOf(IOException.class).hasMessageContaining("furlongs");
    }

    @Test
    void reportRedrawsJmhResultsAlone() throws IOException {
        Path f = dir.resolve("jmh.json");
        Files.writeString(f, jmhJson());
        ReportFiles files = Report.redraw(List.of(f));
        assertThat(files.dir()).isEqualTo(dir.toAbsolutePath());
        assertThat(files.charts()).extracting(RenderedChart::id)
                .containsExactly("jmh-throughput-postgres-hot-autocommit");
        assertThat(files.charts().get(0).title()).isEqualTo("JMH throughput — postgres · keys hot · autocommit");
        assertThat(Files.readString(files.markdown())).contains("8 JMH throughput results.", "`jmh.json`")
                .doesNotContain("## Verdict");
        assertThat(dir.resolve("jmh.json")).as("the input is left alone").hasContent(jmhJson());
    }
}
