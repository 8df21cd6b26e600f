package io.github.gocbench.cli;

/** The exit codes of {@code goc} (DESIGN.md, "Command line"). */
public final class ExitCodes {

    /** The command did what was asked (anomalies found are still a successful measurement). */
    public static final int OK = 0;
    /** Anomalies were found and {@code --fail-on-anomaly} was given. */
    public static final int ANOMALY = 1;
    /** The command line was wrong: unknown option, value out of range, unknown strategy, ... */
    public static final int BAD_INPUT = 2;
    /** The database could not be reached or provided, or the run could not be carried out. */
    public static final int UNAVAILABLE = 3;

    private ExitCodes() {
    }
}
