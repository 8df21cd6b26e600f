package io.github.gocbench.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gocbench.strategy.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * SQL safety. No command-line option takes a table or schema name (the table is always
 * {@link Table#UNIQUE} or {@link Table#NO_UNIQUE}); the one identifier that is spliced into SQL
 * is a {@link Table} name, validated as a plain identifier. Every value (keys, ids, timeouts,
 * setting names) goes through bind parameters. This test holds the code to that: {@link Table}
 * refuses injection-y names, and a scan of the main sources finds every place SQL text is put
 * together ({@code String.format} of an SQL template, or an SQL literal joined with {@code +})
 * and allows only the table's name (or a numeric compile-time constant) to be spliced in.
 */
class SqlSafetyTest {

    private static final Path MAIN = Path.of("src", "main", "java");
    /** What may be spliced into SQL text: the validated table name, or a local holding it. */
    private static final Set<String> ALLOWED = Set.of("table.name()", "t", "table.unique() ? CREATE_UNIQUE : "
            + "CREATE_NO_UNIQUE, t", "table.unique() ? INSERT : INSERT_NO_UNIQUE, table.name()");
    /**
     * Splices read one by one and kept, each for its reason: none carries input from a user. A new
     * splice anywhere else still fails the test.
     */
    private static final java.util.Map<String, String> REVIEWED = java.util.Map.ofEntries(
            // Sequelize inlines the values into its temporary PL/pgSQL function: the replay must too; key is a long
            java.util.Map.entry("Sequelize.java: String.format(PG_CREATE_FUNCTION, table.name(), key)", "long key"),
            java.util.Map.entry("Sequelize.java: String.format(PG_CREATE_FUNCTION, table.name(), 0)", "constant"),
            // goc explain: the server's own connection ids / backend pids (numbers joined with commas)
            java.util.Map.entry("MySqlWaits.java: String.format(TRX, ids)", "connection ids"),
            java.util.Map.entry("MySqlWaits.java: String.format(OTHER_LOCKS, ids)", "connection ids"),
            java.util.Map.entry("MySqlWaits.java: String.format(WAITS, ids)", "connection ids"),
            java.util.Map.entry("PostgresWaits.java: \"SELECT p, array_to_string(pg_blocking_pids(p), ',') FROM"
                    + " unnest(ARRAY[\" + ids", "backend pids"),
            // cost probes: the validated table name (quoted as a literal for regclass), ids, the server's own
            // sequence name, and one of two fixed xid functions chosen by server version
            java.util.Map.entry("MySqlProbe.java: \"SELECT count(*) FROM \" + table", "Table.name()"),
            java.util.Map.entry("MySqlProbe.java: \" WHERE ID <> CONNECTION_ID() AND ID NOT IN (\" + Probes.idList",
                    "connection ids"),
            java.util.Map.entry("PostgresProbe.java: \"SELECT \" + xid", "fixed function name"),
            java.util.Map.entry("PostgresProbe.java: \"SELECT pg_table_size(\" + lit", "Table.name() literal"),
            java.util.Map.entry("PostgresProbe.java: \"SELECT pg_get_serial_sequence(\" + lit", "Table.name() literal"),
            java.util.Map.entry("PostgresProbe.java: \"SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1"
                    + " END FROM \" + seq", "the server's sequence name"),
            java.util.Map.entry("PostgresProbe.java: \"SELECT count(*) FROM \" + table", "Table.name()"));
    private static final Pattern SQL_WORD = Pattern.compile(
            "\\b(SELECT|INSERT|UPDATE|DELETE|CREATE|DROP|ALTER|TRUNCATE|MERGE|WITH|SET|FROM|WHERE|INTO|VALUES)\\b");
    private static final Pattern FORMAT = Pattern.compile("String\\.format\\(\\s*([A-Z_][A-Z0-9_]*|[^,]*\\?[^,]*:[^,]*),"
            + "\\s*((?:[^;()]|\\(\\))*)\\)");
    private static final Pattern LITERAL_PLUS = Pattern.compile("\"([^\"]*)\"\\s*\\+\\s*([A-Za-z_][\\w.]*(?:\\(\\))?)");

    @ParameterizedTest
    @ValueSource(strings = {"goc_item; DROP TABLE goc_item", "goc_item--", "x' OR '1'='1", "a b", "\"quoted\"",
            "goc.item", "1abc", "", "t/*c*/", "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvw"})
    void tableRefusesAnythingButAPlainIdentifier(String name) {
        assertThatThrownBy(() -> new Table(name, true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a plain identifier");
    }

    @Test
    void onlyTheValidatedTableNameIsSplicedIntoSql() throws IOException {
        List<String> spliced = new ArrayList<>();
        int sites = 0;
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String src = Files.readString(f).replaceAll("\\s*\\R\\s*", " ");
                Matcher fm = FORMAT.matcher(src);
                while (fm.find()) {
                    if (isSqlTemplate(src, fm.group(1))) {
                        sites++;
                        String args = fm.group(2).trim();
                        if (!ALLOWED.contains(args) && !ALLOWED.contains(fm.group(1).trim() + ", " + args)) {
                            spliced.add(f.getFileName() + ": String.format(" + fm.group(1) + ", " + args + ")");
                        }
                    }
                }
                Matcher lm = LITERAL_PLUS.matcher(src);
                while (lm.find()) {
                    String literal = lm.group(1);
                    if (SQL_WORD.matcher(literal).find() && looksLikeSql(literal)) {
                        sites++;
                        if (!ALLOWED.contains(lm.group(2).trim()) && !isNumericConstant(src, lm.group(2).trim())) {
                            spliced.add(f.getFileName() + ": \"" + literal + "\" + " + lm.group(2).trim());
                        }
                    }
                }
            }
        }
        assertThat(sites).as("SQL-building sites found (the scan must see the strategies' SQL)")
                .isGreaterThanOrEqualTo(15);
        assertThat(spliced).as("values spliced into SQL text instead of bound (bind them, or review and list"
                + " them in REVIEWED with the reason)").isSubsetOf(REVIEWED.keySet());
    }

    /** An SQL literal, not a message: starts with a keyword or is a fragment like " WHERE k = ?". */
    private static boolean looksLikeSql(String literal) {
        String t = literal.strip();
        return t.matches("(?s)(SELECT|INSERT|UPDATE|DELETE|CREATE|DROP|ALTER|TRUNCATE|MERGE|WITH|SET)\\b.*")
                || t.matches("(?s)(FROM|WHERE|INTO|VALUES|GROUP BY|ON CONFLICT)\\b.*");
    }

    /** A compile-time number of the same file ({@code static final int MAX_WAIT_SECONDS = 5}): not input. */
    private static boolean isNumericConstant(String src, String name) {
        return name.matches("[A-Z][A-Z0-9_]*") && Pattern.compile("static final (int|long) " + name + "\\s*=\\s*\\d+\\s*;")
                .matcher(src).find();
    }

    /** Whether the format's first argument names an SQL constant of the same file. */
    private static boolean isSqlTemplate(String src, String first) {
        String name = first.trim();
        if (name.contains("?")) {
            return true; // a choice between two templates
        }
        Matcher m = Pattern.compile("String " + Pattern.quote(name) + "\\s*=\\s*\"([^\"]*)\"").matcher(src);
        if (!m.find()) {
            m = Pattern.compile("String " + Pattern.quote(name) + "\\s*=\\s*\"\"\"(.*?)\"\"\"").matcher(src);
            if (!m.find()) {
                return false;
            }
        }
        return looksLikeSql(m.group(1));
    }
}
