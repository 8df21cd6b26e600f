package io.github.gocbench.outcome;

import java.sql.SQLException;

/**
 * A classified failed call: its outcome plus what the server said, so an unknown error is
 * kept rather than swallowed.
 *
 * @param outcome    the anomaly the failure maps to
 * @param sqlState   the SQLState, or {@code null} when there was none
 * @param vendorCode the vendor error code (0 when none)
 * @param message    the first line of the server's message
 */
public record Failure(Outcome outcome, String sqlState, int vendorCode, String message) {

    /** Builds a failure from an exception already classified as {@code outcome}. */
    public static Failure of(Outcome outcome, SQLException e) {
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new Failure(outcome, e.getSQLState(), e.getErrorCode(), Messages.firstLine(msg));
    }
}
