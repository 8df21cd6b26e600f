package io.github.gocbench.frameworks.hibernate;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/** A row of generated {@code id} and unique natural key {@code k}; each strategy maps it to its own table. */
@MappedSuperclass
public abstract class KeyedItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "k", nullable = false, unique = true)
    private long k;

    protected KeyedItem() {
    }

    protected KeyedItem(long k) {
        this.k = k;
    }

    /** The generated id (null before the INSERT). */
    public Long getId() {
        return id;
    }

    /** The natural key. */
    public long getK() {
        return k;
    }
}
