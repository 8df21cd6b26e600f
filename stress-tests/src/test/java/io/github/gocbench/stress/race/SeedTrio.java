package io.github.gocbench.stress.race;

import static io.github.gocbench.outcome.Outcome.DUPLICATE_KEY;
import static io.github.gocbench.outcome.Outcome.NOT_FOUND_AFTER_CONFLICT;
import static io.github.gocbench.outcome.Outcome.SERIALIZATION_FAILURE;
import static io.github.gocbench.stress.race.Declared.When.AUTOCOMMIT;
import static io.github.gocbench.stress.race.Declared.When.OUTER_READ_COMMITTED;
import static io.github.gocbench.stress.race.Declared.When.OUTER_REPEATABLE_READ;

import io.github.gocbench.outcome.Outcome;
import java.util.List;
import java.util.Set;

/**
 * The expected outcomes of the seed strategies, declared beside the scenario (jcstress-style),
 * per dialect and condition. Why each holds is in the strategy's own Javadoc.
 */
final class SeedTrio {

    private SeedTrio() {
    }

    static final List<Declared> ROWS = List.of(
            // naive: SELECT then INSERT; the loser's INSERT hits the unique constraint everywhere
            known("postgres", "naive", AUTOCOMMIT, DUPLICATE_KEY),
            known("postgres", "naive", OUTER_READ_COMMITTED, DUPLICATE_KEY),
            known("postgres", "naive", OUTER_REPEATABLE_READ, DUPLICATE_KEY),
            known("mysql", "naive", AUTOCOMMIT, DUPLICATE_KEY),
            known("mysql", "naive", OUTER_READ_COMMITTED, DUPLICATE_KEY),
            known("mysql", "naive", OUTER_REPEATABLE_READ, DUPLICATE_KEY),
            // transactional: re-reads after the conflict; the outer snapshot hides the winner's row
            safe("postgres", "transactional", AUTOCOMMIT),
            safe("postgres", "transactional", OUTER_READ_COMMITTED),
            known("postgres", "transactional", OUTER_REPEATABLE_READ, NOT_FOUND_AFTER_CONFLICT),
            safe("mysql", "transactional", AUTOCOMMIT),
            safe("mysql", "transactional", OUTER_READ_COMMITTED),
            known("mysql", "transactional", OUTER_REPEATABLE_READ, NOT_FOUND_AFTER_CONFLICT),
            // upsert: PG ON CONFLICT DO NOTHING + SELECT loop; under a fixed snapshot the conflict is 40001
            safe("postgres", "upsert", AUTOCOMMIT),
            safe("postgres", "upsert", OUTER_READ_COMMITTED),
            known("postgres", "upsert", OUTER_REPEATABLE_READ, SERIALIZATION_FAILURE),
            // MySQL ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id): one statement, locks and reads the latest row
            safe("mysql", "upsert", AUTOCOMMIT),
            safe("mysql", "upsert", OUTER_READ_COMMITTED),
            safe("mysql", "upsert", OUTER_REPEATABLE_READ));

    private static Declared safe(String dialect, String strategy, Declared.When when) {
        return new Declared(dialect, strategy, when, Set.of(), Set.of());
    }

    private static Declared known(String dialect, String strategy, Declared.When when, Outcome... outcomes) {
        return new Declared(dialect, strategy, when, Set.of(outcomes), Set.of());
    }
}
