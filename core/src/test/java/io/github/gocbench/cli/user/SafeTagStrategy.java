package io.github.gocbench.cli.user;

import io.github.gocbench.spi.UserStrategy;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A user's get-or-create that is safe in autocommit: SELECT; on a miss INSERT; on a duplicate key
 * SELECT the winner's row. Its id is the default, the class's simple name.
 */
public final class SafeTagStrategy implements UserStrategy {

    @Override
    public void prepare(Connection connection) throws SQLException {
        TagTable.create(connection);
    }

    @Override
    public Answer getOrCreate(Connection connection, long key) throws SQLException {
        String name = "tag-" + key;
        Long id = TagTable.select(connection, name);
        if (id != null) {
            return new Answer(id, false);
        }
        try {
            return new Answer(TagTable.insert(connection, name), true);
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState()) && e.getErrorCode() != 1062) {
                throw e;
            }
            Long winner = TagTable.select(connection, name);
            if (winner == null) {
                throw e;
            }
            return new Answer(winner, false);
        }
    }
}
