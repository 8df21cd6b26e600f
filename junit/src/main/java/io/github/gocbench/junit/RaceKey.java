package io.github.gocbench.junit;

/**
 * One thread's part of a {@link RaceTest} round: the round's key, and the id this thread's
 * get-or-create answered.
 */
public final class RaceKey {

    private final String value;
    private Object answer;

    RaceKey(String value) {
        this.value = value;
    }

    /** The round's key, {@code race-<random>-<round>}: no row has it before the round. */
    public String value() {
        return value;
    }

    /** Records what this thread's get-or-create answered (compared with {@code equals} across threads). */
    public void answer(Object id) {
        this.answer = id;
    }

    Object answered() {
        return answer;
    }

    @Override
    public String toString() {
        return value;
    }
}
