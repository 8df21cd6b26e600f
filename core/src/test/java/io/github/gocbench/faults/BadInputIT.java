package io.github.gocbench.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gocbench.cli.Goc;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Bad invocations beyond {@code GocCliIT}'s 25: more flags and values, malformed URLs, paths
 * that cannot be written even by root (below a regular file, in /proc), and servers that refuse
 * the run: wrong user, no permission to create the table, a read-only role, a user without
 * INSERT. Each gives exactly one line on stderr, the documented exit code (2 bad input, 3 the
 * database refused or was unavailable), no stack trace, no stdout, and writes or overwrites
 * nothing. The server cases need the local services (GOC_POSTGRES_URL, GOC_MARIADB_URL: CI's
 * second pass) and create and drop their own roles and users.
 */
class BadInputIT {

    private static final String PG = System.getenv("GOC_POSTGRES_URL");
    private static final String MARIADB = System.getenv("GOC_MARIADB_URL");

    static Stream<Arguments> badInvocations() {
        return Stream.of(
                bad(2, "zero deadline", "race", "--db", "postgres", "--strategy", "naive", "--deadline", "0s", "JSON"),
                bad(2, "negative lock timeout", "race", "--db", "postgres", "--strategy", "naive", "--lock-timeout",
                        "-1s", "JSON"),
                bad(2, "zero statement timeout", "race", "--db", "postgres", "--strategy", "naive",
                        "--statement-timeout", "0s", "JSON"),
                bad(2, "empty hot set", "bench", "--db", "postgres", "--strategy", "naive", "--keys", "hotset:0",
                        "JSON"),
                bad(2, "negative zipf exponent", "bench", "--db", "postgres", "--strategy", "naive", "--keys",
                        "zipf:100:-1", "JSON"),
                bad(2, "negative churn", "race", "--db", "postgres", "--strategy", "naive", "--churn", "-0.1", "JSON"),
                bad(2, "negative warm-up", "bench", "--db", "postgres", "--strategy", "naive", "--warmup", "-1s",
                        "JSON"),
                bad(2, "thread list with a hole", "bench", "--db", "postgres", "--strategy", "naive", "--threads",
                        "1,,2", "JSON"),
                bad(2, "too many rounds", "race", "--db", "postgres", "--strategy", "naive", "--rounds", "1000001",
                        "JSON"),
                bad(2, "isolation without value", "race", "--db", "postgres", "--strategy", "naive", "--isolation"),
                bad(2, "password without url", "race", "--db", "postgres", "--strategy", "naive", "--db-password",
                        "s3cret", "JSON"),
                bad(2, "url not jdbc", "race", "--db", "postgres", "--strategy", "naive", "--db-url",
                        "postgres://u:s3cret@127.0.0.1/test", "JSON"),
                bad(2, "url with a bad port", "race", "--db", "postgres", "--strategy", "naive", "--db-url",
                        "jdbc:postgresql://127.0.0.1:notaport/test?password=s3cret", "JSON"),
                bad(2, "url with port 0", "race", "--db", "mariadb", "--strategy", "naive", "--db-url",
                        "jdbc:mysql://127.0.0.1:0/test", "JSON"),
                bad(2, "json below a regular file", "race", "--db", "postgres", "--strategy", "naive", "--json",
                        "/etc/hostname/x.json"),
                bad(2, "json in /proc (refused even to root)", "race", "--db", "postgres", "--strategy", "naive",
                        "--json", "/proc/goc-bad-input.json"),
                bad(2, "compare out in /proc", "compare", "--db", "postgres", "--quick", "--out", "/proc/goc-results"),
                bad(2, "compare out is a file", "compare", "--db", "postgres", "--quick", "--out", "EXISTING_FILE"),
                bad(2, "compare unknown strategy in list", "compare", "--db", "postgres", "--strategy", "naive,nosuch",
                        "--out", "OUT_DIR"),
                bad(2, "replay without ids", "replay", "--db", "postgres", "--strategy", "naive"),
                bad(3, "pg unknown role", "race", "--db", "postgres", "--strategy", "naive", "--db-url",
                        "PG?user=goc_nosuchrole", "JSON"),
                bad(3, "pg role without CREATE", "race", "--db", "postgres", "--strategy", "naive", "--db-url",
                        "PG?user=goc_ro", "JSON"),
                bad(3, "pg read-only role", "bench", "--db", "postgres", "--strategy", "upsert", "--threads", "2",
                        "--duration", "1s", "--warmup", "0s", "--db-url", "PG?user=goc_rodb", "JSON"),
                bad(3, "mariadb unknown database", "race", "--db", "mariadb", "--strategy", "naive", "--db-url",
                        "MARIADB_HOST/goc_nosuchdb?user=root", "JSON"),
                bad(3, "mariadb SELECT-only user", "race", "--db", "mariadb", "--strategy", "naive", "--db-url",
                        "MARIADB?user=goc_sel", "JSON"),
                bad(3, "mariadb user without INSERT", "race", "--db", "mariadb", "--strategy", "upsert", "--db-url",
                        "MARIADB?user=goc_noins", "JSON"),
                bad(3, "mariadb wrong password for a real user", "race", "--db", "mariadb", "--strategy", "naive",
                        "--db-url", "MARIADB?user=goc_sel&password=s3cret", "JSON"));
    }

