package io.github.gocbench.engine;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands each run a fresh key space, so a run's keys never collide with rows of earlier runs even
 * if a table were reused: the base is {@code epochSecond * 10^9}, strictly increasing within the
 * JVM (at least 10^9 apart). Keys stay below 2^63 until the year 2262.
 */
final class KeySpace {

    /** Keys available to one run: 10^9 (race rounds and {@code new} keys draw from it). */
    static final long SIZE = 1_000_000_000L;

    private static final AtomicLong LAST = new AtomicLong();

    private KeySpace() {
    }

    /** The first key of a new run's key space. */
    static long nextBase() {
        long wanted = (System.currentTimeMillis() / 1000) * SIZE;
        return LAST.accumulateAndGet(wanted, (last, w) -> Math.max(last + SIZE, w));
    }
}
