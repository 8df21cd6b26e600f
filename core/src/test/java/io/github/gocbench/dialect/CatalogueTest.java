package io.github.gocbench.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gocbench.dialect.mysql.MySqlDialect;
import io.github.gocbench.dialect.mysql.MySqlOutcomes;
import io.github.gocbench.dialect.postgres.PostgresDialect;
import io.github.gocbench.outcome.Outcome;
import io.github.gocbench.strategy.Expect;
import io.github.gocbench.strategy.Situation;
import io.github.gocbench.strategy.StrategyDef;
import io.github.gocbench.strategy.Table;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The strategy catalogue as plain values: ids, summaries, declarations. No server needed. */
class CatalogueTest {

    /** DESIGN.md's strategy table: the ids users type. */
    private static final Set<String> DESIGN_IDS = Set.of("naive", "transactional", "upsert", "insert-first",
            "insert-first-for-update", "insert-first-for-share", "upsert-do-update", "upsert-cte", "insert-ignore",
            "merge", "select-for-update", "advisory-lock", "serializable-retry");

    static Stream<Dialect> dialects() {
        return Stream.of(new PostgresDialect(), new MySqlDialect());
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void everyStrategyHasADesignIdASummaryLineAndACompleteDeclaration(Dialect dialect) {
        List<StrategyDef> defs = dialect.strategies();
        assertThat(defs).extracting(StrategyDef::id).doesNotHaveDuplicates().allMatch(DESIGN_IDS::contains);
        for (StrategyDef def : defs) {
            assertThat(def.summary()).as(def.id()).isNotBlank().doesNotContain("\n");
            assertThat(def.expect().complete()).as(def.id() + " declares every situation").isTrue();
            assertThat(def.create(Table.UNIQUE).id()).isEqualTo(def.id());
            assertThat(def.create(Table.NO_UNIQUE).id()).isEqualTo(def.id());
        }
    }

    @Test
    void dialectsOmitWhatTheyCannotExpress() {
        assertThat(new PostgresDialect().strategy("insert-ignore")).isEmpty();
        for (String pgOnly : List.of("upsert-do-update", "upsert-cte", "merge")) {
            assertThat(new MySqlDialect().strategy(pgOnly)).as(pgOnly).isEmpty();
            assertThat(new PostgresDialect().strategy(pgOnly)).as(pgOnly).isPresent();
        }
    }

    @Test
    void expectSeparatesSafeKnownPossibleAndForbidden() {
        Expect e = Expect.safe(Situation.AUTOCOMMIT)
                .known(Situation.OUTER_READ_COMMITTED, Outcome.DUPLICATE_KEY)
                .possible(Situation.OUTER_READ_COMMITTED, Outcome.DEADLOCK);
        assertThat(e.complete()).isFalse();
        Expect.Declared ac = e.in(Situation.AUTOCOMMIT).orElseThrow();
        assertThat(ac.safe()).isTrue();
        assertThat(ac.allows(Outcome.FOUND)).isTrue();
        assertThat(ac.allows(Outcome.DUPLICATE_KEY)).isFalse();
        Expect.Declared rc = e.in(Situation.OUTER_READ_COMMITTED).orElseThrow();
        assertThat(rc.safe()).isFalse();
        assertThat(rc.known()).containsExactly(Outcome.DUPLICATE_KEY);
        assertThat(rc.allows(Outcome.DEADLOCK)).isTrue();
        assertThat(rc.allows(Outcome.SERIALIZATION_FAILURE)).isFalse();
        assertThat(e.in(Situation.OUTER_REPEATABLE_READ)).isEmpty();
    }

    @Test
    void getLockTimeoutClassifiesAsLockTimeout() {
        SQLException timedOut = new SQLException("GET_LOCK timed out", MySqlOutcomes.GET_LOCK_TIMEOUT_SQLSTATE);
        assertThat(MySqlOutcomes.classify(timedOut)).isEqualTo(Outcome.LOCK_TIMEOUT);
    }
}
