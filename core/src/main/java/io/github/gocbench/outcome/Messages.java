package io.github.gocbench.outcome;

/**
 * How a (server's, driver's, exception's) message is shortened for one line of output. Drivers
 * put details, hints and positions on further lines; a failure, a note or a result keeps one line.
 */
public final class Messages {

    private Messages() {
    }

    /** The first line of {@code message}, stripped; {@code ""} for {@code null}. */
    public static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String s = message.strip();
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl).strip();
    }

    /** All of {@code message} on one line, its lines joined by {@code "; "}; {@code ""} for {@code null}. */
    public static String oneLine(String message) {
        if (message == null) {
            return "";
        }
        return message.strip().replaceAll("\\s*\\R\\s*", "; ");
    }
}
