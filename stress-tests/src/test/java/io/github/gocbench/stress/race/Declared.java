package io.github.gocbench.stress.race;

import io.github.gocbench.outcome.Outcome;
import io.github.gocbench.strategy.Conditions;
import io.github.gocbench.strategy.Situation;
import java.util.Locale;
import java.util.Set;

/**
 * One row of the race suites' table, jcstress-style: a strategy, a situation, and the outcomes
 * it declares for racing callers there (read from the catalogue, {@link Catalogue}). CREATED and FOUND are always acceptable; {@code known}
 * anomalies are acceptable and a race must find at least one of them (a negative control: a
 * harness that cannot see them is broken); {@code possible} ones are acceptable but not required;
 * every other anomaly, and every broken invariant, is forbidden. No known and no possible
 * anomaly: declared safe.
 *
 * @param dialect  {@code postgres} or {@code mysql}
 * @param strategy strategy id
 * @param when     the situation
 * @param known    anomalies a race must find
 * @param possible anomalies that may appear
 */
record Declared(String dialect, String strategy, Situation when, Set<Outcome> known, Set<Outcome> possible) {

    /** The engine's conditions for this row's situation ({@link Conditions#of}). */
    Conditions conditions() {
        return Conditions.of(when);
    }

    /** The situation as users read it, e.g. {@code outer-read-committed}. */
    String whenName() {
        return when.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    boolean safe() {
        return known.isEmpty() && possible.isEmpty();
    }

    boolean allows(Outcome o) {
        return !o.isAnomaly() || known.contains(o) || possible.contains(o);
    }

    @Override
    public String toString() {
        return strategy + " " + whenName()
                + (safe() ? " SAFE" : " known=" + known + (possible.isEmpty() ? "" : " possible=" + possible));
    }
}
