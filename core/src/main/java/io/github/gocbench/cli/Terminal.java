package io.github.gocbench.cli;

import java.io.PrintWriter;

/**
 * Where a command writes: results to {@code out}, progress and notes to {@code err}, so that
 * {@code out} can be piped. {@code quiet} drops progress and notes; {@code tty} decides between an
 * updating progress line and a plain line every few seconds (CI logs).
 */
record Terminal(PrintWriter out, PrintWriter err, boolean quiet, boolean tty) {

    /** The terminal of a running command: its picocli streams, {@code --quiet}, and whether a console is attached. */
    static Terminal of(picocli.CommandLine cmd, boolean quiet) {
        return new Terminal(cmd.getOut(), cmd.getErr(), quiet, System.console() != null);
    }

    /** A note on stderr (e.g. "starting embedded postgres..."), unless quiet. */
    void note(String line) {
        if (!quiet) {
            err.println(line);
            err.flush();
        }
    }
}
