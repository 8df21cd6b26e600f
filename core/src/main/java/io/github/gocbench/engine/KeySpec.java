package io.github.gocbench.engine;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * How a steady workload picks keys ({@code --keys}): {@code hot}, {@code hotset:K},
 * {@code uniform:K}, {@code zipf:K:s}, {@code new}.
 *
 * <p>Bounded specs ({@code hot}, {@code hotset}, {@code uniform}, {@code zipf}) use the keys
 * {@code base .. base + slots() - 1}, where {@code base} is the run's fresh key space (see
 * {@link KeySpace}); the engine keeps per-key state in arrays indexed by {@code key - base}.
 * {@code new} hands every call a key no call has used before: thread {@code t} of {@code n} uses
 * {@code base + t, base + t + n, base + t + 2n, ...}, so threads share no counter.
 *
 * <p>Every {@link KeyStream} belongs to one thread and owns its own {@link SplittableRandom};
 * there is no shared, contended random generator.
 */
public sealed interface KeySpec permits KeySpec.Hot, KeySpec.HotSet, KeySpec.Uniform, KeySpec.Zipf, KeySpec.New {

    /** Largest K accepted by {@code hotset}, {@code uniform} and {@code zipf}. */
    int MAX_K = 100_000_000;
    /** Largest Zipf exponent accepted. */
    double MAX_S = 10.0;
    /** The valid forms, for error messages. */
    String FORMS = "hot, hotset:K, uniform:K, zipf:K:s, new (K in 1..100000000, 0 < s <= 10)";

    /** The text form users type, e.g. {@code zipf:1000:1.1}. */
    String text();

    /** Number of distinct keys, or 0 for {@code new} (unbounded). */
    int slots();

    /**
     * A key chooser for one thread.
     *
     * @param base    first key of the run's key space
     * @param thread  this thread's index, 0-based
     * @param threads number of threads
     * @param seed    random seed for this thread
     */
    KeyStream stream(long base, int thread, int threads, long seed);

    /** Chooses keys for one thread; not thread-safe. */
    @FunctionalInterface
    interface KeyStream {
        /** The next key. */
        long next();
    }

    /** One key for every call. */
    record Hot() implements KeySpec {
        public String text() {
            return "hot";
        }

        public int slots() {
            return 1;
        }

        public KeyStream stream(long base, int thread, int threads, long seed) {
            return () -> base;
        }
    }

    /** K keys, chosen uniformly; meant for small K (contention). */
    record HotSet(int k) implements KeySpec {
        public HotSet {
            checkK(k);
        }

        public String text() {
            return "hotset:" + k;
        }

        public int slots() {
            return k;
        }

        public KeyStream stream(long base, int thread, int threads, long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            return () -> base + random.nextInt(k);
        }
    }

    /** K keys, chosen uniformly; meant for large K (little contention). */
    record Uniform(int k) implements KeySpec {
        public Uniform {
            checkK(k);
        }

        public String text() {
            return "uniform:" + k;
        }

        public int slots() {
            return k;
        }

        public KeyStream stream(long base, int thread, int threads, long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            return () -> base + random.nextInt(k);
        }
    }

    /**
     * K keys with Zipf exponent s: key rank r (1-based) is chosen with probability proportional
     * to {@code 1 / r^s}; rank 1 is key {@code base}. Sampled by rejection-inversion (Hörmann and
     * Derflinger), which needs O(1) memory whatever K is, so no CDF table is ever built.
     */
    record Zipf(int k, double s) implements KeySpec {
        public Zipf {
            checkK(k);
            if (!(s > 0.0 && s <= MAX_S)) {
                throw new IllegalArgumentException("zipf exponent s must be > 0 and <= 10, got " + s
                        + "; valid --keys forms: " + FORMS);
            }
        }

        public String text() {
            return "zipf:" + k + ":" + s;
        }

        public int slots() {
            return k;
        }

        public KeyStream stream(long base, int thread, int threads, long seed) {
            ZipfSampler sampler = new ZipfSampler(k, s);
            SplittableRandom random = new SplittableRandom(seed);
            return () -> base + sampler.sample(random) - 1;
        }
    }

    /** A key never used before on every call (always missing). */
    record New() implements KeySpec {
        public String text() {
            return "new";
        }

        public int slots() {
            return 0;
        }

        public KeyStream stream(long base, int thread, int threads, long seed) {
            long[] next = {base + thread};
            return () -> {
                long key = next[0];
                next[0] += threads;
                return key;
            };
        }
    }

    private static void checkK(int k) {
        if (k < 1 || k > MAX_K) {
            throw new IllegalArgumentException("key count K must be in 1..100000000, got " + k
                    + "; valid --keys forms: " + FORMS);
        }
    }

    /**
     * Parses a {@code --keys} value.
     *
     * @throws IllegalArgumentException with one line saying what is wrong and the valid forms
     */
    static KeySpec parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("--keys is empty; valid forms: " + FORMS);
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        String[] parts = t.split(":", -1);
        String kind = parts[0];
        switch (kind) {
            case "hot":
            case "new":
                if (parts.length != 1) {
                    throw bad(text, "'" + kind + "' takes no parameters");
                }
                return kind.equals("hot") ? new Hot() : new New();
            case "hotset":
            case "uniform":
                if (parts.length != 2) {
                    throw bad(text, "'" + kind + "' needs exactly one parameter K");
                }
                int k = parseK(text, parts[1]);
                return kind.equals("hotset") ? new HotSet(k) : new Uniform(k);
            case "zipf":
                if (parts.length != 3) {
                    throw bad(text, "'zipf' needs two parameters K and s");
                }
                int zk = parseK(text, parts[1]);
                double s;
                try {
                    s = Double.parseDouble(parts[2]);
                } catch (NumberFormatException e) {
                    throw bad(text, "exponent s '" + parts[2] + "' is not a number");
                }
                if (!(s > 0.0 && s <= MAX_S)) {
                    throw bad(text, "exponent s must be > 0 and <= 10");
                }
                return new Zipf(zk, s);
            default:
                throw bad(text, "unknown kind '" + kind + "'");
        }
    }

    private static int parseK(String text, String k) {
        long v;
        try {
            v = Long.parseLong(k);
        } catch (NumberFormatException e) {
            throw bad(text, "K '" + k + "' is not a whole number");
        }
        if (v < 1 || v > MAX_K) {
            throw bad(text, "K must be in 1..100000000");
        }
        return (int) v;
    }

    private static IllegalArgumentException bad(String text, String what) {
        return new IllegalArgumentException("bad --keys '" + text + "': " + what + "; valid forms: " + FORMS);
    }
}
