package io.github.gocbench.cli.user;

import io.github.gocbench.spi.UserStrategy;
import java.sql.Connection;
import java.sql.SQLException;

/** A user's racy get-or-create on their own table: SELECT, on a miss INSERT. */
public final class NaiveTagStrategy implements UserStrategy {

    @Override
    public String id() {
        return "naive-tag";
    }

    @Override
    public void prepare(Connection connection) throws SQLException {
        TagTable.create(connection);
    }

    @Override
    public Answer getOrCreate(Connection connection, long key) throws SQLException {
        String name = "tag-" + key;
        Long id = TagTable.select(connection, name);
        return id != null ? new Answer(id, false) : new Answer(TagTable.insert(connection, name), true);
    }
}
