package io.github.gocbench.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The swimlane's order does not depend on which thread logged first. */
class SwimlaneTest {

    private static StepLog step(int caller, int seq, String sql, int granted, String result, int returned,
                                String waited) {
        StepLog s = new StepLog(caller, seq, sql, true, granted);
        s.result = result;
        s.returned = returned;
        if (waited != null) {
            s.waited(waited);
        }
        return s;
    }

    @Test
    void theGrantedStepComesFirstThenTheReturnOfTheStepItReleasedAndIdsAreNumbered() {
        // decision 1: B's INSERT waits for A; decision 2: A commits, B's INSERT returns in the same period
        StepLog bInsert = step(1, 0, "INSERT", 1, "ERROR 23505 DUPLICATE_KEY", 2, "A");
        StepLog aCommit = step(0, 0, "COMMIT", 2, "1 row: id=#907", 2, null);
        List<Integer> grants = List.of(-1, 1, 0);
        for (List<StepLog> logged : List.of(List.of(bInsert, aCommit), List.of(aCommit, bInsert))) {
            Swimlane lane = Swimlane.of(logged, grants, 2, Swimlane.numbering());
            assertThat(lane.rows()).extracting(Swimlane.Row::caller).containsExactly(1, 0, 1);
            assertThat(lane.rows().get(0).waits()).isEqualTo("A");
            assertThat(lane.rows().get(1).result()).isEqualTo("1 row: id=#1");
            assertThat(lane.rows().get(2).sql()).isEmpty();
            assertThat(lane.rows().get(2).result()).contains("23505");
        }
    }

    @Test
    void theTextHasOneColumnPerCallerAndTheAnswersLast() {
        Swimlane lane = new Swimlane(List.of(new Swimlane.Row(1, 0, "SELECT 1", "1 row", null),
                new Swimlane.Row(2, 1, "INSERT", null, "A")), 2);
        String text = ExplainText.lane(lane, List.of("CREATED #1", "DEADLOCK (40P01)"));
        assertThat(text.lines().findFirst().orElseThrow()).matches("\\s+step \\| A\\s+\\| B");
        assertThat(text).contains("-> 1 row").contains("... waits for A").contains("= DEADLOCK (40P01)");
    }
}
