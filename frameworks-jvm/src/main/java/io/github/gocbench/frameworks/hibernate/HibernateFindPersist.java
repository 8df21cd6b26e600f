package io.github.gocbench.frameworks.hibernate;

import io.github.gocbench.frameworks.Db;
import io.github.gocbench.frameworks.Versions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The common JPA get-or-create, in one transaction: query the natural key, and when it is missing
 * {@code persist} a new entity (IDENTITY id, so Hibernate INSERTs at once) and commit.
 * Statements: {@code BEGIN; SELECT ... WHERE k=?; INSERT ...; COMMIT}. Two callers that both miss
 * both INSERT: the second gets the unique violation (Hibernate's ConstraintViolationException,
 * unwrapped here to the driver's SQLException).
 */
public final class HibernateFindPersist extends HibernateStrategy {

    public HibernateFindPersist() {
        super(FindPersistItem.class);
    }

    @Override
    public String description() {
        return "Hibernate ORM " + hibernateVersion() + ": query k, persist when missing, commit (one transaction)";
    }

    @Override
    public String id() {
        return "hibernate-" + Versions.majorMinor(hibernateVersion()) + "-find-persist";
    }

    @Override
    void createTable(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(Db.of(connection).createKeyTable(FindPersistItem.TABLE));
        }
    }

    @Override
    public Answer getOrCreate(Connection connection, long key) throws SQLException {
        return Work.inSession(factory(connection), connection, session -> {
            FindPersistItem found = session
                    .createSelectionQuery("from FindPersistItem where k = :k", FindPersistItem.class)
                    .setParameter("k", key)
                    .uniqueResult();
            if (found != null) {
                return new Answer(found.getId(), false);
            }
            FindPersistItem item = new FindPersistItem(key);
            session.persist(item);
            session.flush(); // inside goc's outer transaction Hibernate delays the IDENTITY insert until a flush
            return new Answer(item.getId(), true);
        });
    }
}
