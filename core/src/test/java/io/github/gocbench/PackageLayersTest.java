package io.github.gocbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No package cycles in core: its packages stand in one list of layers, and a package may refer only
 * to packages in layers below its own (not to one beside it in the same layer). A reference is
 * anything the compiler or a class loader follows: an import (static ones too), or a qualified
 * name {@code io.github.gocbench.x.Y} in the code or in a string literal. Comments do not count.
 */
class PackageLayersTest {

    /** One layer: its packages (below {@code io.github.gocbench}, space-separated) and what it holds. */
    record Layer(String packages, String holds) {
        List<String> names() {
            return Arrays.asList(packages.split(" "));
        }
    }

    /** Bottom to top. */
    static final List<Layer> LAYERS = List.of(
            new Layer("spi", "the UserStrategy interface, in goc-junit (another module, below core)"),
            new Layer("outcome", "what a call answered and what a run concluded: Outcome, Invariant, Verdict, Evidence"),
            new Layer("strategy", "get-or-create strategies as data: declarations, conditions, grading, user strategies"),
            new Layer("dialect", "the Dialect interface and the flows every SQL dialect shares"),
            new Layer("dialect.postgres dialect.mysql", "each dialect's strategies; neither knows the other"),
            new Layer("wire", "statements and round trips counted on the JDBC driver's socket"),
            new Layer("server", "targets (URL, embedded, container servers) and the dialect registry, Dialects"),
            new Layer("results", "the result document, RunResult, and its JSON and CSV"),
            new Layer("cost", "the server's own counters around a measured window, read into results' CallCost"),
            new Layer("framework", "other ecosystems' ORM get-or-create statement sequences, replayed over JDBC"),
            new Layer("explain", "goc explain: controlled schedules of a race's statements"),
            new Layer("engine", "runs: races and steady runs, workers, invariants, forensics"),
            new Layer("report", "charts, tables and report pages drawn from result documents"),
            new Layer("plan", "sweeps: which runs, in which order, on which servers"),
            new Layer("cli", "the goc command line"));

