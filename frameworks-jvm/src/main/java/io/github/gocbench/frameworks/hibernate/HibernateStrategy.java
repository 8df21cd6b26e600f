package io.github.gocbench.frameworks.hibernate;

import io.github.gocbench.spi.UserStrategy;
import java.sql.Connection;
import java.sql.SQLException;
import org.hibernate.SessionFactory;
import org.hibernate.Version;

/**
 * What the Hibernate strategies share: the {@link SessionFactory}, built once per strategy instance
 * (goc builds one instance per run) by the first {@link #prepare}, and the library's version.
 */
abstract class HibernateStrategy implements UserStrategy {

    private final Class<?> entity;
    private volatile SessionFactory factory;

    HibernateStrategy(Class<?> entity) {
        this.entity = entity;
    }

    /** The Hibernate ORM version on the classpath, e.g. {@code 7.4.15.Final}. */
    static String hibernateVersion() {
        return Version.getVersionString();
    }

    @Override
    public void prepare(Connection connection) throws SQLException {
        createTable(connection);
        factory(connection);
    }

    /** Creates the strategy's table. */
    abstract void createTable(Connection connection) throws SQLException;

    /** The factory, built on first use from {@code connection}'s server. */
    final SessionFactory factory(Connection connection) throws SQLException {
        SessionFactory f = factory;
        if (f == null) {
            synchronized (this) {
                f = factory;
                if (f == null) {
                    f = HibernateBoot.build(entity, connection);
                    factory = f;
                }
            }
        }
        return f;
    }
}
