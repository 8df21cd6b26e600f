package io.github.gocbench.strategy;

import java.util.regex.Pattern;

/**
 * The table a run gets-or-creates in: {@code id} primary key, {@code k} the natural key
 * (unique unless {@code unique} is false, the {@code --no-unique} condition), and a creation
 * timestamp.
 *
 * @param name   a validated SQL identifier (letters, digits, underscore; at most 48 characters)
 * @param unique whether {@code k} carries a unique constraint
 */
public record Table(String name, boolean unique) {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,47}");

    /** Default table with the unique constraint. */
    public static final Table UNIQUE = new Table("goc_item", true);
    /** Default table without the unique constraint. */
    public static final Table NO_UNIQUE = new Table("goc_item_nu", false);

    public Table {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("table name '" + name
                    + "' is not a plain identifier (letters, digits and _; at most 48 characters)");
        }
    }

    /** The default table for the given unique condition. */
    public static Table of(boolean unique) {
        return unique ? UNIQUE : NO_UNIQUE;
    }
}
