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
 * module's main sources finds each {@code getSQLState}/{@code getErrorCode} call. Outside the two
 * tables a file may read codes only to copy them verbatim into a record or a message (e.g.
 * {@code outcome.Failure}, the engine's and the matrix plan's notes, {@code server.ConnectFailures}'
 * last resort, {@code junit.Race}): no line that reads a code may compare or look it up, and such a
 * file holds no SQLState literal and no comparison with a vendor-code-sized number outside
 * comments. (No list of files: code that reports codes may move between packages freely.)
 */
class ErrorCodeReadersTest {

    /** The tables: the only files that map codes. */
    private static final List<String> TABLES = List.of("PostgresOutcomes.java", "MySqlOutcomes.java");

    private static final Pattern READ = Pattern.compile("\\bget(SQLState|ErrorCode)\\b");
    /** A comparison, lookup or branch on the same line as a read. */
    private static final Pattern DECIDES = Pattern.compile(
            "[=!]=\\s*[\"0-9A-Z]|\\.equals\\(|equalsIgnoreCase\\(|startsWith\\(|endsWith\\(|contains\\("
                    + "|matches\\(|\\.get\\(|\\bswitch\\b|\\bcase\\b|\\bif\\s*\\(");
    /**
     * Anywhere in a reading file: a quoted SQLState (5 characters with a digit, e.g. 23505, 40P01,
     * HY000) or SQLState class (08), or a comparison with a 4-digit number (a vendor code).
     */
    private static final Pattern CODE_LITERAL = Pattern.compile(
            "\"(?=[0-9A-Z]{0,4}[0-9])[0-9A-Z]{5}\"|\"[0-9]{2}\"|[=!]=\\s*[0-9]{4}\\b|\\bcase\\s+[0-9]{4}\\b");

    @Test
    void onlyTheTablesMapErrorCodes() throws IOException {
        Path root = repositoryRoot();
        Map<String, List<String>> readers = readersOfErrorCodes(root);
        assertThat(readers.keySet().stream().map(f -> Path.of(f).getFileName().toString()))
                .as("the tables were not found: is the scan looking in the right place?").containsAll(TABLES);
        List<String> offences = new ArrayList<>();
        for (Map.Entry<String, List<String>> file : readers.entrySet()) {
            if (TABLES.contains(Path.of(file.getKey()).getFileName().toString())) {
                continue;
            }
            file.getValue().stream().filter(line -> DECIDES.matcher(line).find())
                    .forEach(line -> offences.add(file.getKey() + ": decides on an error code: " + line));
            Files.readAllLines(root.resolve(file.getKey())).stream()
                    .filter(l -> !isComment(l) && CODE_LITERAL.matcher(l).find())
                    .forEach(l -> offences.add(file.getKey() + ": holds an error code: " + l.strip()));
        }
        assertThat(offences).as("map SQLStates and vendor codes in PostgresOutcomes/MySqlOutcomes only").isEmpty();
    }

    @Test
    void theScanSeesAMappingOutsideTheTables() {
        // the patterns above, held to lines they must catch and lines they must let through
        assertThat(DECIDES.matcher("if (e.getErrorCode() == UNKNOWN_SYSTEM_VARIABLE) {").find()).isTrue();
        assertThat(DECIDES.matcher("return \"57014\".equals(e.getSQLState());").find()).isTrue();
        assertThat(DECIDES.matcher("return e.getErrorCode() == 1193;").find()).isTrue();
        assertThat(DECIDES.matcher("return new Failure(outcome, e.getSQLState(), e.getErrorCode(), msg);").find())
                .isFalse();
        assertThat(DECIDES.matcher("+ e.getSQLState() + \", code \" + e.getErrorCode() + \")\");").find()).isFalse();
        assertThat(CODE_LITERAL.matcher("private static final Set<String> AUTH = Set.of(\"28P01\");").find()).isTrue();
        assertThat(CODE_LITERAL.matcher("return state != null && state.startsWith(\"08\");").find()).isTrue();
        assertThat(CODE_LITERAL.matcher("if (!pg && code == 1045) {").find()).isTrue();
        assertThat(CODE_LITERAL.matcher("\"(SQLState \" + state + (code != 0 ? \", error \" + code : \"\")").find())
                .isFalse();
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
