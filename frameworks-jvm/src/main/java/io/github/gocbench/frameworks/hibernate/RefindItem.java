package io.github.gocbench.frameworks.hibernate;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** {@link HibernateFindPersistRefind}'s row. */
@Entity
@Table(name = RefindItem.TABLE)
public class RefindItem extends KeyedItem {

    static final String TABLE = "goc_jvm_hibernate_refind";

    protected RefindItem() {
    }

    RefindItem(long k) {
        super(k);
    }
}
