package io.github.gocbench.cli;

import io.github.gocbench.engine.ProgressListener;
import java.util.function.LongSupplier;

/**
 * Shows progress of runs longer than a second: on a terminal one line rewritten in place with
 * {@code \r}; otherwise (CI logs, pipes) a plain line about every five seconds.
 */
final class ProgressDisplay {

    private static final long FIRST_AFTER_MS = 1000;
    private static final long PLAIN_EVERY_MS = 5000;

    private final Terminal term;
    private int shownWidth;
    private long lastPlainAt = Long.MIN_VALUE;

    ProgressDisplay(Terminal term) {
        this.term = term;
    }

    /**
     * A listener for one run.
     *
     * @param label     what is running, e.g. "[3/12] postgres naive race 8 threads"
     * @param estimateMs the run's estimated length, used until the engine reports a fraction
     * @param laterMs   estimated time of the runs still to come after this one
     */
    ProgressListener listener(String label, long estimateMs, LongSupplier laterMs) {
        if (term.quiet()) {
            return ProgressListener.NONE;
        }
        return p -> show(line(label, p, estimateMs, laterMs.getAsLong()), p.elapsedMs(), p.fraction() >= 1.0);
    }

    static String line(String label, ProgressListener.Progress p, long estimateMs, long laterMs) {
        long elapsed = p.elapsedMs();
        long left;
        if (p.fraction() > 0.02) {
            left = (long) (elapsed * (1 - p.fraction()) / p.fraction());
        } else {
            left = Math.max(0, estimateMs - elapsed);
        }
        StringBuilder sb = new StringBuilder(label);
        sb.append("  ").append(p.phase());
        sb.append(String.format("  %3d%%", Math.round(Math.min(1, Math.max(0, p.fraction())) * 100)));
        sb.append("  elapsed ").append(Durations.clock(elapsed));
        sb.append("  ~").append(Durations.clock(left + laterMs)).append(" left");
        sb.append("  calls ").append(p.calls());
        if (p.anomalies() > 0) {
            sb.append("  anomalies ").append(p.anomalies());
        }
        return sb.toString();
    }

    private synchronized void show(String line, long elapsedMs, boolean finished) {
        if (elapsedMs < FIRST_AFTER_MS) {
            return;
        }
        if (term.tty()) {
            // A line wider than the terminal wraps, and \r then rewrites only its last part.
            int width = terminalWidth() - 1;
            if (line.length() > width) {
                line = line.substring(0, Math.max(10, width - 3)) + "...";
            }
            String padded = line.length() < shownWidth ? line + " ".repeat(shownWidth - line.length()) : line;
            term.err().print("\r" + padded);
            term.err().flush();
            shownWidth = line.length();
        } else if (!finished) { // in a log, a finished run is reported by its result line instead
            long now = System.nanoTime() / 1_000_000;
            if (lastPlainAt == Long.MIN_VALUE || now - lastPlainAt >= PLAIN_EVERY_MS) {
                lastPlainAt = now;
                term.err().println(line);
                term.err().flush();
            }
        }
    }

    /** $COLUMNS when the shell exports it, else 100. */
    private static int terminalWidth() {
        try {
            String c = System.getenv("COLUMNS");
            return c == null ? 100 : Math.max(40, Integer.parseInt(c.trim()));
        } catch (NumberFormatException e) {
            return 100;
        }
    }

    /** Removes the progress line (on a terminal) so results print on a clean line. */
    synchronized void clear() {
        if (term.tty() && shownWidth > 0) {
            term.err().print("\r" + " ".repeat(shownWidth) + "\r");
            term.err().flush();
            shownWidth = 0;
        }
    }
}
