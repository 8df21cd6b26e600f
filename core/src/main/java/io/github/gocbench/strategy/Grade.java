package io.github.gocbench.strategy;

/** A run held against its strategy's declaration for the run's effective situation (DESIGN.md, "grade"). */
public enum Grade {
    /** Nothing forbidden seen, and (where the declaration names known anomalies) one of them seen. */
    AS_DECLARED("as declared"),
    /**
     * An anomaly or broken invariant the declaration forbids: a new finding (the declaration or
     * the server differs from what was known). Printed prominently, never hidden.
     */
    FORBIDDEN_SEEN("FORBIDDEN SEEN"),
    /** Nothing forbidden, but none of the declared known anomalies appeared: weak evidence, say how many rounds. */
    DECLARED_NOT_SEEN("declared not seen"),
    /** No declaration applies (strategy undeclared, or settings the declarations do not cover). */
    NOT_DECLARED("not declared");

    private final String label;

    Grade(String label) {
        this.label = label;
    }

    /** How the grade is printed. */
    public String label() {
        return label;
    }
}
