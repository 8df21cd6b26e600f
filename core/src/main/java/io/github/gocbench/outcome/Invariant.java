package io.github.gocbench.outcome;

/** What must hold in the table and across callers after a run (DESIGN.md, "Invariants"). */
public enum Invariant {
    /** More than one row for one key (only possible without the unique constraint). */
    DUPLICATE_ROWS("duprows"),
    /** Two callers both got CREATED for one key with no delete in between. */
    DOUBLE_CREATE("doublecreate"),
    /** Callers got different ids for one key within one lifetime of that key. */
    ID_MISMATCH("idmismatch"),
    /** The per-key side-effect hook ran more than once for one created row. */
    REPEATED_SIDE_EFFECT("sideeffect");

    private final String shortName;

    Invariant(String shortName) {
        this.shortName = shortName;
    }

    /** Short name for verdict grids and compact tables. */
    public String shortName() {
        return shortName;
    }
}
