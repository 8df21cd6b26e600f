package io.github.gocbench.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gocbench.dialect.DbFamily;
import io.github.gocbench.server.TargetSpec;
import io.github.gocbench.server.TestTargets;
import io.github.gocbench.strategy.Isolation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code goc explain}'s expected output, like PostgreSQL's isolation tester: each case explores
 * every schedule of a strategy on an embedded server and compares the text with
 * {@code src/test/resources/explain/NAME.txt}. The schedules are deterministic, so the text is
 * the same on every run. {@code GOC_EXPLAIN_WRITE=1} rewrites the files instead (review the diff).
 */
class ExplainIT {

    record Case(String file, DbFamily db, String strategy, Isolation isolation, boolean outerTx, int callers,
                int preemptions) {
        Case(String file, DbFamily db, String strategy, Isolation isolation, boolean outerTx, int callers) {
            this(file, db, strategy, isolation, outerTx, callers, 2);
        }
    }

    static Stream<Named<Case>> cases() {
        return Stream.of(
                new Case("postgres-naive", DbFamily.POSTGRES, "naive", null, false, 2),
                new Case("mariadb-naive", DbFamily.MARIADB, "naive", null, false, 2),
                new Case("postgres-transactional-outer-rr", DbFamily.POSTGRES, "transactional",
                        Isolation.REPEATABLE_READ, true, 2),
                new Case("mariadb-transactional-outer-rr", DbFamily.MARIADB, "transactional",
                        Isolation.REPEATABLE_READ, true, 2),
                new Case("mariadb-select-for-update", DbFamily.MARIADB, "select-for-update", null, false, 2),
                new Case("postgres-upsert-outer-rr", DbFamily.POSTGRES, "upsert", Isolation.REPEATABLE_READ, true, 2),
                new Case("postgres-upsert", DbFamily.POSTGRES, "upsert", null, false, 2),
                // Rails #54281: two losers of the insert hold S locks on the duplicate, both then ask for X.
                // One preemption reaches it (66 schedules); the default bound of 2 (366 schedules, minutes
                // on a loaded machine) finds the same two results.
                new Case("mariadb-insert-first-for-update-outer-rr-3-callers", DbFamily.MARIADB,
                        "insert-first-for-update", Isolation.REPEATABLE_READ, true, 3, 1)
        ).map(c -> Named.of(c.file(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void printsTheExpectedSchedules(Case c) throws Exception {
        ExplainConfig config = ExplainConfig.of(c.strategy()).with(c.isolation(), c.outerTx(), c.callers())
                .withPreemptions(c.preemptions());
        Explanation e = Explorer.explore(TestTargets.open(TargetSpec.of(c.db())), config, null);
        String text = ExplainText.render(e);
        Path expected = Path.of("src/test/resources/explain", c.file() + ".txt");
        if ("1".equals(System.getenv("GOC_EXPLAIN_WRITE")) || !Files.exists(expected)) {
            write(expected, text);
        }
        assertEquals(Files.readString(expected, StandardCharsets.UTF_8), text);
        assertTrue(e.complete(), e.stopped());
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
