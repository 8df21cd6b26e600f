package io.github.gocbench.results;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.gocbench.outcome.Invariant;
import io.github.gocbench.outcome.Outcome;
import io.github.gocbench.outcome.Phase;
import io.github.gocbench.strategy.EffectiveSituation;
import io.github.gocbench.strategy.Conditions;
import io.github.gocbench.strategy.Isolation;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * Writes result documents as JSON (one object, or an array for a sweep) and CSV, atomically:
 * to a temporary file in the same folder, then moved into place; an existing file is never
 * overwritten unless asked.
 *
 * <p>JSON: pretty printed, instants as ISO-8601 text, enum-keyed maps by constant name.
 */
public final class ResultsWriter {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(isolationAsTyped())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ResultsWriter() {
    }

    /**
     * Isolation on disk is the name users type ({@code repeatable-read}); read back through
     * {@link Isolation#parse}, which also takes the enum spelling older files hold. A missing,
     * blank or {@code default} value is the server's default ({@code null}).
     */
    private static SimpleModule isolationAsTyped() {
        SimpleModule m = new SimpleModule("isolation");
        m.addSerializer(Isolation.class, new StdSerializer<>(Isolation.class) {
            @Override
            public void serialize(Isolation i, JsonGenerator g, SerializerProvider p) throws IOException {
                g.writeString(i.cliName());
            }
        });
        m.addDeserializer(Isolation.class, new StdDeserializer<>(Isolation.class) {
            @Override
            public Isolation deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
                String text = p.getValueAsString();
                if (text == null || text.isBlank() || text.trim().equalsIgnoreCase("default")) {
                    return null;
                }
                try {
                    return Isolation.parse(text);
                } catch (IllegalArgumentException e) {
                    throw ctx.weirdStringException(text, Isolation.class, e.getMessage());
                }
            }

            @Override
            public Isolation getNullValue(DeserializationContext ctx) {
                return null;
            }
        });
        return m;
    }

    /** Something that writes a whole file's content to a stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * The version of the results format, one number for the document and its runs. 1: a bare run
     * object or array of them, without evidence (read, never written); 2: {@code {schemaVersion,
     * provenance, runs}} with evidence, phases and grades in each run. See results/SCHEMA.md.
     */
    public static final int SCHEMA_VERSION = RunResult.SCHEMA_VERSION;

    /** A results document: its schema version, where it came from, and its runs. */
    public record Document(int schemaVersion, Provenance provenance, List<RunResult> runs) {

        /** Runs are never null; a version-1 file reads as a document without provenance. */
        public Document {
            runs = runs == null ? List.of() : List.copyOf(runs);
        }
    }

    /**
     * A document as written: {@link Document} plus {@code steadyPoints}, the repeated steady runs
     * folded per configuration (median, min, max; see {@link SteadyPoints}). Derived from the
     * runs, so reading ignores it.
     */
    record Written(int schemaVersion, Provenance provenance, List<RunResult> runs, List<SteadyPoints.Point> steadyPoints) {
    }

    /** Writes {@code results} as a JSON document with its {@code provenance}; never overwrites. */
    public static void writeJson(Path file, Provenance provenance, List<RunResult> results) throws IOException {
        writeJson(file, provenance, results, false);
    }

    /**
     * Writes {@code results} as a JSON document ({@link Document}) with its {@code provenance}
     * ({@code null} only for documents not made by a command, e.g. in tests).
     *
     * @param overwrite replace {@code file} when it exists; otherwise an existing file makes this
     *                  throw {@link FileAlreadyExistsException}
     */
    public static void writeJson(Path file, Provenance provenance, List<RunResult> results, boolean overwrite)
            throws IOException {
        Written doc = new Written(SCHEMA_VERSION, provenance, List.copyOf(results), SteadyPoints.list(results));
        writeAtomically(file, overwrite, out -> JSON.writeValue(new NonClosing(out), doc));
    }

    /** As {@link #writeJson(Path, Provenance, List, boolean)} without provenance. */
    public static void writeJson(Path file, List<RunResult> results) throws IOException {
        writeJson(file, null, results, false);
    }

    /** As {@link #writeJson(Path, Provenance, List, boolean)} without provenance. */
    public static void writeJson(Path file, List<RunResult> results, boolean overwrite) throws IOException {
        writeJson(file, null, results, overwrite);
    }

    /** Writes one CSV row per result, with a header; never overwrites. */
    public static void writeCsv(Path file, List<RunResult> results) throws IOException {
        writeCsv(file, results, false);
    }

    /** Writes one CSV row per result, with a header; {@code overwrite} as for {@link #writeJson(Path, List, boolean)}. */
    public static void writeCsv(Path file, List<RunResult> results, boolean overwrite) throws IOException {
        writeAtomically(file, overwrite, out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            w.write(String.join(",", csvHeader()));
            w.write('\n');
            Map<SteadyPoints.Key, SteadyPoints.Point> points = SteadyPoints.of(results);
            for (RunResult r : results) {
                List<String> row = csvRow(r, points.get(SteadyPoints.Key.of(r)));
                List<String> quoted = new ArrayList<>(row.size());
                for (String v : row) {
                    quoted.add(csvQuote(v));
                }
                w.write(String.join(",", quoted));
                w.write('\n');
            }
            w.flush();
        });
    }

    /** The runs of a JSON results file (any schema version); see {@link #readDocument}. */
    public static List<RunResult> readJson(Path file) throws IOException {
        return readDocument(file).runs();
    }

    /**
     * Reads a JSON results file: a version-2 document ({@code {schemaVersion, provenance, runs}})
     * or a version-1 file (one run object, or an array of them), which reads without provenance.
     */
    public static Document readDocument(Path file) throws IOException {
        JsonNode node = JSON.readTree(file.toFile());
        if (node == null || node.isMissingNode()) {
            throw new IOException(file + " is empty, expected a goc-bench results document");
        }
        if (node.isArray()) {
            return new Document(1, null, JSON.convertValue(node, new TypeReference<List<RunResult>>() { }));
        }
        if (node.isObject() && node.has("runs")) {
            int version = node.path("schemaVersion").asInt(0);
            if (version > SCHEMA_VERSION) {
                throw new IOException(file + " is a results document of schema version " + version
                        + "; this goc reads up to " + SCHEMA_VERSION + ": use a newer goc");
            }
            return JSON.treeToValue(node, Document.class);
        }
        if (node.isObject()) {
            return new Document(1, null, List.of(JSON.treeToValue(node, RunResult.class)));
        }
        throw new IOException(file + " holds neither a goc-bench results document nor a result object or array");
    }

    /** The CSV column names, in order. */
    public static List<String> csvHeader() {
        List<String> h = new ArrayList<>(List.of("time", "db", "product", "version", "provision", "strategy",
                "workload", "threads", "rounds", "duration", "keys", "isolation", "outer_tx", "unique",
                "side_effect", "churn", "calls", "seconds", "calls_per_s", "goodput_per_s", "failures_per_s",
                "successful"));
        for (Outcome o : Outcome.values()) {
            h.add(o.name().toLowerCase(Locale.ROOT));
        }
        for (Invariant i : Invariant.values()) {
            h.add(i.name().toLowerCase(Locale.ROOT));
        }
        h.addAll(List.of("p50_us", "p90_us", "p99_us", "p999_us", "max_us", "retries", "verdict", "complete"));
        // format 2: phases, evidence, grading
        h.addAll(List.of("schema_version", "commit_failures", "noise_read", "noise_churn", "evidence_unit",
                "trials", "anomalous", "rate", "upper95", "low95", "high95", "grade", "situation"));
        // latency of the failed calls (p50_us..max_us are of the successful ones), empty when none failed
        h.addAll(List.of("failed_p50_us", "failed_p90_us", "failed_p99_us", "failed_p999_us", "failed_max_us"));
        // the steady point this run is one repetition of (the same on each of its runs)
        h.addAll(List.of("repeats", "goodput_median_per_s", "goodput_min_per_s", "goodput_max_per_s"));
        h.addAll(CostColumns.header()); // issue 17
        return h;
    }

    /** One result as CSV values (unquoted), in {@link #csvHeader()} order, as if it were its point's only run. */
    public static List<String> csvRow(RunResult r) {
        return csvRow(r, SteadyPoints.of(List.of(r)).get(SteadyPoints.Key.of(r)));
    }

    /**
     * One result as CSV values (unquoted), in {@link #csvHeader()} order.
     *
     * @param point the steady point {@code r} is a run of, {@code null} for a race
     */
    public static List<String> csvRow(RunResult r, SteadyPoints.Point point) {
        List<String> v = new ArrayList<>();
        v.add(s(r.time()));
        v.add(r.target() == null ? "" : s(r.target().family() == null ? null : r.target().family().cliName()));
        v.add(r.target() == null ? "" : s(r.target().product()));
        v.add(r.target() == null ? "" : s(r.target().version()));
        v.add(r.target() == null || r.target().provision() == null ? "" : r.target().provision().cliName());
        RunResult.ConfigInfo c = r.config();
        Conditions k = c.conditions();
        v.add(s(c.strategy()));
        v.add(c.workload() == null ? "" : c.workload().id());
        v.add(Integer.toString(c.threads()));
        v.add(s(c.rounds()));
        v.add(s(c.durationSeconds()));
        v.add(s(c.keys()));
        v.add(k.isolation() == null ? "" : k.isolation().cliName());
        v.add(Boolean.toString(k.outerTx()));
        v.add(Boolean.toString(k.unique()));
        v.add(Boolean.toString(k.sideEffect()));
        v.add(Double.toString(k.churn()));
        v.add(Long.toString(r.totals().calls()));
        v.add(Double.toString(r.totals().seconds()));
        v.add(Double.toString(r.totals().callsPerSecond()));
        v.add(Double.toString(r.totals().goodput()));
        v.add(Double.toString(r.totals().failureRate()));
        v.add(s(r.totals().successful()));
        for (Outcome o : Outcome.values()) {
            v.add(Long.toString(r.outcomes().get(o)));
        }
        for (Invariant i : Invariant.values()) {
            v.add(Long.toString(r.invariants().get(i)));
        }
        RunResult.Latency l = r.latencyMicros();
        v.add(l == null ? "" : Double.toString(l.p50()));
        v.add(l == null ? "" : Double.toString(l.p90()));
        v.add(l == null ? "" : Double.toString(l.p99()));
        v.add(l == null ? "" : Double.toString(l.p999()));
        v.add(l == null ? "" : Double.toString(l.max()));
        v.add(Long.toString(r.retries()));
        v.add(s(r.verdict()));
        v.add(Boolean.toString(r.complete()));
        v.add(Integer.toString(r.schemaVersion()));
        v.add(Long.toString(phaseTotal(r, Phase.COMMIT)));
        v.add(Long.toString(phaseTotal(r, Phase.READ)));
        v.add(Long.toString(phaseTotal(r, Phase.CHURN)));
        RunResult.EvidenceFigures e = r.evidence();
        v.add(e == null ? "" : s(e.unit()));
        v.add(e == null ? "" : Long.toString(e.trials()));
        v.add(e == null ? "" : Long.toString(e.anomalous()));
        v.add(e == null ? "" : Double.toString(e.rate()));
        v.add(e == null ? "" : Double.toString(e.upperBound95()));
        v.add(e == null ? "" : Double.toString(e.low95()));
        v.add(e == null ? "" : Double.toString(e.high95()));
        v.add(r.grading() == null ? "" : s(r.grading().grade()));
        v.add(r.grading() == null || r.grading().situation() == null ? ""
                : EffectiveSituation.label(r.grading().situation()));
        RunResult.Latency f = r.failedLatencyMicros();
        v.add(f == null ? "" : Double.toString(f.p50()));
        v.add(f == null ? "" : Double.toString(f.p90()));
        v.add(f == null ? "" : Double.toString(f.p99()));
        v.add(f == null ? "" : Double.toString(f.p999()));
        v.add(f == null ? "" : Double.toString(f.max()));
        v.add(point == null ? "" : Integer.toString(point.runs()));
        v.add(point == null ? "" : Double.toString(point.goodputMedian()));
        v.add(point == null ? "" : Double.toString(point.goodputMin()));
        v.add(point == null ? "" : Double.toString(point.goodputMax()));
        v.addAll(CostColumns.row(r.cost()));
        return v;
    }

    private static long phaseTotal(RunResult r, Phase phase) {
        Map<Outcome, Long> m = r.failuresByPhase().get(phase);
        return m == null ? 0 : m.values().stream().mapToLong(Long::longValue).sum();
    }

    private static String s(Object o) {
        return o == null ? "" : o.toString();
    }

    private static String csvQuote(String v) {
        if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) {
            return v;
        }
        return '"' + v.replace("\"", "\"\"") + '"';
    }

    /** Temporary files are created owner-only (0600); results are meant to be shared: 0644. */
    private static void readableByAll(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: keep its default permissions
        }
    }

    /**
     * Writes {@code content} to a temporary file beside {@code file} (0644), then moves it into
     * place: with {@code ATOMIC_MOVE} when {@code overwrite}, else by a hard link, which fails
     * atomically with {@link FileAlreadyExistsException} when the file appeared meanwhile. On any
     * failure the temporary file is deleted, so {@code file} is either absent, its old content, or
     * the complete new content — never partial. Every results, report and matrix file goes
     * through here.
     */
    public static void writeAtomically(Path file, boolean overwrite, Content content) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        if (!overwrite && Files.exists(target)) {
            throw new FileAlreadyExistsException(target.toString(), null,
                    "exists; choose another name or ask to overwrite");
        }
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        boolean moved = false;
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                content.writeTo(out);
            }
            readableByAll(tmp);
            if (overwrite) {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                // A hard link fails atomically when the target appeared meanwhile: no clobbering.
                try {
                    Files.createLink(target, tmp);
                    Files.delete(tmp);
                } catch (UnsupportedOperationException e) {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                }
            }
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /**
     * Moves {@code from} (a file, a directory or a link) to {@code to}, replacing what is there: in one
     * step ({@code ATOMIC_MOVE}) where the file system can, else by a plain move. Used to put a
     * finished report or {@code latest} link in place over an earlier one.
     */
    public static void moveReplacing(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Keeps Jackson from closing the stream the atomic writer owns. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
