package io.github.gocbench.benchmarks;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The keys one benchmark thread gets-or-creates, from the {@code keys} parameter: {@code hot}
 * (key 1 every call), {@code hotset:K} and {@code uniform:K} (uniform over 1..K; small K means
 * contention, large K little), {@code new} (a key no call used before, shared counter across
 * threads, so every call inserts).
 *
 * <p>Local and minimal on purpose: it only draws keys. Replace the parsing with
 * {@code io.github.gocbench.engine.KeySpec.parse} once that lands on main, so the benchmark and
 * {@code goc bench} accept exactly the same {@code --keys} forms.
 */
@FunctionalInterface
interface KeyStream {

    /** The next key for this thread. */
    long next();

    /**
     * Parses {@code text}.
     *
     * @param newKeys the counter {@code new} draws from, shared by all threads of a trial
     * @throws IllegalArgumentException naming the valid forms
     */
    static KeyStream parse(String text, AtomicLong newKeys) {
        String t = text.trim();
        if (t.equals("hot")) {
            return () -> 1L;
        }
        if (t.equals("new")) {
            return newKeys::incrementAndGet;
        }
        int colon = t.indexOf(':');
        if (colon > 0) {
            String kind = t.substring(0, colon);
            if (kind.equals("hotset") || kind.equals("uniform")) {
                long k = parseCount(t.substring(colon + 1), text);
                return () -> ThreadLocalRandom.current().nextLong(1, k + 1);
            }
        }
        throw new IllegalArgumentException("keys '" + text + "': use hot, hotset:K, uniform:K or new");
    }

    private static long parseCount(String s, String text) {
        try {
            long k = Long.parseLong(s);
            if (k >= 1) {
                return k;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("keys '" + text + "': K must be a whole number >= 1");
    }
}
