package io.github.gocbench.stress.library;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gocbench.junit.ConnectionCall;
import io.github.gocbench.junit.Race;
import io.github.gocbench.stress.race.StressTargets;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The user-facing assertion library ({@code goc-junit}'s {@link Race}) against real servers: each
 * kind of race it claims to catch is caught on a racy DAO, and the matching safe DAO passes the
 * same race. Round counts rest on the detection rates measured by {@link RaceLibraryDetectionRateIT}
 * (results/junit/detection-rates.md): each is chosen so that a racy DAO passes by luck with
 * probability below 10^-6. Nothing is retried.
 */
class RaceLibraryIT {

    static List<StressTargets.Named> servers() {
        return StressTargets.all(); // MySQL through Testcontainers is SKIPPED with the reason without Docker
    }

    /** The exception path: naive SELECT-then-INSERT against a unique key. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void aDuplicateKeyIsCaughtAndTheUpsertPasses(StressTargets.Named server) throws Exception {
        TagTable tags = new TagTable(StressTargets.open(server), true);
        try {
            assertThatThrownBy(() -> Race.of(tags.db, tags::naive).threads(8).rounds(40)
                    .rowsPerKey(tags.countSql()).assertRaceFree())
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining(tags.postgres ? "[SQLState 23505, vendor code 0]" : "vendor code 1062]")
                    .hasMessageContaining("the table holds 1 row for the key");
            assertThatCode(() -> Race.of(tags.db, safeControl(tags)).threads(8).rounds(40)
                    .rowsPerKey(tags.countSql()).assertRaceFree()).doesNotThrowAnyException();
        } finally {
            tags.drop();
        }
    }

    /**
     * The DAO that must pass: insert-then-select on PostgreSQL; MariaDB's one-statement upsert on
     * MariaDB, because there insert-then-select's re-read after the duplicate key misses the
     * winner's row in a few rounds per thousand even in autocommit (seen on the embedded 11.4.5 in
     * CI and here: 2 to 5 of 8 callers in one round of 40, about one run in three; under
     * investigation in issue 18 with race timelines). A control that can fail by itself would
     * make this test flaky, not stricter.
     */
    private static ConnectionCall<String, Long> safeControl(TagTable tags) {
        return tags.postgres ? tags::insertThenSelect : tags::upsertMariaDb;
    }

    /** Duplicate rows while every caller answers the same id: only the table check sees them. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void duplicateRowsAreCaughtWhenCallersAgreeAndTheLockedFormPasses(StressTargets.Named server) throws Exception {
        TagTable tags = new TagTable(StressTargets.open(server), false);
        try {
            assertThatThrownBy(() -> Race.of(tags.db, tags::naiveSmallestId).threads(8).rounds(40)
                    .rowsPerKey(tags.countSql()).assertRaceFree())
                    .isInstanceOf(AssertionError.class)
                    .hasMessageMatching("(?s).*the table holds [2-8] rows for the key \\(expected exactly 1\\).*");
            assertThatCode(() -> Race.of(tags.db, tags::locked).threads(8).rounds(40)
                    .rowsPerKey(tags.countSql()).assertRaceFree()).doesNotThrowAnyException();
        } finally {
            tags.drop();
        }
    }

    /**
     * The lost read (Django 13906): insert-then-select loses the winner's row inside REPEATABLE
     * READ transactions that read the key first, while the safe control (see {@link #safeControl})
     * passes in autocommit and inside READ COMMITTED transactions. MariaDB's one-statement upsert
     * passes inside REPEATABLE READ too.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void theLostReadInARepeatableReadTransactionIsCaught(StressTargets.Named server) throws Exception {
        TagTable tags = new TagTable(StressTargets.open(server), true);
        try {
            assertThatCode(() -> Race.of(tags.db, safeControl(tags)).threads(8).rounds(40)
                    .rowsPerKey(tags.countSql()).assertRaceFree()).doesNotThrowAnyException();
            assertThatCode(() -> Race.of(tags.db, safeControl(tags)).threads(8).rounds(40)
                    .rowsPerKey(tags.countSql()).insideTransaction(Connection.TRANSACTION_READ_COMMITTED)
                    .assertRaceFree()).doesNotThrowAnyException();
            assertThatThrownBy(() -> Race.of(tags.db, tags::insertThenSelect).threads(8).rounds(60)
                    .rowsPerKey(tags.countSql()).insideTransaction(Connection.TRANSACTION_REPEATABLE_READ)
                    .assertRaceFree())
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("each inside a REPEATABLE READ transaction")
                    .hasMessageContaining("[SQLState GC001, vendor code 0]: key race-")
                    .hasMessageContaining("conflicted on insert but was not found when read again");
            if (!tags.postgres) {
                assertThatCode(() -> Race.of(tags.db, tags::upsertMariaDb).threads(8).rounds(40)
                        .rowsPerKey(tags.countSql()).insideTransaction(Connection.TRANSACTION_REPEATABLE_READ)
                        .assertRaceFree()).doesNotThrowAnyException();
            }
        } finally {
            tags.drop();
        }
    }

    /** A key that already has a row would make any race pass: it is refused, not raced. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void aKeyThatIsNotFreshIsRefused(StressTargets.Named server) throws Exception {
        Assumptions.assumeTrue(server.name().endsWith("embedded"), "one server is enough");
        TagTable tags = new TagTable(StressTargets.open(server), true);
        try {
            assertThatThrownBy(() -> Race.of(tags.db, tags::insertThenSelect, round -> "same").threads(2).rounds(2)
                    .rowsPerKey(tags.countSql()).assertRaceFree())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("key \"same\" of round 2 already has 1 row(s)");
        } finally {
            tags.drop();
        }
    }
}
