package io.github.gocbench.frameworks.hibernate;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** {@link HibernateFindPersist}'s row. */
@Entity
@Table(name = FindPersistItem.TABLE)
public class FindPersistItem extends KeyedItem {

    static final String TABLE = "goc_jvm_hibernate_find_persist";

    protected FindPersistItem() {
    }

    FindPersistItem(long k) {
        super(k);
    }
}
