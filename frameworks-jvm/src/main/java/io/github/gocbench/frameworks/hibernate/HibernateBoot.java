package io.github.gocbench.frameworks.hibernate;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;

/**
 * Builds a Hibernate {@link SessionFactory} for one entity without a connection pool: sessions run
 * on the connection goc hands each call ({@code withOptions().connection(c).openSession()}). The
 * dialect and server version come from the connection {@code prepare} gets, so Hibernate needs no
 * JDBC access while it boots. Schema management is off: each strategy creates its own table.
 */
public final class HibernateBoot {

    private HibernateBoot() {
    }

    /** A factory for {@code entity} on the server {@code connection} talks to. */
    static SessionFactory build(Class<?> entity, Connection connection) throws SQLException {
        Configuration cfg = new Configuration().addAnnotatedClass(entity);
        settings(connection).forEach(cfg::setProperty);
        return cfg.buildSessionFactory();
    }

    /**
     * The Hibernate settings for the server {@code connection} talks to: its dialect and version
     * (so Hibernate needs no JDBC access while it boots), no schema management. Shared with the
     * Spring Data JPA client, whose entity manager factory is the same Hibernate.
     */
    public static Map<String, String> settings(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String product = meta.getDatabaseProductName();
        String version = meta.getDatabaseProductVersion();
        boolean postgres = product.toLowerCase(Locale.ROOT).contains("postgres");
        boolean mariadb = !postgres && (product + version).toLowerCase(Locale.ROOT).contains("mariadb");
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("hibernate.dialect", postgres ? "org.hibernate.dialect.PostgreSQLDialect"
                : mariadb ? "org.hibernate.dialect.MariaDBDialect" : "org.hibernate.dialect.MySQLDialect");
        settings.put("hibernate.boot.allow_jdbc_metadata_access", "false");
        settings.put("jakarta.persistence.database-product-name", mariadb ? "MariaDB" : product);
        settings.put("jakarta.persistence.database-major-version", Integer.toString(meta.getDatabaseMajorVersion()));
        settings.put("jakarta.persistence.database-minor-version", Integer.toString(meta.getDatabaseMinorVersion()));
        settings.put("hibernate.hbm2ddl.auto", "none");
        // inside goc's outer transaction the session joins it without a Hibernate transaction
        // (Work): Hibernate must then flush without one instead of refusing
        settings.put("hibernate.allow_update_outside_transaction", "true");
        settings.put("hibernate.show_sql", Boolean.toString(Boolean.getBoolean("goc.hibernate.show_sql")));
        return settings;
    }
}
