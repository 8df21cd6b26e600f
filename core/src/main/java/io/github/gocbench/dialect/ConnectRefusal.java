package io.github.gocbench.dialect;

/**
 * Why a server turned a connection attempt away, as a dialect's error table reads the error: the
 * few cases the harness answers with advice of their own (check the password, create the
 * database). Anything else it reports with the server's own words.
 *
 * @param reason what is wrong
 * @param code   the server's code in its own terms, for the message: {@code SQLState 28P01},
 *               {@code error 1045}
 */
public record ConnectRefusal(Reason reason, String code) {

    /** What is wrong with the attempt. */
    public enum Reason {
        /** Wrong user or password. */
        AUTHENTICATION,
        /** The user may not use the database (MySQL/MariaDB only). */
        DATABASE_ACCESS_DENIED,
        /** The database does not exist. */
        UNKNOWN_DATABASE
    }
}
