package io.github.gocbench.frameworks.hibernate;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;

/**
 * Builds a Hibernate {@link SessionFactory} for one entity without a connection pool: sessions run
 * on the connection goc hands each call ({@code withOptions().connection(c).openSession()}). The
 * dialect and server version come from the connection {@code prepare} gets, so Hibernate needs no
 * JDBC access while it boots. Schema management is off: each strategy creates its own table.
 */
final class HibernateBoot {

    private HibernateBoot() {
    }

    /** A factory for {@code entity} on the server {@code connection} talks to. */
    static SessionFactory build(Class<?> entity, Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String product = meta.getDatabaseProductName();
        String version = meta.getDatabaseProductVersion();
        boolean postgres = product.toLowerCase(Locale.ROOT).contains("postgres");
        boolean mariadb = !postgres && (product + version).toLowerCase(Locale.ROOT).contains("mariadb");
        Configuration cfg = new Configuration()
                .addAnnotatedClass(entity)
                .setProperty("hibernate.dialect", postgres ? "org.hibernate.dialect.PostgreSQLDialect"
                        : mariadb ? "org.hibernate.dialect.MariaDBDialect" : "org.hibernate.dialect.MySQLDialect")
                .setProperty("hibernate.boot.allow_jdbc_metadata_access", "false")
                .setProperty("jakarta.persistence.database-product-name", mariadb ? "MariaDB" : product)
                .setProperty("jakarta.persistence.database-major-version", Integer.toString(meta.getDatabaseMajorVersion()))
                .setProperty("jakarta.persistence.database-minor-version", Integer.toString(meta.getDatabaseMinorVersion()))
                .setProperty("hibernate.hbm2ddl.auto", "none")
                // inside goc's outer transaction the session joins it without a Hibernate transaction
                // (Work): Hibernate must then flush without one instead of refusing
                .setProperty("hibernate.allow_update_outside_transaction", "true")
                .setProperty("hibernate.show_sql", Boolean.toString(Boolean.getBoolean("goc.hibernate.show_sql")));
        return cfg.buildSessionFactory();
    }
}
