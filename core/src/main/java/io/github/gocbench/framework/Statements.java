package io.github.gocbench.framework;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The two small things the replays share besides {@link io.github.gocbench.dialect.KeyRows}: sending
 * a transaction-control statement literally (frameworks send {@code BEGIN}, {@code SAVEPOINT x}
 * themselves, so the replays do too rather than let the driver choose), and the normalized form in
 * which declared and logged statements are compared.
 */
public final class Statements {

    private static final Pattern PG_PARAM = Pattern.compile("\\$\\d+");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])-?\\d+(\\.\\d+)?(?![\\w.])");
    private static final Pattern QUOTED_NUMBER = Pattern.compile("'-?\\d+'");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private Statements() {
    }

    /** Sends {@code sql} as it is (no parameters), e.g. {@code BEGIN} or {@code SAVEPOINT active_record_1}. */
    static void send(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    /**
     * Sends {@code rollback} after {@code failure}, attaching a failing rollback to it, so a replay
     * never leaves a literal transaction open behind an exception.
     */
    static void rollbackAfter(Connection connection, String rollback, Throwable failure) {
        try {
            send(connection, rollback);
        } catch (SQLException r) {
            failure.addSuppressed(r);
        }
    }

    /**
     * The comparable form of a statement: lower case, runs of white space as one blank, no trailing
     * semicolon, and every PostgreSQL parameter ({@code $1}) or number literal (also quoted, as
     * MariaDB logs a bound string) as {@code ?}.
     */
    public static String normalize(String sql) {
        String s = SPACE.matcher(sql.trim()).replaceAll(" ");
        while (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).trim();
        }
        s = PG_PARAM.matcher(s).replaceAll("?");
        s = QUOTED_NUMBER.matcher(s).replaceAll("?");
        s = NUMBER.matcher(s).replaceAll("?");
        return s.toLowerCase(Locale.ROOT);
    }

    /** {@link #normalize} of each. */
    public static List<String> normalize(List<String> statements) {
        List<String> out = new ArrayList<>(statements.size());
        statements.forEach(s -> out.add(normalize(s)));
        return out;
    }
}
