package io.github.gocbench.engine;

/**
 * How a steady workload picks keys ({@code --keys}): {@code hot}, {@code hotset:K},
 * {@code uniform:K}, {@code zipf:K:s}, {@code new}.
 */
public sealed interface KeySpec permits KeySpec.Hot, KeySpec.HotSet, KeySpec.Uniform, KeySpec.Zipf, KeySpec.New {

    /** The text form users type, e.g. {@code zipf:1000:1.1}. */
    String text();

    /** One key for every call. */
    record Hot() implements KeySpec {
        public String text() {
            return "hot";
        }
    }

    /** K keys, chosen uniformly; meant for small K (contention). */
    record HotSet(int k) implements KeySpec {
        public String text() {
            return "hotset:" + k;
        }
    }

    /** K keys, chosen uniformly; meant for large K (little contention). */
    record Uniform(int k) implements KeySpec {
        public String text() {
            return "uniform:" + k;
        }
    }

    /** K keys with Zipf exponent s. */
    record Zipf(int k, double s) implements KeySpec {
        public String text() {
            return "zipf:" + k + ":" + s;
        }
    }

    /** A key never used before on every call (always missing). */
    record New() implements KeySpec {
        public String text() {
            return "new";
        }
    }

    /**
     * Parses a {@code --keys} value.
     *
     * @throws IllegalArgumentException with one line saying what is wrong and the valid forms
     */
    static KeySpec parse(String text) {
        throw new UnsupportedOperationException("TODO engine");
    }
}