    private static final Path MAIN = Path.of("src", "main", "java", "io", "github", "gocbench");
    private static final Path JUNIT_MAIN = Path.of("..", "junit", "src", "main", "java", "io", "github", "gocbench");
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+io\\.github\\.gocbench\\.([\\w.]+)\\s*;",
            Pattern.MULTILINE);
    /** The package part of a qualified name: the lower-case segments, up to a type name, {@code *} or the end. */
    private static final Pattern REFERENCE = Pattern.compile("\\bio\\.github\\.gocbench((?:\\.[a-z_][a-z0-9_]*)+)");

    @Test
    void everyPackageRefersOnlyToLayersBelowIt() throws IOException {
        Map<String, String> sources = read(MAIN);
        assertThat(sources).hasSizeGreaterThan(100);
        assertThat(violations(LAYERS, sources)).isEmpty();
    }

    @Test
    void everyLayerNamesPackagesThatExist() throws IOException {
        Set<String> found = new TreeSet<>();
        for (String src : read(MAIN).values()) {
            found.add(packageOf(src));
        }
        Set<String> listed = new TreeSet<>();
        LAYERS.forEach(l -> listed.addAll(l.names()));
        listed.remove("spi");
        assertThat(listed).isEqualTo(found);
    }

    /** The control: an upward import, an upward name in code and a sideways import are all reported. */
    @Test
    void checkerReportsUpwardAndSidewaysReferences() {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("Up.java", """
                package io.github.gocbench.outcome;

                import io.github.gocbench.cli.Goc;

                class Up {
                }
                """);
        sources.put("Inline.java", """
                package io.github.gocbench.server;

                class Inline {
                    // io.github.gocbench.report.Report in a comment is no reference
                    /* nor io.github.gocbench.plan.Sweep here */
                    String url = "jdbc:postgresql://localhost/x"; // a string with // inside
                    Object o = io.github.gocbench.cost.Probes.class;
                }
                """);
        sources.put("Side.java", """
                package io.github.gocbench.dialect.mysql;

                import static io.github.gocbench.dialect.postgres.PostgresDialect.ID;
                import io.github.gocbench.dialect.Dialect;

                class Side {
                }
                """);
        sources.put("Stray.java", """
                package io.github.gocbench.cli;

                import io.github.gocbench.nowhere.Thing;

                class Stray {
                }
                """);
        assertThat(violations(LAYERS, sources)).containsExactly(
                "package outcome (Up.java) imports cli, which is above it",
                "package server (Inline.java) refers to cost, which is above it",
                "package dialect.mysql (Side.java) imports dialect.postgres, which is beside it in its layer",
                "package cli (Stray.java) imports nowhere, which is in no layer: place it in LAYERS");
    }

    /** goc-junit is what users put on their test classpath: it knows nothing of core. */
    @Test
    void junitModuleDoesNotDependOnCore() throws IOException {
        Map<String, String> sources = read(JUNIT_MAIN);
        assertThat(sources).isNotEmpty();
        Set<String> referred = new TreeSet<>();
        for (String src : sources.values()) {
            referred.add(packageOf(src));
            referred.addAll(references(code(src)).keySet());
        }
        assertThat(referred).containsOnly("junit", "spi");
        assertThat(Files.readString(Path.of("..", "junit", "pom.xml"), StandardCharsets.UTF_8))
                .doesNotContain("goc-core");
    }

    /**
     * What breaks the layering, one line each: {@code package X (File.java) imports Y, which is above it}.
     *
     * @param sources file name to its text
     */
    static List<String> violations(List<Layer> layers, Map<String, String> sources) {
        Map<String, Integer> level = new LinkedHashMap<>();
        for (int i = 0; i < layers.size(); i++) {
            for (String p : layers.get(i).names()) {
                level.put(p, i);
            }
        }
        List<String> out = new ArrayList<>();
        sources.forEach((file, src) -> {
            String pkg = packageOf(src);
            Integer mine = level.get(pkg);
            if (mine == null) {
                out.add("package " + pkg + " (" + file + ") is in no layer: place it in LAYERS");
                return;
            }
            references(code(src)).forEach((ref, how) -> {
                if (ref.equals(pkg)) {
                    return;
                }
                Integer theirs = level.get(ref);
                String where = theirs == null ? "is in no layer: place it in LAYERS"
                        : theirs > mine ? "is above it"
                        : theirs.equals(mine) ? "is beside it in its layer"
                        : null;
                if (where != null) {
                    out.add("package " + pkg + " (" + file + ") " + how + " " + ref + ", which " + where);
                }
            });
        });
        return out;
    }

    /** Packages (below {@code io.github.gocbench}) that {@code code} refers to, each with how: imports, refers to. */
    static Map<String, String> references(String code) {
        Map<String, String> refs = new LinkedHashMap<>();
        for (String line : code.split("\\R")) {
            boolean isImport = line.stripLeading().startsWith("import ");
            if (line.stripLeading().startsWith("package ")) {
                continue;
            }
            Matcher m = REFERENCE.matcher(line);
            while (m.find()) {
                String ref = m.group(1).substring(1);
                if (isImport || !refs.containsKey(ref)) {
                    refs.put(ref, isImport ? "imports" : "refers to");
                }
            }
        }
        return refs;
    }

    private static String packageOf(String src) {
        Matcher m = PACKAGE.matcher(src);
        return m.find() ? m.group(1) : "(no package)";
    }

    /**
     * {@code src} with its comments blanked out (line breaks kept); string, character and text-block
     * literals stay, a {@code //} inside one is no comment.
     */
    static String code(String src) {
        StringBuilder b = new StringBuilder(src.length());
        int i = 0;
        int n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            if (c == '/' && i + 1 < n && src.charAt(i + 1) == '/') {
                while (i < n && src.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && src.charAt(i + 1) == '*') {
                int end = src.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                for (int j = i; j < end; j++) {
                    b.append(src.charAt(j) == '\n' ? '\n' : ' ');
                }
                i = end;
            } else if (src.startsWith("\"\"\"", i)) {
                int end = src.indexOf("\"\"\"", i + 3);
                while (end > 0 && src.charAt(end - 1) == '\\') {
                    end = src.indexOf("\"\"\"", end + 1);
                }
                end = end < 0 ? n : end + 3;
                b.append(src, i, end);
                i = end;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && src.charAt(j) != c && src.charAt(j) != '\n') {
                    j += src.charAt(j) == '\\' ? 2 : 1;
                }
                j = Math.min(n, j + 1);
                b.append(src, i, j);
                i = j;
            } else {
                b.append(c);
                i++;
            }
        }
        return b.toString();
    }

    /** Every {@code .java} file under {@code root}, by its path below {@code root}. */
    private static Map<String, String> read(Path root) throws IOException {
        Map<String, String> all = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                all.put(root.relativize(f).toString(), Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        return all;
    }
}
