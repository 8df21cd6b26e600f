package io.github.gocbench.frameworks.hibernate;

import io.github.gocbench.frameworks.Conflicts;
import io.github.gocbench.frameworks.SqlErrors;
import io.github.gocbench.frameworks.Versions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import org.hibernate.StatelessSession;
import org.hibernate.Transaction;

/**
 * Hibernate's native upsert: {@code StatelessSession.upsert(new UpsertItem(key, token))}, then
 * {@code get(UpsertItem.class, key)}, in one transaction (or goc's outer one). The entity's id is
 * the natural key (upsert matches on the identifier only). Hibernate renders it per dialect:
 * PostgreSQL {@code insert ... on conflict (k) do nothing} (no updatable column), MariaDB/MySQL
 * {@code insert ... on duplicate key update} (see the module README for the statements seen).
 * The answer's id is the row's token: created when it is this call's.
 */
public final class HibernateUpsert extends HibernateStrategy {

    public HibernateUpsert() {
        super(UpsertItem.class);
    }

    @Override
    public String description() {
        return "Hibernate ORM " + hibernateVersion() + ": StatelessSession.upsert (PostgreSQL on conflict do nothing,"
                + " MariaDB/MySQL on duplicate key update k=k), then get, one transaction";
    }

    @Override
    public String id() {
        return "hibernate-" + Versions.majorMinor(hibernateVersion()) + "-upsert";
    }

    @Override
    void createTable(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + UpsertItem.TABLE + " (k bigint PRIMARY KEY, row_id bigint NOT NULL)");
        }
    }

    @Override
    public Answer getOrCreate(Connection connection, long key) throws SQLException {
        long token = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        boolean own = connection.getAutoCommit();
        try (StatelessSession session = factory(connection).withStatelessOptions().connection(connection)
                .openStatelessSession()) {
            Transaction tx = own ? session.beginTransaction() : null;
            try {
                session.upsert(new UpsertItem(key, token));
                UpsertItem row = session.get(UpsertItem.class, key);
                if (tx != null) {
                    tx.commit();
                }
                if (row == null) {
                    throw Conflicts.notFoundAfterConflict(key, null);
                }
                return new Answer(row.getRowId(), row.getRowId() == token);
            } catch (RuntimeException e) {
                if (tx != null && tx.isActive()) {
                    try {
                        tx.rollback();
                    } catch (RuntimeException ignored) {
                        // the original error is the one the caller must see
                    }
                }
                throw e;
            }
        } catch (RuntimeException e) {
            throw SqlErrors.unwrap(e);
        }
    }
}
