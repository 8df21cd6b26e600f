package io.github.gocbench.frameworks.hibernate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * {@link HibernateUpsert}'s row. {@code StatelessSession.upsert} keys by the identifier only, so
 * the natural key is the {@code @Id}; {@code row_id} is the inserting caller's random token, not
 * updatable, so the upsert has nothing to update and a losing caller leaves the winner's row alone.
 */
@Entity
@Table(name = UpsertItem.TABLE)
public class UpsertItem {

    static final String TABLE = "goc_jvm_hibernate_upsert";

    @Id
    @Column(name = "k")
    private long k;

    @Column(name = "row_id", nullable = false, updatable = false)
    private long rowId;

    protected UpsertItem() {
    }

    UpsertItem(long k, long rowId) {
        this.k = k;
        this.rowId = rowId;
    }

    /** The inserting caller's token. */
    public long getRowId() {
        return rowId;
    }
}
