package io.github.gocbench.target;

/**
 * The target could not be reached or provided. Its message is one line that says what is wrong
 * and what to do; the CLI prints it and exits with code 3.
 */
public final class TargetUnavailableException extends Exception {

    public TargetUnavailableException(String oneLine, Throwable cause) {
        super(oneLine, cause);
    }

    public TargetUnavailableException(String oneLine) {
        super(oneLine);
    }
}
