package io.github.gocbench.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gocbench.spi.UserStrategy;
import java.sql.Connection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What goc keeps of a user strategy's {@link UserStrategy#description()} for its results. */
class UserStrategiesTest {

    record Described(String id, String text) implements UserStrategy {
        @Override
        public String description() {
            if (text == null) {
                throw new IllegalStateException("broken");
            }
            return text;
        }

        @Override
        public Answer getOrCreate(Connection connection, long key) {
            return new Answer(key, true);
        }
    }

    @AfterEach
    void forget() {
        UserStrategies.clear();
    }

    @Test
    void theDescriptionIsKeptOnOneLineAndNamedInTheSummary() {
        StrategyDef def = UserStrategies.register(new Described("fw", "  Hibernate ORM 7.4.15.Final:\n find, persist "));
        assertThat(UserStrategies.description("fw")).contains("Hibernate ORM 7.4.15.Final: find, persist");
        assertThat(def.summary()).startsWith("Hibernate ORM 7.4.15.Final: find, persist (your strategy ")
                .endsWith(Described.class.getName() + ")");
    }

    @Test
    void noneBlankOrThrowingMeansNoDescription() {
        UserStrategies.register(new Described("blank", "  "));
        UserStrategies.register(new Described("throws", null));
        assertThat(UserStrategies.description("blank")).isEmpty();
        assertThat(UserStrategies.description("throws")).isEmpty();
        assertThat(UserStrategies.description("never-registered")).isEmpty();
    }

    @Test
    void aLongDescriptionIsCut() {
        UserStrategies.register(new Described("long", "x".repeat(500)));
        assertThat(UserStrategies.description("long").orElseThrow()).hasSize(200).endsWith("...");
    }

    @Test
    void reRegisteringAnIdWithoutADescriptionForgetsTheOldOne() {
        UserStrategies.register(new Described("fw", "first"));
        UserStrategies.register(new UserStrategy() {
            @Override
            public String id() {
                return "fw";
            }

            @Override
            public Answer getOrCreate(Connection connection, long key) {
                return new Answer(key, true);
            }
        });
        assertThat(UserStrategies.description("fw")).isEmpty();
    }
}
