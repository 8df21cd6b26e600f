package io.github.gocbench.server;

import io.github.gocbench.dialect.ConnectRefusal;
import io.github.gocbench.dialect.Dialect;
import io.github.gocbench.outcome.Messages;
import io.github.gocbench.outcome.Outcome;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a failed connection attempt into one line that says what is wrong and what to do.
 * Recognised: unreachable server (refused, unknown host, no route, timeout), the refusals the
 * dialect's error table names ({@link ConnectRefusal}: authentication failure, no access to the
 * database, unknown database) and a URL no driver accepts. Anything else is reported with its
 * SQLState, vendor code and first line.
 * The caller masks passwords.
 */
final class ConnectFailures {

    private ConnectFailures() {
    }

    static String describe(SQLException e, JdbcUrl url, String user, int connectTimeoutSeconds, Dialect dialect) {
        String where = url.hostPort();
        String why = network(e);
        if (why != null) {
            String advice = why.startsWith("unknown host") ? "check the host name in --db-url"
                    : "is the server running? check --db-url";
            return "cannot reach " + where + " (" + why + "): " + advice;
        }
        String who = user == null ? "" : " '" + user + "'";
        Optional<ConnectRefusal> refusal = dialect.connectRefusal(e);
        if (refusal.isPresent()) {
            String code = refusal.get().code();
            return switch (refusal.get().reason()) {
                case AUTHENTICATION -> "authentication failed for user" + who + " at " + where + " (" + code
                        + "): check the user and password (--db-user/--db-password or the URL)";
                case DATABASE_ACCESS_DENIED -> "user" + who + " may not use database '" + url.database() + "' at "
                        + where + " (" + code + "): grant access or name another database in --db-url";
                case UNKNOWN_DATABASE -> "database '" + url.database() + "' does not exist at " + where + " ("
                        + code + "): create it or name an existing database in --db-url";
            };
        }
        String first = firstLine(e.getMessage());
        if (first.toLowerCase(Locale.ROOT).contains("no suitable driver")) {
            return "malformed JDBC URL '" + Secrets.maskUrl(url.url()) + "': expected " + JdbcUrl.example(url.family());
        }
        if (timedOut(e, dialect)) {
            return "cannot reach " + where + " (no answer within " + connectTimeoutSeconds
                    + " s): is the server running and the port right? check --db-url";
        }
        String state = e.getSQLState();
        int code = e.getErrorCode();
        return "cannot connect to " + where + " (SQLState " + (state == null || state.isEmpty() ? "none" : state)
                + (code != 0 ? ", error " + code : "") + "): " + first;
    }

    /** The network-level reason in the cause chain, or null when the server answered. */
    private static String network(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException) {
                return "connection refused";
            }
            if (t instanceof UnknownHostException) {
                return "unknown host " + t.getMessage();
            }
            if (t instanceof NoRouteToHostException) {
                return "no route to host";
            }
        }
        return null;
    }

    private static boolean timedOut(SQLException e, Dialect dialect) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SocketTimeoutException) {
                return true;
            }
        }
        // a lost connection (SQLState class 08 in both tables) whose driver says it timed out
        return dialect.classify(e) == Outcome.CONNECTION_LOST && String.valueOf(e.getMessage()).contains("timed out");
    }

    static String firstLine(String message) {
        return message == null || message.isBlank() ? "(no message)" : Messages.firstLine(message);
    }
}
