package io.github.gocbench.outcome;

/**
 * What one get-or-create call returned to its caller (DESIGN.md, "Call outcomes").
 * {@link #CREATED} and {@link #FOUND} are the good answers; every other value is an anomaly.
 */
public enum Outcome {
    /** This call inserted the row. */
    CREATED("created"),
    /** The row existed; this call read it. */
    FOUND("found"),
    /** A unique violation reached the caller (PG 23505, MySQL 1062). */
    DUPLICATE_KEY("dup"),
    /** The strategy lost the insert race, then its re-read saw no row. */
    NOT_FOUND_AFTER_CONFLICT("notfound"),
    /** The snapshot could not be kept (PG 40001). */
    SERIALIZATION_FAILURE("serial"),
    /** Lock cycle (PG 40P01, MySQL 1213). */
    DEADLOCK("deadlock"),
    /** Waited too long for a lock (PG 55P03, MySQL 1205). */
    LOCK_TIMEOUT("locktimeout"),
    /** InnoDB snapshot isolation refused a read or write (MariaDB 1020). */
    SNAPSHOT_CONFLICT("snapshot"),
    /** A statement or the call exceeded its bound (PG 57014, MySQL 3024 / 1969). */
    TIMEOUT("timeout"),
    /** The server or the connection went away (SQLState class 08). */
    CONNECTION_LOST("connlost"),
    /** Anything else; the failure keeps SQLState, vendor code and message. */
    OTHER("other");

    private final String shortName;

    Outcome(String shortName) {
        this.shortName = shortName;
    }

    /** Short name for verdict grids and compact tables. */
    public String shortName() {
        return shortName;
    }

    /** True for every outcome other than CREATED and FOUND. */
    public boolean isAnomaly() {
        return this != CREATED && this != FOUND;
    }
}
