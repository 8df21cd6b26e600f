package io.github.gocbench.dialect;

import io.github.gocbench.outcome.Outcome;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;

/**
 * What a get-or-create flow written once ({@link SerializableRetry}, {@link InsertFirst}) needs
 * from a dialect besides its SQL text: how an INSERT answers the new row's id (PostgreSQL's
 * {@code RETURNING id}, MySQL's generated key), and the dialect's error table. Each dialect
 * package holds one; the SQL stays in each strategy's file there.
 *
 * @param insertId runs an INSERT of the key and answers the new row's id
 * @param errors   the dialect's error table ({@code PostgresOutcomes::classify}, {@code MySqlOutcomes::classify})
 */
public record Idiom(InsertId insertId, Function<SQLException, Outcome> errors) {

    /** Runs the INSERT {@code sql} with {@code key} bound to its one parameter; answers the new row's id. */
    @FunctionalInterface
    public interface InsertId {
        long insert(Connection connection, String sql, long key) throws SQLException;
    }
}