    private static Arguments bad(int exit, String name, String... args) {
        return Arguments.of(name, exit, args);
    }

    @BeforeAll
    static void createRolesAndUsers() throws SQLException {
        if (PG != null) {
            try (Connection c = DriverManager.getConnection(PG); Statement s = c.createStatement()) {
                dropPgRoles(s);
                s.execute("CREATE ROLE goc_ro LOGIN");
                s.execute("CREATE ROLE goc_rodb LOGIN");
                s.execute("GRANT CREATE ON SCHEMA public TO goc_rodb");
                s.execute("ALTER ROLE goc_rodb SET default_transaction_read_only = on");
            }
        }
        if (MARIADB != null) {
            try (Connection c = DriverManager.getConnection(MARIADB); Statement s = c.createStatement()) {
                String db = c.getCatalog();
                s.execute("DROP USER IF EXISTS goc_sel@'%', goc_noins@'%'");
                s.execute("CREATE USER goc_sel@'%'");
                s.execute("GRANT SELECT ON `" + db + "`.* TO goc_sel@'%'");
                s.execute("CREATE USER goc_noins@'%'");
                s.execute("GRANT SELECT, UPDATE, DELETE, CREATE, DROP, INDEX, ALTER ON `" + db + "`.* TO goc_noins@'%'");
            }
        }
    }

    @AfterAll
    static void dropRolesAndUsers() throws SQLException {
        if (PG != null) {
            try (Connection c = DriverManager.getConnection(PG); Statement s = c.createStatement()) {
                dropPgRoles(s);
            }
        }
        if (MARIADB != null) {
            try (Connection c = DriverManager.getConnection(MARIADB); Statement s = c.createStatement()) {
                s.execute("DROP USER IF EXISTS goc_sel@'%', goc_noins@'%'");
            }
        }
    }

    private static void dropPgRoles(Statement s) throws SQLException {
        for (String role : List.of("goc_ro", "goc_rodb")) {
            if (s.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + role + "'").next()) {
                s.execute("DROP OWNED BY " + role);
                s.execute("DROP ROLE " + role);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInvocations")
    void oneLineTheDocumentedExitCodeAndNothingWritten(String name, int expectedExit, String[] template,
                                                        @TempDir Path dir) throws IOException {
        Path existing = Files.writeString(dir.resolve("existing.json"), "{}");
        List<String> args = new ArrayList<>();
        for (String a : template) {
            if (a.equals("JSON")) {
                args.add("--json");
                args.add(dir.resolve("out.json").toString());
            } else if (a.equals("EXISTING_FILE")) {
                args.add(existing.toString());
            } else if (a.equals("OUT_DIR")) {
                args.add(dir.resolve("results").toString());
            } else if (a.startsWith("PG?")) {
                Assumptions.assumeTrue(PG != null, "GOC_POSTGRES_URL is not set: no local PostgreSQL service to refuse");
                args.add(base(PG) + a.substring(2));
            } else if (a.startsWith("MARIADB?")) {
                Assumptions.assumeTrue(MARIADB != null, "GOC_MARIADB_URL is not set: no local MariaDB service");
                args.add(base(MARIADB) + a.substring(7));
            } else if (a.startsWith("MARIADB_HOST/")) {
                Assumptions.assumeTrue(MARIADB != null, "GOC_MARIADB_URL is not set: no local MariaDB service");
                String b = base(MARIADB);
                args.add(b.substring(0, b.lastIndexOf('/')) + a.substring("MARIADB_HOST".length()));
            } else {
                args.add(a);
            }
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Goc.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args.toArray(String[]::new));

        List<String> errLines = err.toString().isBlank() ? List.of() : Arrays.asList(err.toString().strip().split("\\R"));
        assertThat(exit).as("exit of %s, stderr: %s", name, err).isEqualTo(expectedExit);
        assertThat(errLines).as("stderr of %s", name).hasSize(1);
        assertThat(errLines.get(0)).startsWith("goc").doesNotContain("Exception").doesNotContain("\tat ")
                .doesNotContain("s3cret").doesNotContain("internal error");
        assertThat(out.toString()).as("stdout of %s", name).isEmpty();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).as("files left by %s", name).containsExactly(existing);
        }
        assertThat(Files.readString(existing)).isEqualTo("{}");
        assertThat(Path.of("/proc/goc-bad-input.json")).doesNotExist();
        System.out.println(name + " -> " + exit + ": " + errLines.get(0));
    }

    /** The URL without its query: {@code jdbc:postgresql://127.0.0.1:5432/test}. */
    private static String base(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }
}
