package io.github.gocbench.strategy;

import io.github.gocbench.outcome.Evidence;
import io.github.gocbench.outcome.Invariant;
import io.github.gocbench.outcome.Outcome;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One run graded against its strategy's {@link Expect}, the way the CLI, compare, matrix, the
 * report and the race suites all grade: an anomaly the declaration for the run's effective
 * situation does not allow, or a broken double-create, id-mismatch or duplicate-row invariant, is
 * {@link Grade#FORBIDDEN_SEEN}; a declaration with known anomalies none of which appeared is
 * {@link Grade#DECLARED_NOT_SEEN}; otherwise {@link Grade#AS_DECLARED}. Repeated side effects are
 * not graded: where the hook sits decides them, not the declaration.
 *
 * @param grade               the grade
 * @param situation           the declared situation the run was graded under, or {@code null}
 * @param undeclaredBecause   why the run is {@link Grade#NOT_DECLARED}, else {@code null}
 * @param forbiddenOutcomes   anomalies seen that the declaration forbids
 * @param forbiddenInvariants invariants broken that every declaration forbids
 * @param knownNotSeen        the declared known anomalies, when none of them was seen
 */
public record Grading(Grade grade, Situation situation, String undeclaredBecause, Set<Outcome> forbiddenOutcomes,
                      Set<Invariant> forbiddenInvariants, Set<Outcome> knownNotSeen) {

    /** The invariants every declaration forbids (they assume the unique constraint). */
    static final Set<Invariant> FORBIDDEN_EVERYWHERE =
            Collections.unmodifiableSet(EnumSet.of(Invariant.DOUBLE_CREATE, Invariant.ID_MISMATCH, Invariant.DUPLICATE_ROWS));

    public Grading {
        forbiddenOutcomes = Collections.unmodifiableSet(forbiddenOutcomes == null || forbiddenOutcomes.isEmpty()
                ? EnumSet.noneOf(Outcome.class) : EnumSet.copyOf(forbiddenOutcomes));
        forbiddenInvariants = Collections.unmodifiableSet(forbiddenInvariants == null || forbiddenInvariants.isEmpty()
                ? EnumSet.noneOf(Invariant.class) : EnumSet.copyOf(forbiddenInvariants));
        knownNotSeen = Collections.unmodifiableSet(knownNotSeen == null || knownNotSeen.isEmpty()
                ? EnumSet.noneOf(Outcome.class) : EnumSet.copyOf(knownNotSeen));
    }

    /**
     * Grades one run.
     *
     * @param expect     the strategy's declaration ({@link Expect#UNDECLARED} for none)
     * @param where      the run's effective situation
     * @param outcomes   anomalies counted against the strategy, per outcome (workload noise excluded)
     * @param invariants broken invariants, per invariant
     */
    public static Grading of(Expect expect, EffectiveSituation where, Map<Outcome, Long> outcomes,
                             Map<Invariant, Long> invariants) {
        String why = where.undeclaredBecause();
        if (why != null) {
            return notDeclared(why);
        }
        Situation s = where.situation().orElseThrow();
        Expect.Declared d = expect.in(s).orElse(null);
        if (d == null) {
            return new Grading(Grade.NOT_DECLARED, s, "the strategy declares nothing for "
                    + EffectiveSituation.label(s), Set.of(), Set.of(), Set.of());
        }
        Set<Outcome> forbidden = EnumSet.noneOf(Outcome.class);
        boolean knownSeen = false;
        for (Map.Entry<Outcome, Long> e : outcomes.entrySet()) {
            if (e.getValue() == null || e.getValue() <= 0) {
                continue;
            }
            if (!d.allows(e.getKey())) {
                forbidden.add(e.getKey());
            }
            knownSeen |= d.known().contains(e.getKey());
        }
        Set<Invariant> broken = EnumSet.noneOf(Invariant.class);
        for (Invariant i : FORBIDDEN_EVERYWHERE) {
            Long n = invariants.get(i);
            if (n != null && n > 0) {
                broken.add(i);
            }
        }
        if (!forbidden.isEmpty() || !broken.isEmpty()) {
            return new Grading(Grade.FORBIDDEN_SEEN, s, null, forbidden, broken, Set.of());
        }
        if (!d.known().isEmpty() && !knownSeen) {
            return new Grading(Grade.DECLARED_NOT_SEEN, s, null, Set.of(), Set.of(), d.known());
        }
        return new Grading(Grade.AS_DECLARED, s, null, Set.of(), Set.of(), Set.of());
    }

    /** A run no declaration applies to. */
    public static Grading notDeclared(String because) {
        return new Grading(Grade.NOT_DECLARED, null, because, Set.of(), Set.of(), Set.of());
    }

    /** True when the run showed something its declaration forbids ({@code --fail-on-anomaly} fails on it). */
    public boolean forbidden() {
        return grade == Grade.FORBIDDEN_SEEN;
    }

    /**
     * One line for terminals and reports, e.g. {@code as declared (autocommit)},
     * {@code FORBIDDEN SEEN (outer-repeatable-read): SERIALIZATION_FAILURE is not declared here; the
     * declaration or the server differs from what was known}, {@code declared not seen
     * (autocommit): DUPLICATE_KEY not seen in 40 rounds (weak evidence)} or
     * {@code not declared: declarations are for races without churn}.
     *
     * @param evidence what the run rests on (how many rounds a "not seen" means)
     */
    public String describe(Evidence evidence) {
        String where = situation == null ? "" : " (" + EffectiveSituation.label(situation) + ")";
        return switch (grade) {
            case AS_DECLARED -> grade.label() + where;
            case FORBIDDEN_SEEN -> grade.label() + where + ": " + names(forbiddenOutcomes, forbiddenInvariants)
                    + (forbiddenOutcomes.size() + forbiddenInvariants.size() == 1 ? " is" : " are")
                    + " not declared here; the declaration or the server differs from what was known";
            case DECLARED_NOT_SEEN -> grade.label() + where + ": "
                    + (knownNotSeen.size() == 1 ? names(knownNotSeen, Set.of()) + " not"
                            : "none of " + names(knownNotSeen, Set.of())) + " seen"
                    + (evidence == null ? "" : " in " + evidence.trials() + " " + evidence.unit().plural())
                    + " (weak evidence)";
            case NOT_DECLARED -> grade.label() + ": " + undeclaredBecause;
        };
    }

    private static String names(Set<Outcome> outcomes, Set<Invariant> invariants) {
        String a = outcomes.stream().map(Enum::name).collect(Collectors.joining(", "));
        String b = invariants.stream().map(Enum::name).collect(Collectors.joining(", "));
        return a.isEmpty() ? b : b.isEmpty() ? a : a + ", " + b;
    }
}
