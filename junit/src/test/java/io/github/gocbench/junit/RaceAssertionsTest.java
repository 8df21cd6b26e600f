package io.github.gocbench.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Each failure path of {@link RaceAssertions} on in-memory get-or-creates (no database): the racy
 * ones are made to race every time by holding all callers inside their check-then-act window
 * until every caller has checked (a barrier inside the call, bounded), so the assertion must see
 * the race in round 1; the safe one must pass.
 */
class RaceAssertionsTest {

    private static final int THREADS = 4;

    /** Check, wait until all callers have checked, then act: every caller creates its own id. */
    static final class RacyMap implements KeyCall<String, Long> {
        final Map<String, Long> rows = new ConcurrentHashMap<>();
        final AtomicLong ids = new AtomicLong();
        final CyclicBarrier allChecked = new CyclicBarrier(THREADS);

        @Override
        public Long getOrCreate(String key) throws Exception {
            Long found = rows.get(key);
            allChecked.await(10, TimeUnit.SECONDS);
            if (found != null) {
                return found;
            }
            long id = ids.incrementAndGet();
            rows.put(key, id);
            return id;
        }
    }

    @Test
    void safeGetOrCreatePasses() {
        Map<String, Long> rows = new ConcurrentHashMap<>();
        AtomicLong ids = new AtomicLong();
        assertThatCode(() -> RaceAssertions.assertRaceFree(
                key -> rows.computeIfAbsent(key, k -> ids.incrementAndGet()), THREADS, 20))
                .doesNotThrowAnyException();
        assertThat(rows).hasSize(20);
    }

    @Test
    void disagreeingIdsFail() {
        assertThatThrownBy(() -> RaceAssertions.assertRaceFree(new RacyMap(), THREADS, 5))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("round 1 of 5")
                .hasMessageContaining("callers disagree on the id");
    }

    @Test
    void aThrowingCallerFailsWithItsSqlState() {
        // a table with a unique key: after the race window only the first insert wins, the others get 23505
        Map<String, Long> rows = new ConcurrentHashMap<>();
        CyclicBarrier allChecked = new CyclicBarrier(THREADS);
        AtomicLong ids = new AtomicLong();
        KeyCall<String, Long> unique = key -> {
            Long found = rows.get(key);
            allChecked.await(10, TimeUnit.SECONDS);
            if (found != null) {
                return found;
            }
            long id = ids.incrementAndGet();
            if (rows.putIfAbsent(key, id) != null) {
                throw new SQLException("duplicate key value violates unique constraint", "23505", 0);
            }
            return id;
        };
        assertThatThrownBy(() -> RaceAssertions.assertRaceFree(unique, THREADS, 3))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("round 1 of 3")
                .hasMessageContaining("the callers that answered agree on the id")
                .hasMessageContaining("threw java.sql.SQLException [SQLState 23505, vendor code 0]");
    }

    @Test
    void aNullAnswerFails() {
        assertThatThrownBy(() -> RaceAssertions.assertRaceFree(key -> null, THREADS, 3))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("getOrCreate returned null");
    }

    @Test
    void aHungCallFailsAtTheRoundTimeout() {
        CountDownLatch never = new CountDownLatch(1);
        assertThatThrownBy(() -> RaceAssertions.assertRaceFree(key -> {
            never.await();
            return 1L;
        }, round -> "k" + round, THREADS, 3, Duration.ofMillis(200)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("round 1 of 3")
                .hasMessageContaining("did not answer within 200 ms");
    }

    @Test
    void badArgumentsAreRefused() {
        assertThatThrownBy(() -> RaceAssertions.assertRaceFree(key -> 1L, 1, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2 threads");
        assertThatThrownBy(() -> RaceAssertions.assertRaceFree(key -> 1L, 2, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rounds must be at least 1");
    }

    @Test
    void aRaceWithoutConnectionsRefusesWhatNeedsThem() {
        assertThatThrownBy(() -> Race.of(key -> 1L).insideTransaction(java.sql.Connection.TRANSACTION_REPEATABLE_READ))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Race.of(dataSource");
        assertThatThrownBy(() -> Race.of(key -> 1L).rowsPerKey("SELECT count(*) FROM t WHERE k = ?"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("rowsPerKey(dataSource");
    }

    @Test
    void measureCountsEveryBadRoundWithoutStopping() {
        RaceResult r = Race.of(new RacyMap()).threads(THREADS).rounds(5).measure();
        assertThat(r.rounds()).isEqualTo(5);
        assertThat(r.failedRounds()).isEqualTo(5);
        assertThat(r.firstFailure()).get().asString().contains("round 1 of 5");
    }
}
