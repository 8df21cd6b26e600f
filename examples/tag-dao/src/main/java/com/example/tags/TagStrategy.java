package com.example.tags;

import io.github.gocbench.spi.UserStrategy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * {@link TagDao#getOrCreate} as a goc strategy, so goc race, bench and compare run it with their
 * conditions and reports:
 * {@code goc race --db postgres --strategy-class com.example.tags.TagStrategy --classpath target/classes}.
 * Set {@code -Dtag.racy=true} (GOC_JAVA_OPTS) to run {@link TagDao#racyGetOrCreate} instead.
 */
public final class TagStrategy implements UserStrategy {

    private final TagDao dao = new TagDao();
    private final boolean racy = Boolean.getBoolean("tag.racy");

    @Override
    public String id() {
        return racy ? "tag-dao-racy" : "tag-dao";
    }

    @Override
    public void prepare(Connection connection) throws SQLException {
        boolean pg = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS tag (" + (pg ? "id bigserial" : "id bigint AUTO_INCREMENT")
                    + " PRIMARY KEY, name varchar(200) NOT NULL UNIQUE)");
        }
    }

    @Override
    public Answer getOrCreate(Connection connection, long key) throws SQLException {
        String name = "tag-" + key;
        TagDao.Result r = racy ? dao.racyGetOrCreate(connection, name) : dao.getOrCreate(connection, name);
        return new Answer(r.id(), r.created());
    }
}
