package io.github.gocbench.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A password never reaches the terminal, logs or result files. A MariaDB user {@code goc_pw}
 * with password {@value #PASSWORD} is created on the local MariaDB service (GOC_MARIADB_URL; the
 * test skips without it) and {@code goc --verbose} is run in child JVMs with the password (a) in
 * the URL's query ({@code compare}: results.json, results.csv, summary.md), (b) in
 * {@code --db-password} ({@code race --json}), (c) in {@code GOC_DB_PASSWORD} ({@code bench
 * --json}), and (d) in {@code --db-password} for a database that does not exist (the failure
 * path, where --verbose prints a stack trace). stdout, stderr and every file written are searched
 * for the password, plain and URL-encoded.
 */
class SecretsIT {

    private static final String PASSWORD = "S3cr3t-goc-pw!";
    private static final String MARIADB = System.getenv("GOC_MARIADB_URL");
    private static final Duration BOUND = Duration.ofSeconds(150);

    @BeforeAll
    static void createUser() throws SQLException {
        if (MARIADB == null) {
            return;
        }
        try (Connection c = DriverManager.getConnection(MARIADB); Statement s = c.createStatement()) {
            s.execute("DROP USER IF EXISTS goc_pw@'%'");
            s.execute("CREATE USER goc_pw@'%' IDENTIFIED BY '" + PASSWORD + "'");
            s.execute("GRANT ALL ON `" + c.getCatalog() + "`.* TO goc_pw@'%'");
        }
    }

    @AfterAll
    static void dropUser() throws SQLException {
        if (MARIADB == null) {
            return;
        }
        try (Connection c = DriverManager.getConnection(MARIADB); Statement s = c.createStatement()) {
            s.execute("DROP USER IF EXISTS goc_pw@'%'");
        }
    }

    private static String base() {
        Assumptions.assumeTrue(MARIADB != null, "GOC_MARIADB_URL is not set: no local MariaDB service");
        int q = MARIADB.indexOf('?');
        return q < 0 ? MARIADB : MARIADB.substring(0, q);
    }

    @Test
    void passwordInTheUrlQuery(@TempDir Path dir) throws Exception {
        String url = base() + "?user=goc_pw&password=" + PASSWORD;
        Path out = Files.createDirectory(dir.resolve("results"));
        run(dir, 0, List.of(), "--verbose", "compare", "--quick", "--db", "mariadb", "--strategy", "naive",
                "--db-url", url, "--out", out.toString());
        try (Stream<Path> files = Files.walk(out)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .contains("results.json", "results.csv", "summary.md");
        }
    }

    @Test
    void passwordInTheOption(@TempDir Path dir) throws Exception {
        run(dir, 0, List.of(), "--verbose", "race", "--db", "mariadb", "--strategy", "naive", "--rounds", "50",
                "--db-url", base() + "?user=goc_pw", "--db-password", PASSWORD,
                "--json", dir.resolve("race.json").toString());
        assertThat(dir.resolve("race.json")).exists();
    }

    @Test
    void passwordInTheEnvironment(@TempDir Path dir) throws Exception {
        run(dir, 0, List.of("GOC_DB_PASSWORD=" + PASSWORD), "--verbose", "bench", "--db", "mariadb", "--strategy",
                "upsert", "--threads", "2", "--duration", "1s", "--warmup", "0s",
                "--db-url", base() + "?user=goc_pw", "--json", dir.resolve("bench.json").toString());
        assertThat(dir.resolve("bench.json")).exists();
    }

    @Test
    void passwordInAFailure(@TempDir Path dir) throws Exception {
        String b = base();
        String noDb = b.substring(0, b.lastIndexOf('/')) + "/goc_no_such_db?user=goc_pw";
        run(dir, 3, List.of(), "--verbose", "race", "--db", "mariadb", "--strategy", "naive",
                "--db-url", noDb, "--db-password", PASSWORD, "--json", dir.resolve("race.json").toString());
    }

    /** Runs goc in a child JVM and searches everything it printed or wrote for the password. */
    private static void run(Path dir, int expectedExit, List<String> env, String... args) throws Exception {
        try (ChildGoc child = ChildGoc.start(dir, env, args)) {
            int exit = child.awaitExit(BOUND);
            assertThat(exit).as("exit; stderr: %s", child.err()).isEqualTo(expectedExit);
            assertThat(child.out() + child.err()).as("stdout and stderr").isNotBlank();
            List<String> leaks = new ArrayList<>();
            if (leaks(child.out())) {
                leaks.add("stdout");
            }
            if (leaks(child.err())) {
                leaks.add("stderr");
            }
            int files = 0;
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path f : all.filter(Files::isRegularFile).toList()) {
                    files++;
                    if (leaks(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1))) {
                        leaks.add(dir.relativize(f).toString());
                    }
                }
            }
            assertThat(files).as("files searched").isGreaterThanOrEqualTo(2);
            assertThat(leaks).as("where the password appeared").isEmpty();
        }
    }

    private static boolean leaks(String text) throws IOException {
        return text.contains(PASSWORD) || text.contains("S3cr3t-goc-pw%21") || text.contains("S3cr3t");
    }
}
