package io.github.gocbench.cost;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Server counters read at one edge of a window: each value by name, or why it could not be read.
 * Mutable while a probe fills it; read-only afterwards by convention.
 */
public final class Snapshot {

    private final Map<String, Long> values = new LinkedHashMap<>();
    private final Map<String, String> unavailable = new LinkedHashMap<>();
    private final Map<String, String> text = new LinkedHashMap<>();

    void put(String name, long value) {
        values.put(name, value);
    }

    void missing(String name, String why) {
        unavailable.put(name, why);
    }

    void text(String name, String value) {
        text.put(name, value);
    }

    /** The value of {@code name}, or {@code null}. */
    public Long value(String name) {
        return values.get(name);
    }

    /** Why {@code name} could not be read (or was never asked for). */
    public String why(String name) {
        String w = unavailable.get(name);
        return w != null ? w : "not read";
    }

    String text(String name) {
        return text.get(name);
    }
}
