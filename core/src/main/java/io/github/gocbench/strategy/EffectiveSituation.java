package io.github.gocbench.strategy;

import java.util.Locale;
import java.util.Optional;

/**
 * The circumstances a run's calls really had, as recorded at run time, and the declared
 * {@link Situation} they fall under, if any. Declarations are made for a server's shipped
 * defaults (PostgreSQL READ COMMITTED, InnoDB REPEATABLE READ, {@code innodb_snapshot_isolation}
 * OFF), with the unique constraint and without churn; a run whose effective settings differ is
 * <em>not declared</em> rather than graded against the wrong declaration (a PostgreSQL whose
 * default isolation is REPEATABLE READ, or a MariaDB 11.6.2+ with snapshot isolation ON).
 *
 * @param isolation          the isolation the calls ran at: the one asked for, else the server's
 *                           recorded default; {@code null} when neither is known
 * @param declaredDefault    the isolation {@link Situation#AUTOCOMMIT} assumes for this server family
 * @param outerTx            the calls ran inside an outer transaction that first read the key
 * @param unique             the table had the unique constraint on {@code k}
 * @param churn              probability that a caller deleted the row after use
 * @param snapshotIsolation  InnoDB's {@code innodb_snapshot_isolation} was ON (false where it does not exist)
 */
public record EffectiveSituation(Isolation isolation, Isolation declaredDefault, boolean outerTx, boolean unique,
                                 double churn, boolean snapshotIsolation) {

    /** The declared situation these settings fall under; empty when no declaration applies. */
    public Optional<Situation> situation() {
        return undeclaredBecause() == null ? Optional.of(match()) : Optional.empty();
    }

    /** Why no declaration applies, in one clause; {@code null} when one does. */
    public String undeclaredBecause() {
        if (!unique) {
            return "declarations assume the unique constraint";
        }
        if (churn > 0) {
            return "declarations are for races without churn";
        }
        if (isolation == null) {
            return "the server's default isolation was not recorded";
        }
        if (snapshotIsolation && isolation != Isolation.READ_COMMITTED) {
            return "declarations assume innodb_snapshot_isolation=OFF; this server has it ON";
        }
        if (outerTx && isolation == Isolation.SERIALIZABLE) {
            return "no declaration for an outer SERIALIZABLE transaction";
        }
        if (!outerTx && isolation != declaredDefault) {
            return "autocommit is declared at " + name(declaredDefault) + " only; these calls ran at "
                    + name(isolation);
        }
        return null;
    }

    private Situation match() {
        if (!outerTx) {
            return Situation.AUTOCOMMIT;
        }
        return isolation == Isolation.READ_COMMITTED ? Situation.OUTER_READ_COMMITTED : Situation.OUTER_REPEATABLE_READ;
    }

    /**
     * Reads an isolation as servers report it (PostgreSQL's {@code read committed}, MySQL's
     * {@code REPEATABLE-READ}) through {@link Isolation#parse}; READ UNCOMMITTED, unknown text and
     * {@code null} give {@code null} (no declaration covers them).
     */
    public static Isolation parseServerIsolation(String s) {
        if (s == null) {
            return null;
        }
        try {
            return Isolation.parse(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A situation as users read it, e.g. {@code outer-read-committed}. */
    public static String label(Situation s) {
        return s.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String name(Isolation i) {
        return i == null ? "an unknown isolation" : i.name().replace('_', ' ');
    }
}
