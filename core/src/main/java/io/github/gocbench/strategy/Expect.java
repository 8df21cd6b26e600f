package io.github.gocbench.strategy;

import io.github.gocbench.outcome.Outcome;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a strategy declares it answers when racing callers share one key, per {@link Situation},
 * in the spirit of jcstress's {@code @Outcome}: CREATED and FOUND are always acceptable; the
 * anomalies listed as {@code known} are acceptable and a race suite must actually find at least
 * one of them (the strategy's documented failure); those listed as {@code possible} are
 * acceptable but rare (not required to show up); every other anomaly is forbidden. A situation
 * with no anomaly listed is declared safe. Double create and id mismatch are forbidden
 * everywhere (the unique constraint is assumed). Declared like:
 *
 * <pre>{@code
 * Expect.safe(AUTOCOMMIT, OUTER_READ_COMMITTED).known(OUTER_REPEATABLE_READ, NOT_FOUND_AFTER_CONFLICT)
 * }</pre>
 *
 * @param bySituation the declaration per situation; a situation missing here is undeclared
 */
public record Expect(Map<Situation, Declared> bySituation) {

    /** Nothing declared (a strategy defined outside the catalogue, e.g. in a test). */
    public static final Expect UNDECLARED = new Expect(Map.of());

    /**
     * The declaration for one situation.
     *
     * @param known    anomalies the strategy is documented to produce here; races must find one
     * @param possible anomalies that may appear here but need not (rare, timing dependent)
     */
    public record Declared(Set<Outcome> known, Set<Outcome> possible) {

        public Declared {
            known = Collections.unmodifiableSet(copy(known));
            possible = Collections.unmodifiableSet(copy(possible));
            for (Outcome o : known) {
                if (!o.isAnomaly()) {
                    throw new IllegalArgumentException(o + " is not an anomaly");
                }
            }
        }

        /** No anomaly is acceptable here. */
        public boolean safe() {
            return known.isEmpty() && possible.isEmpty();
        }

        /** True when {@code o} is acceptable here (CREATED, FOUND, known or possible). */
        public boolean allows(Outcome o) {
            return !o.isAnomaly() || known.contains(o) || possible.contains(o);
        }

        private static EnumSet<Outcome> copy(Set<Outcome> s) {
            return s.isEmpty() ? EnumSet.noneOf(Outcome.class) : EnumSet.copyOf(s);
        }
    }

    public Expect {
        bySituation = Collections.unmodifiableMap(bySituation.isEmpty()
                ? new EnumMap<>(Situation.class) : new EnumMap<>(bySituation));
    }

    /** Declares {@code situations} safe: only CREATED and FOUND. */
    public static Expect safe(Situation... situations) {
        Expect e = UNDECLARED;
        for (Situation s : situations) {
            e = e.with(s, Set.of(), Set.of());
        }
        return e;
    }

    /** Adds {@code outcomes} as known (must be found by a race) in {@code situation}. */
    public Expect known(Situation situation, Outcome... outcomes) {
        Declared d = bySituation.getOrDefault(situation, new Declared(Set.of(), Set.of()));
        EnumSet<Outcome> known = EnumSet.noneOf(Outcome.class);
        known.addAll(d.known());
        known.addAll(Set.of(outcomes));
        return with(situation, known, d.possible());
    }

    /** Adds {@code outcomes} as possible (acceptable, not required) in {@code situation}. */
    public Expect possible(Situation situation, Outcome... outcomes) {
        Declared d = bySituation.getOrDefault(situation, new Declared(Set.of(), Set.of()));
        EnumSet<Outcome> possible = EnumSet.noneOf(Outcome.class);
        possible.addAll(d.possible());
        possible.addAll(Set.of(outcomes));
        return with(situation, d.known(), possible);
    }

    /** The declaration for {@code situation}, if there is one. */
    public Optional<Declared> in(Situation situation) {
        return Optional.ofNullable(bySituation.get(situation));
    }

    /** True when every situation is declared. */
    public boolean complete() {
        return bySituation.keySet().containsAll(EnumSet.allOf(Situation.class));
    }

    private Expect with(Situation situation, Set<Outcome> known, Set<Outcome> possible) {
        Map<Situation, Declared> m = new EnumMap<>(Situation.class);
        m.putAll(bySituation);
        m.put(situation, new Declared(known, possible));
        return new Expect(m);
    }
}
