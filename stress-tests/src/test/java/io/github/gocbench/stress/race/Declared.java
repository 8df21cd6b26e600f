package io.github.gocbench.stress.race;

import io.github.gocbench.engine.Conditions;
import io.github.gocbench.engine.Isolation;
import io.github.gocbench.outcome.Outcome;
import java.util.Set;

/**
 * One row of the race suites' table, jcstress-style: a strategy, a condition, and the outcomes
 * declared for racing callers there. CREATED and FOUND are always acceptable; {@code known}
 * anomalies are acceptable and a race must find at least one of them (a negative control: a
 * harness that cannot see them is broken); {@code possible} ones are acceptable but not required;
 * every other anomaly, and every broken invariant, is forbidden. No known and no possible
 * anomaly: declared safe.
 *
 * @param dialect  {@code postgres} or {@code mysql}
 * @param strategy strategy id
 * @param when     the condition
 * @param known    anomalies a race must find
 * @param possible anomalies that may appear
 */
record Declared(String dialect, String strategy, When when, Set<Outcome> known, Set<Outcome> possible) {

    /** The conditions the declarations are made for (the catalogue's situations). */
    enum When {
        AUTOCOMMIT(new Conditions(null, false, true, false, 0.0)),
        OUTER_READ_COMMITTED(new Conditions(Isolation.READ_COMMITTED, true, true, false, 0.0)),
        OUTER_REPEATABLE_READ(new Conditions(Isolation.REPEATABLE_READ, true, true, false, 0.0));

        final Conditions conditions;

        When(Conditions conditions) {
            this.conditions = conditions;
        }
    }

    boolean safe() {
        return known.isEmpty() && possible.isEmpty();
    }

    boolean allows(Outcome o) {
        return !o.isAnomaly() || known.contains(o) || possible.contains(o);
    }

    @Override
    public String toString() {
        return strategy + " " + when.name().toLowerCase().replace('_', '-')
                + (safe() ? " SAFE" : " known=" + known + (possible.isEmpty() ? "" : " possible=" + possible));
    }
}
