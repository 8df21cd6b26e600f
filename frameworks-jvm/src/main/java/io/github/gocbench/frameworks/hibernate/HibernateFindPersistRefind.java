package io.github.gocbench.frameworks.hibernate;

import io.github.gocbench.frameworks.Conflicts;
import io.github.gocbench.frameworks.Db;
import io.github.gocbench.frameworks.SqlErrors;
import io.github.gocbench.frameworks.Versions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.exception.ConstraintViolationException;

/**
 * The get-or-create the Hibernate manual implies ("if the Session throws an exception ... rollback
 * the database transaction, call Session.close() and discard the Session instance"), as in the
 * community answer find / insert in a new transaction / find again: find in one session and
 * transaction; on a miss {@code persist} in a new session and transaction; when that fails with
 * the unique violation, roll back, discard the session and find again in a third one.
 * Statements (autocommit): {@code BEGIN; SELECT; COMMIT} - {@code BEGIN; INSERT; COMMIT} (or
 * {@code ROLLBACK} on 23505/1062) - {@code BEGIN; SELECT; COMMIT}. Inside goc's outer transaction
 * ({@code --outer-tx}) the three units share it, so the re-find runs in the transaction the
 * violation aborted (PostgreSQL) or in the outer snapshot (MySQL/MariaDB repeatable read).
 */
public final class HibernateFindPersistRefind extends HibernateStrategy {

    public HibernateFindPersistRefind() {
        super(RefindItem.class);
    }

    @Override
    public String description() {
        return "Hibernate ORM " + hibernateVersion() + ": query k; persist in a new session and transaction;"
                + " on ConstraintViolationException query again in a third";
    }

    @Override
    public String id() {
        return "hibernate-" + Versions.majorMinor(hibernateVersion()) + "-find-persist-refind";
    }

    @Override
    void createTable(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(Db.of(connection).createKeyTable(RefindItem.TABLE));
        }
    }

    @Override
    public Answer getOrCreate(Connection connection, long key) throws SQLException {
        SessionFactory factory = factory(connection);
        Optional<Long> found = Work.inSession(factory, connection, s -> find(s, key));
        if (found.isPresent()) {
            return new Answer(found.get(), false);
        }
        try {
            long id = Work.run(factory, connection, s -> {
                RefindItem item = new RefindItem(key);
                s.persist(item);
                s.flush(); // inside goc's outer transaction Hibernate delays the IDENTITY insert until a flush
                return item.getId();
            });
            return new Answer(id, true);
        } catch (ConstraintViolationException e) {
            // the session is gone (rolled back, closed): find again in a new one
            SQLException conflict = SqlErrors.unwrap(e);
            Optional<Long> again;
            try {
                again = Work.inSession(factory, connection, s -> find(s, key));
            } catch (SQLException refind) {
                conflict.addSuppressed(refind); // e.g. 25P02: the violation aborted goc's outer transaction
                throw conflict;
            }
            if (again.isPresent()) {
                return new Answer(again.get(), false);
            }
            throw Conflicts.notFoundAfterConflict(key, conflict);
        } catch (RuntimeException e) {
            throw SqlErrors.unwrap(e);
        }
    }

    private static Optional<Long> find(Session session, long key) {
        return session.createSelectionQuery("select id from RefindItem where k = :k", Long.class)
                .setParameter("k", key)
                .uniqueResultOptional();
    }
}
