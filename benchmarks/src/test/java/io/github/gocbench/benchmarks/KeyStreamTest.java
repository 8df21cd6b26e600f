package io.github.gocbench.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class KeyStreamTest {

    @Test
    void hotIsAlwaysKeyOne() {
        KeyStream keys = KeyStream.parse("hot", new AtomicLong());
        for (int i = 0; i < 100; i++) {
            assertThat(keys.next()).isEqualTo(1L);
        }
    }

    @Test
    void hotsetStaysWithinOneToKAndReachesBothEnds() {
        KeyStream keys = KeyStream.parse("hotset:3", new AtomicLong());
        Set<Long> seen = new HashSet<>();
        // 1000 draws over 3 keys: the chance of missing one is 3 * (2/3)^1000, far below 1e-100
        for (int i = 0; i < 1000; i++) {
            seen.add(keys.next());
        }
        assertThat(seen).containsExactlyInAnyOrder(1L, 2L, 3L);
    }

    @Test
    void newNeverRepeatsAcrossStreamsSharingTheCounter() {
        AtomicLong counter = new AtomicLong();
        KeyStream a = KeyStream.parse("new", counter);
        KeyStream b = KeyStream.parse("new", counter);
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            assertThat(seen.add(a.next())).isTrue();
            assertThat(seen.add(b.next())).isTrue();
        }
    }

    @Test
    void badFormsSayWhatIsValid() {
        for (String bad : new String[] {"zipf", "hotset:0", "uniform:x", "hotset:", "warm"}) {
            assertThatThrownBy(() -> KeyStream.parse(bad, new AtomicLong()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(bad);
        }
    }
}
