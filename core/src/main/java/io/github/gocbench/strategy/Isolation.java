package io.github.gocbench.strategy;

import java.sql.Connection;
import java.util.Locale;

/** Transaction isolation levels a run can ask for ({@code --isolation}). */
public enum Isolation {
    READ_COMMITTED(Connection.TRANSACTION_READ_COMMITTED),
    REPEATABLE_READ(Connection.TRANSACTION_REPEATABLE_READ),
    SERIALIZABLE(Connection.TRANSACTION_SERIALIZABLE);

    private final int jdbcLevel;

    Isolation(int jdbcLevel) {
        this.jdbcLevel = jdbcLevel;
    }

    /** The {@link Connection} constant for this level. */
    public int jdbcLevel() {
        return jdbcLevel;
    }

    /** The name users type: {@code read-committed}, {@code repeatable-read}, {@code serializable}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Parses a {@code --isolation} value or a recorded one; throws with the valid names when
     * unknown. Case and the separator ({@code -}, {@code _} or a space) do not matter, so the
     * enum spelling older result files hold reads back too.
     */
    public static Isolation parse(String s) {
        String wanted = s.trim().replace('_', '-').replace(' ', '-');
        for (Isolation i : values()) {
            if (i.cliName().equalsIgnoreCase(wanted)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown isolation '" + s
                + "': use read-committed, repeatable-read or serializable");
    }
}
