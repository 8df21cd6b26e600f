package io.github.gocbench.explain;

/** Names of callers in schedules and swimlanes: A, B, C. */
final class Schedules {

    private Schedules() {
    }

    /** Caller {@code index}'s name. */
    static String name(int index) {
        return String.valueOf((char) ('A' + index));
    }
}
