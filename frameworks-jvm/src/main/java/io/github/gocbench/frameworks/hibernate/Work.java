package io.github.gocbench.frameworks.hibernate;

import io.github.gocbench.frameworks.SqlErrors;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;

/**
 * One unit of work as a JPA application writes it: a new session on goc's connection, a
 * transaction around the work, commit, close; on any exception rollback and discard the session
 * (the Hibernate manual: no exception Hibernate throws is recoverable). When goc already holds a
 * transaction on the connection ({@code --outer-tx}) the work joins it: no begin, no commit (the
 * session is flushed), as a {@code @Transactional} method called inside another would.
 */
final class Work {

    private Work() {
    }

    /** Runs {@code work} in its own session (and transaction, in autocommit); framework errors unwrapped to SQL. */
    static <T> T inSession(SessionFactory factory, Connection connection, Function<Session, T> work)
            throws SQLException {
        try {
            return run(factory, connection, work);
        } catch (RuntimeException e) {
            throw SqlErrors.unwrap(e);
        }
    }

    /** As {@link #inSession}, but Hibernate's exceptions reach the caller as Hibernate throws them. */
    static <T> T run(SessionFactory factory, Connection connection, Function<Session, T> work) throws SQLException {
        boolean own = connection.getAutoCommit();
        try (Session session = factory.withOptions().connection(connection).openSession()) {
            Transaction tx = own ? session.beginTransaction() : null;
            try {
                T result = work.apply(session);
                session.flush();
                if (tx != null) {
                    tx.commit();
                }
                return result;
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
        }
    }
}
