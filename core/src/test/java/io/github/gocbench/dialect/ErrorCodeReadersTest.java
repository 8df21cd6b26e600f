package io.github.gocbench.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every SQLState and vendor-code mapping lives in one table per dialect ({@code PostgresOutcomes},
 * {@code MySqlOutcomes}); nothing else reads error codes to decide anything. A scan of every
 * module's main sources finds each {@code getSQLState}/{@code getErrorCode} call: outside the two
 * tables it may appear only in the files below that copy the codes verbatim into a record or a
 * message, and there on no line that compares or looks a code up, and beside no SQLState literal
 * outside comments.
 */
class ErrorCodeReadersTest {

    /** The tables: the only files that map codes. */
    private static final List<String> TABLES = List.of("PostgresOutcomes.java", "MySqlOutcomes.java");

    /** Files that only report codes as the server sent them, and why they read them. */
    private static final Map<String, String> REPORTERS = Map.of(
            "Failure.java", "records a classified call's SQLState and vendor code with its outcome",
            "Engine.java", "prints the error that stopped a run's preparation",
            "MatrixCommand.java", "prints the error that stopped reading innodb_snapshot_isolation",
            "ConnectFailures.java", "prints a connection failure no table knows with its codes",
            "Race.java", "prints a failed call's codes (module junit depends on no dialect)");

    private static final Pattern READ = Pattern.compile("\\bget(SQLState|ErrorCode)\\b");
    /** A comparison or lookup on the same line as a read. */
    private static final Pattern DECIDES = Pattern.compile(
            "[=!]=\\s*[\"0-9]|\\.equals\\(|equalsIgnoreCase\\(|startsWith\\(|endsWith\\(|contains\\(|matches\\("
                    + "|\\.get\\(|\\bswitch\\b|\\bcase\\b|\\bif\\s*\\(");
    /** A quoted SQLState (5 characters with a digit, e.g. 23505, 40P01, HY000) or SQLState class (08). */
    private static final Pattern SQLSTATE_LITERAL = Pattern.compile("\"(?=[0-9A-Z]{0,4}[0-9])[0-9A-Z]{5}\"|\"[0-9]{2}\"");

    @Test
    void onlyTheTablesMapErrorCodes() throws IOException {
        Map<String, List<String>> readers = readersOfErrorCodes(repositoryRoot());
        assertThat(readers.keySet().stream().map(f -> Path.of(f).getFileName().toString()))
                .as("the tables were not found: is the scan looking in the right place?").containsAll(TABLES);
        List<String> offences = new ArrayList<>();
        for (Map.Entry<String, List<String>> file : readers.entrySet()) {
            String name = Path.of(file.getKey()).getFileName().toString();
            if (TABLES.contains(name)) {
                continue;
            }
            if (!REPORTERS.containsKey(name)) {
                file.getValue().forEach(line -> offences.add(file.getKey() + ": reads an error code: " + line));
                continue;
            }
            file.getValue().stream().filter(line -> DECIDES.matcher(line).find())
                    .forEach(line -> offences.add(file.getKey() + ": decides on an error code: " + line));
        }
        assertThat(offences).as("map SQLStates and vendor codes in PostgresOutcomes/MySqlOutcomes only").isEmpty();
    }

    @Test
    void reportersHoldNoSqlStateLiteral() throws IOException {
        Map<String, List<String>> readers = readersOfErrorCodes(repositoryRoot());
        List<String> offences = new ArrayList<>();
        for (String file : readers.keySet()) {
            if (REPORTERS.containsKey(Path.of(file).getFileName().toString())) {
                List<String> lines = Files.readAllLines(repositoryRoot().resolve(file));
                lines.stream().filter(l -> !isComment(l) && SQLSTATE_LITERAL.matcher(l).find())
                        .forEach(l -> offences.add(file + ": " + l.strip()));
            }
        }
        assertThat(offences).isEmpty();
    }

    @Test
    void everyListedReporterStillReadsCodes() throws IOException {
        // a reporter that no longer reads codes comes off the list, so the list cannot hide a new one
        assertThat(readersOfErrorCodes(repositoryRoot()).keySet().stream()
                .map(f -> Path.of(f).getFileName().toString()))
                .containsAll(REPORTERS.keySet());
    }

    @Test
    void theScanSeesAMappingOutsideTheTables() {
        // the patterns above, held to lines they must catch and lines they must let through
        assertThat(DECIDES.matcher("if (e.getErrorCode() == 1193) {").find()).isTrue();
        assertThat(DECIDES.matcher("return \"57014\".equals(e.getSQLState());").find()).isTrue();
        assertThat(DECIDES.matcher("String s = e.getSQLState(); if (s.startsWith(\"08\"))").find()).isTrue();
        assertThat(DECIDES.matcher("return new Failure(outcome, e.getSQLState(), e.getErrorCode(), msg);").find())
                .isFalse();
        assertThat(SQLSTATE_LITERAL.matcher("private static final Set<String> AUTH = Set.of(\"28P01\");").find())
                .isTrue();
        assertThat(SQLSTATE_LITERAL.matcher("state.startsWith(\"08\")").find()).isTrue();
        assertThat(SQLSTATE_LITERAL.matcher("\"(SQLState \" + state + \", code \"").find()).isFalse();
    }

    private static boolean isComment(String line) {
        String s = line.strip();
        return s.startsWith("*") || s.startsWith("/*") || s.startsWith("//");
    }

    /** Source file (relative to the repository root) to its lines that call getSQLState/getErrorCode. */
    private static Map<String, List<String>> readersOfErrorCodes(Path root) throws IOException {
        Map<String, List<String>> readers = new TreeMap<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path main : modules.map(m -> m.resolve(Path.of("src", "main", "java"))).filter(Files::isDirectory)
                    .toList()) {
                try (Stream<Path> files = Files.walk(main)) {
                    for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                        List<String> lines = Files.readAllLines(f).stream()
                                .filter(l -> READ.matcher(l).find()).map(String::strip).toList();
                        if (!lines.isEmpty()) {
                            readers.put(root.relativize(f).toString(), lines);
                        }
                    }
                }
            }
        }
        return readers;
    }

    /** The reactor root: the first folder upwards from the working directory that holds mvnw. */
    private static Path repositoryRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("mvnw")) && Files.isDirectory(p.resolve("core"))) {
                return p;
            }
        }
        throw new IllegalStateException("no mvnw above " + Path.of("").toAbsolutePath());
    }
}
