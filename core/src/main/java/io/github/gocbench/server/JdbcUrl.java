package io.github.gocbench.server;

import io.github.gocbench.dialect.DbFamily;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JDBC URL checked against the family it has to serve, split into the parts a target needs:
 * where it points (for messages), which database, and which credentials it carries (so they can
 * be overridden and masked). PostgreSQL uses {@code jdbc:postgresql://}; MariaDB and MySQL use
 * MySQL Connector/J and so {@code jdbc:mysql://}.
 */
record JdbcUrl(DbFamily family, String url, String host, int port, String database) {

    private static final Pattern HOST_PORT = Pattern.compile("(\\[[^\\]]*\\]|[^:,\\[\\]]*)(?::([^,]*))?(?:,.*)?");
    private static final Pattern QUERY_PARAM = Pattern.compile("(?i)([?&;])(user|password|pwd)=([^&;]*)");

    /** The URL prefix a family's driver accepts. */
    static String prefix(DbFamily family) {
        return family == DbFamily.POSTGRES ? "jdbc:postgresql://" : "jdbc:mysql://";
    }

    static int defaultPort(DbFamily family) {
        return family == DbFamily.POSTGRES ? 5432 : 3306;
    }

    /** What a valid URL for {@code family} looks like, for messages. */
    static String example(DbFamily family) {
        return family == DbFamily.POSTGRES
                ? "jdbc:postgresql://HOST[:5432]/DATABASE?user=USER"
                : "jdbc:mysql://HOST[:3306]/DATABASE?user=USER";
    }

    /**
     * Parses and validates {@code url} for {@code family}.
     *
     * @throws TargetUnavailableException one line naming what is wrong with the URL
     */
    static JdbcUrl parse(DbFamily family, String url) throws TargetUnavailableException {
        String trimmed = url == null ? "" : url.trim();
        String shown = Secrets.maskUrl(trimmed);
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("jdbc:")) {
            throw TargetUnavailableException.badInput("malformed JDBC URL '" + shown + "': expected " + example(family));
        }
        if (!lower.startsWith(prefix(family))) {
            String hint = family != DbFamily.POSTGRES && lower.startsWith("jdbc:mariadb:")
                    ? " (goc connects to MariaDB with MySQL Connector/J: write jdbc:mysql://...)" : "";
            throw TargetUnavailableException.badInput("--db " + family.cliName() + " needs a " + prefix(family)
                    + " URL, got '" + shown + "'" + hint);
        }
        String rest = trimmed.substring(prefix(family).length());
        int end = indexOfAny(rest, "/?");
        String authority = end < 0 ? rest : rest.substring(0, end);
        String afterAuthority = end < 0 ? "" : rest.substring(end);
        int at = authority.lastIndexOf('@');
        String hostPort = at < 0 ? authority : authority.substring(at + 1);
        Matcher m = HOST_PORT.matcher(hostPort);
        if (!m.matches()) {
            throw TargetUnavailableException.badInput("malformed JDBC URL '" + shown + "': expected " + example(family));
        }
        String host = m.group(1).isEmpty() ? "localhost" : m.group(1);
        int port = defaultPort(family);
        if (m.group(2) != null) {
            try {
                port = Integer.parseInt(m.group(2));
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 1 || port > 65535) {
                throw TargetUnavailableException.badInput("malformed JDBC URL '" + shown + "': port '" + m.group(2)
                        + "' is not a number from 1 to 65535");
            }
        }
        String database = "";
        if (afterAuthority.startsWith("/")) {
            int q = indexOfAny(afterAuthority, "?;");
            database = (q < 0 ? afterAuthority : afterAuthority.substring(0, q)).substring(1);
        }
        return new JdbcUrl(family, trimmed, host, port, database);
    }

    /** {@code host:port} for messages. */
    String hostPort() {
        return host + ":" + port;
    }

    /** The user named in the URL ({@code user=} parameter or userinfo), or null. */
    String user() {
        for (String[] p : credentialParams()) {
            if (p[0].equalsIgnoreCase("user")) {
                return p[1];
            }
        }
        String userinfo = userinfo();
        if (userinfo != null) {
            int colon = userinfo.indexOf(':');
            return colon < 0 ? userinfo : userinfo.substring(0, colon);
        }
        return null;
    }

    /** Every password the URL carries (query parameter or userinfo), for masking. */
    List<String> passwords() {
        List<String> out = new ArrayList<>();
        for (String[] p : credentialParams()) {
            if (!p[0].equalsIgnoreCase("user") && !p[1].isEmpty()) {
                out.add(p[1]);
            }
        }
        String userinfo = userinfo();
        if (userinfo != null && userinfo.indexOf(':') >= 0) {
            String pw = userinfo.substring(userinfo.indexOf(':') + 1);
            if (!pw.isEmpty()) {
                out.add(pw);
            }
        }
        return out;
    }

    /**
     * The URL without the credentials that are given separately: drivers let URL parameters win
     * over connection properties, so an override only works once the URL no longer names them.
     */
    String withoutCredentials(boolean dropUser, boolean dropPassword) {
        if (!dropUser && !dropPassword) {
            return url;
        }
        String base = url;
        String userinfo = userinfo();
        if (userinfo != null) {
            int colon = userinfo.indexOf(':');
            String userPart = colon < 0 ? userinfo : userinfo.substring(0, colon);
            String passwordPart = colon < 0 ? null : userinfo.substring(colon);
            String kept = (dropUser ? "" : userPart) + (dropPassword || passwordPart == null ? "" : passwordPart);
            base = base.replaceFirst(Pattern.quote(userinfo + "@"),
                    Matcher.quoteReplacement(kept.isEmpty() ? "" : kept + "@"));
        }
        Matcher m = QUERY_PARAM.matcher(base);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            boolean isUser = m.group(2).equalsIgnoreCase("user");
            boolean drop = isUser ? dropUser : dropPassword;
            m.appendReplacement(sb, drop ? Matcher.quoteReplacement(m.group(1)) : Matcher.quoteReplacement(m.group()));
        }
        m.appendTail(sb);
        // tidy separators left behind: "?&x" -> "?x", "&&" -> "&", trailing "?"/"&"
        return sb.toString().replaceAll("([?&;])[&;]+", "$1").replaceAll("[?&;]+$", "");
    }

    private List<String[]> credentialParams() {
        List<String[]> out = new ArrayList<>();
        Matcher m = QUERY_PARAM.matcher(url);
        while (m.find()) {
            out.add(new String[] {m.group(2), m.group(3)});
        }
        return out;
    }

    private String userinfo() {
        String rest = url.substring(prefix(family).length());
        int end = indexOfAny(rest, "/?");
        String authority = end < 0 ? rest : rest.substring(0, end);
        int at = authority.lastIndexOf('@');
        return at < 0 ? null : authority.substring(0, at);
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return Secrets.maskUrl(url);
    }
}
