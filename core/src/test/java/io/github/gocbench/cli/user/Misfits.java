package io.github.gocbench.cli.user;

import io.github.gocbench.spi.UserStrategy;
import java.sql.Connection;

/** Classes a user might name by mistake with --strategy-class. */
public final class Misfits {

    private Misfits() {
    }

    /** Not a UserStrategy at all. */
    public static final class NotAStrategy {
    }

    /** A strategy whose constructor fails (say, a missing configuration file). */
    public static final class ThrowsOnConstruction implements UserStrategy {
        public ThrowsOnConstruction() {
            throw new IllegalStateException("tag.properties not found");
        }

        @Override
        public Answer getOrCreate(Connection connection, long key) {
            return new Answer(1, true);
        }
    }

    /** A strategy that takes a built-in strategy's id. */
    public static final class CallsItselfUpsert implements UserStrategy {
        @Override
        public String id() {
            return "upsert";
        }

        @Override
        public Answer getOrCreate(Connection connection, long key) {
            return new Answer(1, true);
        }
    }
}
