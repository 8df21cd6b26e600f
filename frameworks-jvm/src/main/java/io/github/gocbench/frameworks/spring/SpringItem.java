package io.github.gocbench.frameworks.spring;

import io.github.gocbench.frameworks.hibernate.KeyedItem;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** {@link SpringDataFindSave}'s row. */
@Entity
@Table(name = SpringItem.TABLE)
public class SpringItem extends KeyedItem {

    static final String TABLE = "goc_jvm_spring_data_find_save";

    protected SpringItem() {
    }

    SpringItem(long k) {
        super(k);
    }
}
