package io.github.gocbench.server;

/**
 * The target could not be reached or provided. Its message is one line that says what is wrong
 * and what to do; the CLI prints it and exits with code 3.
 */
public final class TargetUnavailableException extends Exception {

    private final boolean badInput;

    public TargetUnavailableException(String oneLine, Throwable cause) {
        super(oneLine, cause);
        this.badInput = false;
    }

    public TargetUnavailableException(String oneLine) {
        this(oneLine, false);
    }

    private TargetUnavailableException(String oneLine, boolean badInput) {
        super(oneLine);
        this.badInput = badInput;
    }

    /** The target's description itself is wrong (a malformed URL): the user's input, not the server. */
    public static TargetUnavailableException badInput(String oneLine) {
        return new TargetUnavailableException(oneLine, true);
    }

    /** Whether the user's input is at fault (the CLI exits 2 rather than 3). */
    public boolean isBadInput() {
        return badInput;
    }
}
