package io.github.gocbench.server;

import io.github.gocbench.dialect.DbFamily;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a failed connection attempt into one line that says what is wrong and what to do.
 * Recognised: unreachable server (refused, unknown host, no route, timeout), authentication
 * failure (PostgreSQL 28P01/28000, MySQL/MariaDB 1045), unknown database (3D000, 1049) and a URL
 * no driver accepts. Anything else is reported with its SQLState, vendor code and first line.
 * The caller masks passwords.
 */
final class ConnectFailures {

    /** PostgreSQL invalid password / invalid authorization specification. */
    private static final Set<String> AUTH_STATES = Set.of("28P01", "28000");
    private static final int MYSQL_ACCESS_DENIED = 1045;
    private static final int MYSQL_DB_ACCESS_DENIED = 1044;
    private static final int MYSQL_UNKNOWN_DATABASE = 1049;

    private ConnectFailures() {
    }

    static String describe(SQLException e, JdbcUrl url, String user, int connectTimeoutSeconds) {
        String where = url.hostPort();
        String why = network(e);
        if (why != null) {
            String advice = why.startsWith("unknown host") ? "check the host name in --db-url"
                    : "is the server running? check --db-url";
            return "cannot reach " + where + " (" + why + "): " + advice;
        }
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        int code = e.getErrorCode();
        boolean pg = url.family() == DbFamily.POSTGRES;
        String who = user == null ? "" : " '" + user + "'";
        if (pg && AUTH_STATES.contains(state) || !pg && code == MYSQL_ACCESS_DENIED) {
            return "authentication failed for user" + who + " at " + where + " (" + codeText(pg, state, code)
                    + "): check the user and password (--db-user/--db-password or the URL)";
        }
        if (!pg && code == MYSQL_DB_ACCESS_DENIED) {
            return "user" + who + " may not use database '" + url.database() + "' at " + where
                    + " (error 1044): grant access or name another database in --db-url";
        }
        if (pg && "3D000".equals(state) || !pg && code == MYSQL_UNKNOWN_DATABASE) {
            return "database '" + url.database() + "' does not exist at " + where + " ("
                    + codeText(pg, state, code) + "): create it or name an existing database in --db-url";
        }
        String first = firstLine(e.getMessage());
        if (first.toLowerCase(Locale.ROOT).contains("no suitable driver")) {
            return "malformed JDBC URL '" + Secrets.maskUrl(url.url()) + "': expected " + JdbcUrl.example(url.family());
        }
        if (timedOut(e)) {
            return "cannot reach " + where + " (no answer within " + connectTimeoutSeconds
                    + " s): is the server running and the port right? check --db-url";
        }
        return "cannot connect to " + where + " (SQLState " + (state.isEmpty() ? "none" : state)
                + (code != 0 ? ", error " + code : "") + "): " + first;
    }

    private static String codeText(boolean pg, String state, int code) {
        return pg ? "SQLState " + state : "error " + code;
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

    private static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SocketTimeoutException) {
                return true;
            }
        }
        String state = e instanceof SQLException s ? s.getSQLState() : null;
        return state != null && state.startsWith("08") && String.valueOf(e.getMessage()).contains("timed out");
    }

    static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "(no message)";
        }
        String trimmed = message.strip();
        int nl = trimmed.indexOf('\n');
        return (nl < 0 ? trimmed : trimmed.substring(0, nl)).strip();
    }
}
