package io.github.gocbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class KeySpecTest {

    @Test
    void parsesEveryValidForm() {
        assertThat(KeySpec.parse("hot")).isEqualTo(new KeySpec.Hot());
        assertThat(KeySpec.parse("new")).isEqualTo(new KeySpec.New());
        assertThat(KeySpec.parse("hotset:100")).isEqualTo(new KeySpec.HotSet(100));
        assertThat(KeySpec.parse("uniform:100000000")).isEqualTo(new KeySpec.Uniform(100_000_000));
        assertThat(KeySpec.parse("zipf:1000:1.1")).isEqualTo(new KeySpec.Zipf(1000, 1.1));
        assertThat(KeySpec.parse(" ZIPF:1:10 ")).isEqualTo(new KeySpec.Zipf(1, 10.0));
    }

    @Test
    void textRoundTrips() {
        for (String s : new String[] {"hot", "new", "hotset:7", "uniform:1000", "zipf:1000:1.1"}) {
            assertThat(KeySpec.parse(s).text()).isEqualTo(s);
            assertThat(KeySpec.parse(KeySpec.parse(s).text())).isEqualTo(KeySpec.parse(s));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "cold", "hot:1", "new:5", "hotset", "hotset:", "hotset:0", "hotset:-3",
            "hotset:100000001", "hotset:1.5", "hotset:x", "hotset:1:2", "uniform", "uniform:0",
            "uniform:99999999999", "zipf", "zipf:10", "zipf:10:", "zipf:0:1", "zipf:10:0", "zipf:10:-1",
            "zipf:10:10.5", "zipf:10:NaN", "zipf:10:abc", "zipf:10:1:2"})
    void rejectsMalformedFormsWithOneLineListingValidForms(String text) {
        assertThatThrownBy(() -> KeySpec.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hot, hotset:K, uniform:K, zipf:K:s, new")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> KeySpec.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void uniformCoversAllKeysRoughlyEvenly() {
        // 100 keys, 100_000 draws: 1000 expected per key, standard deviation ~31; a +-20% band is
        // more than 6 sigma, and the seed is fixed, so the test is deterministic.
        long base = 5_000_000_000L;
        KeySpec.KeyStream stream = new KeySpec.Uniform(100).stream(base, 0, 1, 42);
        int[] counts = new int[100];
        for (int i = 0; i < 100_000; i++) {
            long key = stream.next();
            assertThat(key).isBetween(base, base + 99);
            counts[(int) (key - base)]++;
        }
        for (int c : counts) {
            assertThat(c).isBetween(800, 1200);
        }
    }

    @Test
    void hotIsOneKey() {
        KeySpec.KeyStream stream = new KeySpec.Hot().stream(77, 3, 4, 1);
        for (int i = 0; i < 10; i++) {
            assertThat(stream.next()).isEqualTo(77);
        }
    }

    @Test
    void zipfRankFrequenciesMatchTheory() {
        // K=1000, s=1.1: P(rank 1) = 1/H(1000,1.1) ~ 0.19. With 200_000 draws the standard
        // deviation of the observed frequency is ~0.0009, so a 0.006 tolerance is > 6 sigma.
        int k = 1000;
        double s = 1.1;
        double harmonic = 0;
        for (int r = 1; r <= k; r++) {
            harmonic += Math.pow(r, -s);
        }
        KeySpec.KeyStream stream = new KeySpec.Zipf(k, s).stream(0, 0, 1, 7);
        int n = 200_000;
        int[] counts = new int[k];
        for (int i = 0; i < n; i++) {
            long key = stream.next();
            assertThat(key).isBetween(0L, (long) k - 1);
            counts[(int) key]++;
        }
        for (int r = 1; r <= 3; r++) {
            double expected = Math.pow(r, -s) / harmonic;
            assertThat((double) counts[r - 1] / n).as("rank %d", r).isCloseTo(expected,
                    org.assertj.core.data.Offset.offset(0.006));
        }
        assertThat(counts[0]).isGreaterThan(counts[1]);
        assertThat(counts[1]).isGreaterThan(counts[9]);
    }

    @Test
    void zipfWorksForHugeKAndSteepExponent() {
        KeySpec.KeyStream big = new KeySpec.Zipf(100_000_000, 0.5).stream(0, 0, 1, 3);
        long max = 0;
        for (int i = 0; i < 10_000; i++) {
            long key = big.next();
            assertThat(key).isBetween(0L, 99_999_999L);
            max = Math.max(max, key);
        }
        // s=0.5 over 10^8 keys is nearly flat at the top: draws reach far beyond the first million.
        assertThat(max).isGreaterThan(1_000_000L);
        KeySpec.KeyStream steep = new KeySpec.Zipf(1000, 10).stream(0, 0, 1, 3);
        int ones = 0;
        for (int i = 0; i < 10_000; i++) {
            if (steep.next() == 0) {
                ones++;
            }
        }
        // P(rank 1) = 1/zeta-ish(10) ~ 0.999
        assertThat(ones).isGreaterThan(9_950);
    }

    @Test
    void newKeysAreUniqueAcrossThreads() {
        int threads = 4;
        Set<Long> seen = new HashSet<>();
        for (int t = 0; t < threads; t++) {
            KeySpec.KeyStream stream = new KeySpec.New().stream(1000, t, threads, t);
            for (int i = 0; i < 1000; i++) {
                assertThat(seen.add(stream.next())).isTrue();
            }
        }
        assertThat(seen).hasSize(4000);
    }

    @Test
    void keySpacesOfRunsDoNotOverlap() {
        long a = KeySpace.nextBase();
        long b = KeySpace.nextBase();
        assertThat(b - a).isGreaterThanOrEqualTo(KeySpace.SIZE);
    }
}
