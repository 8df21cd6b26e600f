package io.github.gocbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gocbench.results.Provenance;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProvenanceBlockTest {

    private static Provenance provenance(double loadAfter) {
        return new Provenance("goc-bench", "0.1.0-SNAPSHOT", "abc1234", false, "compare",
                List.of("compare", "--quick", "--db-url", "jdbc:postgresql://h/db?user=u&password=***"),
                Instant.parse("2026-12-02T04:00:00Z"), Instant.parse("2026-12-02T04:02:57Z"),
                new Provenance.Host("AMD EPYC", 2, 24L * 1024 * 1024 * 1024, "Linux 6.1 (amd64)", "17.0.15", 0.5,
                        loadAfter),
                Map.of("PostgreSQL JDBC Driver", "42.7.8"), new Provenance.BoundsInfo(600, 5, 2, 10));
    }

    @Test
    void everyFactOfWhereTheResultsCameFromIsALine() {
        List<String> lines = ProvenanceBlock.lines(List.of(provenance(1.5)));
        assertThat(lines).containsExactly(
                "made by `goc compare --quick --db-url jdbc:postgresql://h/db?user=u&password=***` with goc-bench"
                        + " 0.1.0-SNAPSHOT at revision `abc1234`",
                "from 2026-12-02T04:00:00Z to 2026-12-02T04:02:57Z (2m57s)",
                "host: AMD EPYC, 2 cores, 24 GiB, Linux 6.1 (amd64), Java 17.0.15; load average 0.50 before, 1.50 after",
                "bounds: deadline 600 s per run, statement timeout 5 s, lock timeout 2 s, call watchdog 10 s",
                "JDBC drivers: PostgreSQL JDBC Driver 42.7.8");
    }

    @Test
    void aBusyHostIsSaidToBeBusyAndSeveralDocumentsAreNumbered() {
        List<String> lines = ProvenanceBlock.lines(List.of(provenance(3.2), provenance(0.1)));
        assertThat(lines).anyMatch(l -> l.startsWith("[1] host:") && l.endsWith("(a busy machine: throughput is noisy)"));
        assertThat(lines).anyMatch(l -> l.startsWith("[2] host:") && !l.contains("busy"));
        assertThat(ProvenanceBlock.lines(List.of())).isEmpty();
    }
}
