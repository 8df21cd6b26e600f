package io.github.gocbench.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * {@link RaceTest} run through the JUnit launcher, as a build would run it: a safe in-memory
 * get-or-create passes, a racy one (every caller held in its check-then-act window until all have
 * checked) fails with the round, the key and the callers' different ids, and a method that never
 * answers fails saying so.
 */
class RaceTestTest {

    static class SafeCase {
        static final Map<String, Long> ROWS = new ConcurrentHashMap<>();
        static final AtomicLong IDS = new AtomicLong();

        @RaceTest(threads = 4, rounds = 20)
        void getOrCreate(RaceKey key) {
            key.answer(ROWS.computeIfAbsent(key.value(), k -> IDS.incrementAndGet()));
        }
    }

    static class RacyCase {
        static final Map<String, Long> ROWS = new ConcurrentHashMap<>();
        static final AtomicLong IDS = new AtomicLong();
        static final CyclicBarrier ALL_CHECKED = new CyclicBarrier(4);

        @RaceTest(threads = 4, rounds = 20)
        void getOrCreate(RaceKey key) throws Exception {
            Long found = ROWS.get(key.value());
            ALL_CHECKED.await(10, TimeUnit.SECONDS);
            if (found == null) {
                found = IDS.incrementAndGet();
                ROWS.put(key.value(), found);
            }
            key.answer(found);
        }
    }

    static class SilentCase {
        @RaceTest(threads = 2, rounds = 3)
        void getOrCreate(RaceKey key) {
            // forgets key.answer(...)
        }
    }

    private static TestExecutionSummary run(Class<?> testClass) {
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass)).build(), listener);
        return listener.getSummary();
    }

    @Test
    void aSafeMethodPasses() {
        TestExecutionSummary s = run(SafeCase.class);
        assertThat(s.getTestsSucceededCount()).isEqualTo(1);
        assertThat(s.getTotalFailureCount()).isZero();
        assertThat(SafeCase.ROWS).hasSize(20);
    }

    @Test
    void aRacyMethodFailsNamingTheRoundKeyAndAnswers() {
        TestExecutionSummary s = run(RacyCase.class);
        assertThat(s.getTotalFailureCount()).isEqualTo(1);
        Throwable failure = s.getFailures().get(0).getException();
        assertThat(failure).isInstanceOf(AssertionError.class)
                .hasMessageContaining("round 1 of 20, key \"race-")
                .hasMessageContaining("callers disagree on the id:");
    }

    @Test
    void aMethodThatNeverAnswersFails() {
        TestExecutionSummary s = run(SilentCase.class);
        assertThat(s.getTotalFailureCount()).isEqualTo(1);
        assertThat(s.getFailures().get(0).getException())
                .hasMessageContaining("the test method did not call RaceKey.answer(id)");
    }
}
