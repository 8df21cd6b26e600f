package io.github.gocbench.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gocbench.dialect.DbFamily;
import io.github.gocbench.outcome.Invariant;
import io.github.gocbench.outcome.Evidence;
import io.github.gocbench.outcome.Outcome;
import io.github.gocbench.outcome.Phase;
import io.github.gocbench.strategy.Expect;
import io.github.gocbench.strategy.Grade;
import io.github.gocbench.strategy.Situation;
import io.github.gocbench.outcome.Verdict;
import io.github.gocbench.server.Provision;
import io.github.gocbench.server.TargetInfo;
import io.github.gocbench.strategy.Conditions;
import io.github.gocbench.strategy.Isolation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsWriterTest {

    @TempDir
    Path dir;

    static RunResult sample(String strategy, long dups) {
        Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
        outcomes.put(Outcome.CREATED, 100L);
        outcomes.put(Outcome.FOUND, 700L);
        outcomes.put(Outcome.DUPLICATE_KEY, dups);
        Map<Invariant, Long> invariants = new EnumMap<>(Invariant.class);
        invariants.put(Invariant.DOUBLE_CREATE, 0L);
        return new RunResult("goc-bench", "dev", Instant.parse("2026-11-27T04:00:00.123Z"),
                new RunResult.HostInfo(2, "17.0.9 (Eclipse Adoptium)", "Linux 6.1 amd64"),
                new TargetInfo(DbFamily.POSTGRES, "PostgreSQL", "17.6", Provision.EMBEDDED,
                        "jdbc:postgresql://localhost:5432/postgres?user=postgres&password=****",
                        Map.of("fsync", "off", "default_transaction_isolation", "read committed")),
                new RunResult.ConfigInfo(strategy, WorkloadKind.RACE, 8, 100, null, null, null,
                        new Conditions(Isolation.READ_COMMITTED, false, true, false, 0.0)),
                new RunResult.Totals(800, 1.5, 533.33),
                outcomes, invariants,
                new RunResult.Latency(120, 400, 1500, 3000, 4100),
                3, new RunResult.RaceFigures(100, 40, 0.4),
                dups > 0 ? Verdict.UNSAFE : Verdict.SAFE,
                dups > 0 ? new RunResult.FirstAnomaly("DUPLICATE_KEY", 2, 35, "23505", 0,
                        "ERROR: duplicate key value violates unique constraint \"goc_item_k_key\"") : null,
                true, null);
    }

    @Test
    void jsonRoundTripsOneObject() throws IOException {
        Path f = dir.resolve("one.json");
        RunResult r = sample("naive", 12);
        ResultsWriter.writeJson(f, List.of(r));
        String text = Files.readString(f);
        assertThat(text.trim()).startsWith("{");
        assertThat(text).contains("\"schemaVersion\" : 2").contains("\"2026-11-27T04:00:00.123Z\"").contains("\"DUPLICATE_KEY\" : 12")
                .contains("\"OTHER\" : 0").contains("\"REPEATED_SIDE_EFFECT\" : 0");
        assertThat(ResultsWriter.readJson(f)).containsExactly(r);
    }

    /** Format 2: phases, evidence and grading go to JSON and CSV and come back equal. */
    @Test
    void formatTwoRoundTripsPhasesEvidenceAndGrading() throws IOException {
        RunResult old = sample("naive", 12);
        Map<Phase, Map<Outcome, Long>> byPhase = Map.of(Phase.CALL, Map.of(Outcome.DUPLICATE_KEY, 12L),
                Phase.CHURN, Map.of(Outcome.SERIALIZATION_FAILURE, 115L), Phase.READ, Map.of(Outcome.OTHER, 0L));
        RunResult r = new RunResult(old.tool(), old.toolVersion(), old.time(), old.host(), old.target(), old.config(),
                old.totals(), old.outcomes(), old.invariants(), old.latencyMicros(), old.retries(), old.race(),
                old.verdict(), old.firstAnomaly(), true, null, RunResult.SCHEMA_VERSION, byPhase,
                RunResult.EvidenceFigures.of(Evidence.ofRounds(100, 40, 8)), null);
        r = r.withGrading(r.grade(Expect.safe(Situation.OUTER_READ_COMMITTED).known(Situation.AUTOCOMMIT,
                Outcome.DUPLICATE_KEY)));
        assertThat(r.grading().grade()).isEqualTo(Grade.AS_DECLARED);
        assertThat(r.failuresByPhase()).doesNotContainKey(Phase.READ); // zeros dropped
        assertThat(r.workloadNoise()).isEqualTo(115);
        Path f = dir.resolve("v2.json");
        ResultsWriter.writeJson(f, List.of(r));
        assertThat(Files.readString(f)).contains("\"schemaVersion\" : 2").contains("\"CHURN\"")
                .contains("\"upperBound95\"").contains("\"grade\" : \"AS_DECLARED\"");
        assertThat(ResultsWriter.readJson(f)).containsExactly(r);
        Path csv = dir.resolve("v2.csv");
        ResultsWriter.writeCsv(csv, List.of(r));
        List<String> lines = Files.readAllLines(csv);
        List<String> header = List.of(lines.get(0).split(","));
        List<String> row = List.of(lines.get(1).split(",", -1));
        assertThat(row.get(header.indexOf("noise_churn"))).isEqualTo("115");
        assertThat(row.get(header.indexOf("trials"))).isEqualTo("100");
        assertThat(row.get(header.indexOf("grade"))).isEqualTo("AS_DECLARED");
        assertThat(row.get(header.indexOf("situation"))).isEqualTo("autocommit");
    }

    /** A format-1 document (no phases, evidence or grading) reads back with its evidence derived from its rounds. */
    @Test
    void formatOneDocumentsGetDerivedEvidence() {
        RunResult r = sample("naive", 3);
        assertThat(r.schemaVersion()).isZero();
        assertThat(r.evidence().trials()).isEqualTo(100);
        assertThat(r.evidence().anomalous()).isEqualTo(40);
        assertThat(r.evidence().toEvidence().describe()).startsWith("anomalies in 40 of 100 rounds of 8 threads");
        assertThat(r.grading()).isNull();
    }

    @Test
    void jsonRoundTripsAnArray() throws IOException {
        Path f = dir.resolve("many.json");
        List<RunResult> rs = List.of(sample("naive", 3), sample("transactional", 0));
        ResultsWriter.writeJson(f, rs);
        List<RunResult> back = ResultsWriter.readJson(f);
        assertThat(back).isEqualTo(rs);
        assertThat(back.get(0).outcomes().keySet()).containsExactly(Outcome.values());
    }

    @Test
    void provenanceTravelsWithTheRuns() throws IOException {
        Path f = dir.resolve("prov.json");
        Provenance p = Provenance.start("race", List.of("race", "--db", "mariadb", "--db-password", "s3cret",
                        "--db-url", "jdbc:mysql://h:3306/test?user=root&password=hunter2", "--db-password=other"))
                .finish(Provenance.BoundsInfo.of(java.time.Duration.ofMinutes(10), java.time.Duration.ofSeconds(5),
                        java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(10)));
        ResultsWriter.writeJson(f, p, List.of(sample("naive", 1)));
        String text = Files.readString(f);
        assertThat(text).doesNotContain("s3cret").doesNotContain("hunter2").doesNotContain("other");
        ResultsWriter.Document back = ResultsWriter.readDocument(f);
        assertThat(back.schemaVersion()).isEqualTo(ResultsWriter.SCHEMA_VERSION);
        assertThat(back.provenance()).isEqualTo(p);
        assertThat(back.provenance().arguments()).containsSubsequence("--db-password", "****")
                .contains("--db-password=****");
        assertThat(back.provenance().bounds().deadlineSeconds()).isEqualTo(600.0);
        assertThat(back.provenance().host().loadAfter()).isNotNull();
        assertThat(back.runs()).containsExactly(sample("naive", 1));
    }

    @Test
    void readsVersionOneFilesAndRefusesNewerOnes() throws IOException {
        Path one = dir.resolve("v1.json");
        Files.writeString(one, "[" + Files.readString(writeOne("naive")) + "]");
        ResultsWriter.Document d = ResultsWriter.readDocument(one);
        assertThat(d.schemaVersion()).isEqualTo(1);
        assertThat(d.provenance()).isNull();
        assertThat(d.runs()).containsExactly(sample("naive", 1));
        Path future = dir.resolve("v99.json");
        Files.writeString(future, "{\"schemaVersion\": 99, \"runs\": []}");
        assertThatThrownBy(() -> ResultsWriter.readDocument(future)).isInstanceOf(IOException.class)
                .hasMessageContaining("schema version 99");
    }

    /** A version-1 single-run file: the run object alone. */
    private Path writeOne(String strategy) throws IOException {
        Path f = dir.resolve(strategy + "-run.json");
        Path doc = dir.resolve(strategy + "-doc.json");
        ResultsWriter.writeJson(doc, List.of(sample(strategy, 1)));
        com.fasterxml.jackson.databind.ObjectMapper m = new com.fasterxml.jackson.databind.ObjectMapper();
        Files.writeString(f, m.writeValueAsString(m.readTree(doc.toFile()).path("runs").get(0)));
        return f;
    }

    @Test
    void refusesToOverwriteUnlessAsked() throws IOException {
        Path f = dir.resolve("r.json");
        ResultsWriter.writeJson(f, List.of(sample("naive", 1)));
        assertThatThrownBy(() -> ResultsWriter.writeJson(f, List.of(sample("upsert", 0))))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(ResultsWriter.readJson(f).get(0).config().strategy()).isEqualTo("naive");
        ResultsWriter.writeJson(f, List.of(sample("upsert", 0)), true);
        assertThat(ResultsWriter.readJson(f).get(0).config().strategy()).isEqualTo("upsert");
        assertNoTempFiles();
    }

    @Test
    void failingWriteLeavesNoPartialFile() throws IOException {
        Path f = dir.resolve("broken.json");
        assertThatThrownBy(() -> ResultsWriter.writeAtomically(f, false, out -> {
            out.write("{\"tool\" : \"goc-be".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full (simulated)");
        })).hasMessageContaining("disk full");
        assertThat(f).doesNotExist();
        assertNoTempFiles();

        // and an existing file keeps its old content when the replacement fails
        ResultsWriter.writeJson(f, List.of(sample("naive", 1)));
        assertThatThrownBy(() -> ResultsWriter.writeAtomically(f, true, out -> {
            out.write('[');
            throw new IOException("boom");
        })).hasMessage("boom");
        assertThat(ResultsWriter.readJson(f)).containsExactly(sample("naive", 1));
        assertNoTempFiles();
    }

    @Test
    void csvHasHeaderAndOneRowPerResultWithEveryColumn() throws IOException {
        Path f = dir.resolve("r.csv");
        ResultsWriter.writeCsv(f, List.of(sample("naive", 5), sample("transactional", 0)));
        List<String> lines = Files.readAllLines(f);
        assertThat(lines).hasSize(3);
        List<String> header = List.of(lines.get(0).split(","));
        assertThat(header).startsWith("time", "db", "product", "version", "provision", "strategy")
                .contains("duplicate_key", "not_found_after_conflict", "duplicate_rows", "repeated_side_effect",
                        "p50_us", "max_us", "retries")
                .contains("verdict", "complete", "grade", "situation")
                .contains("repeats", "goodput_median_per_s", "goodput_min_per_s", "goodput_max_per_s")
                .endsWith("cost_round_trips_per_call", "cost_retries_per_call");
        List<String> row = List.of(lines.get(1).split(",", -1));
        assertThat(row).hasSize(header.size());
        assertThat(row.get(header.indexOf("duplicate_key"))).isEqualTo("5");
        assertThat(row.get(header.indexOf("db"))).isEqualTo("postgres");
        assertThat(row.get(header.indexOf("verdict"))).isEqualTo("UNSAFE");
        assertThat(lines.get(2)).contains(",transactional,").contains(",SAFE,");
    }

    @Test
    void conditionsAreWrittenFlatInConfigAndReadBackTyped() throws IOException {
        Path f = dir.resolve("typed.json");
        ResultsWriter.writeJson(f, List.of(sample("naive", 0)));
        String text = Files.readString(f);
        assertThat(text.replaceAll("\\s+", " ")).contains("\"keys\" : null, \"isolation\" : \"read-committed\","
                + " \"outerTx\" : false, \"unique\" : true, \"sideEffect\" : false, \"churn\" : 0.0 }")
                .doesNotContain("conditions");
        // older files hold the enum spelling, or "default" for the server's own level
        Files.writeString(f, text.replace("\"read-committed\"", "\"REPEATABLE_READ\"").replace("\"outerTx\" : false",
                "\"outerTx\" : true"), StandardCharsets.UTF_8);
        RunResult.ConfigInfo back = ResultsWriter.readJson(f).get(0).config();
        assertThat(back.conditions()).isEqualTo(new Conditions(Isolation.REPEATABLE_READ, true, true, false, 0.0));
        Files.writeString(f, text.replace("\"read-committed\"", "\"default\""), StandardCharsets.UTF_8);
        back = ResultsWriter.readJson(f).get(0).config();
        assertThat(back.conditions()).isEqualTo(Conditions.DEFAULT);
        Files.writeString(f, text.replace("\"read-committed\"", "\"snapshot\""), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ResultsWriter.readJson(f)).isInstanceOf(IOException.class)
                .hasMessageContaining("snapshot");
    }

    /** A user strategy's description (framework and version) is written in config and read back; none, no field. */
    @Test
    void aUserStrategysDescriptionIsWrittenInConfigOnlyWhenItHasOne() throws IOException {
        Path f = dir.resolve("described.json");
        RunResult plain = sample("naive", 0);
        RunResult.ConfigInfo c = plain.config();
        RunResult described = new RunResult(plain.tool(), plain.toolVersion(), plain.time(), plain.host(),
                plain.target(), new RunResult.ConfigInfo(c.strategy(), c.workload(), c.threads(), c.rounds(),
                        c.durationSeconds(), c.warmupSeconds(), c.keys(), c.conditions(),
                        "Hibernate ORM 7.4.15.Final: find, then persist"),
                plain.totals(), plain.outcomes(), plain.invariants(), plain.latencyMicros(), plain.retries(),
                plain.race(), plain.verdict(), plain.firstAnomaly(), plain.complete(), plain.note());
        ResultsWriter.writeJson(f, List.of(described));
        assertThat(Files.readString(f)).contains("\"strategyDescription\" : \"Hibernate ORM 7.4.15.Final: find, then persist\"");
        assertThat(ResultsWriter.readJson(f).get(0).config().strategyDescription())
                .isEqualTo("Hibernate ORM 7.4.15.Final: find, then persist");
        ResultsWriter.writeJson(f, List.of(plain), true);
        assertThat(Files.readString(f)).doesNotContain("strategyDescription");
        assertThat(ResultsWriter.readJson(f).get(0).config().strategyDescription()).isNull();
    }

    @Test
    void readRejectsJunk() throws IOException {
        Path f = dir.resolve("junk.json");
        Files.writeString(f, "42");
        assertThatThrownBy(() -> ResultsWriter.readJson(f)).isInstanceOf(IOException.class);
    }

    private void assertNoTempFiles() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
        }
    }
}
