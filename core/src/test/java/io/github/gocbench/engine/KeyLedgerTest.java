package io.github.gocbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The time-based rule with plain timestamps (no threads: the rule is pure logic). */
class KeyLedgerTest {

    private final KeyLedger ledger = new KeyLedger(4);

    @Test
    void createThenFoundIsClean() {
        assertThat(ledger.onSuccess(0, 10, true, 0, 5)).isZero();
        assertThat(ledger.onSuccess(0, 10, false, 6, 9)).isZero();
    }

    @Test
    void createWhileEarlierRowStoodIsDoubleCreateAndMismatch() {
        ledger.onSuccess(0, 10, true, 0, 5);
        int flags = ledger.onSuccess(0, 11, true, 6, 9);
        assertThat(flags).isEqualTo(KeyLedger.DOUBLE_CREATE | KeyLedger.ID_MISMATCH | KeyLedger.DUPLICATE_ROWS);
    }

    @Test
    void overlappingCreatesWhoseRowsBothStoodAreADoubleCreate() {
        ledger.onSuccess(0, 10, true, 0, 5);
        // started before the first creator returned, so row 10 did not stand throughout this call
        // (no id mismatch), but at 9 both rows had been committed and neither delete had begun
        assertThat(ledger.onSuccess(0, 11, true, 4, 9)).isEqualTo(KeyLedger.DOUBLE_CREATE | KeyLedger.DUPLICATE_ROWS);
    }

    @Test
    void overlappingCreatesWithADeleteBeforeBothStoodProveNothing() {
        ledger.onSuccess(0, 10, true, 0, 5);
        ledger.onDeleteStart(0, 10, 7); // row 10 may be gone before row 11 was committed at 9
        assertThat(ledger.onSuccess(0, 11, true, 4, 9)).isZero();
    }

    @Test
    void churnRaceDoubleCreateIsSeenInEitherRecordOrder() {
        // a race round with churn 1: both callers insert, both return, then each deletes its own row
        KeyLedger first = new KeyLedger(1);
        assertThat(first.onSuccess(0, 10, true, 0, 5)).isZero();
        first.onDeleteStart(0, 10, 8);
        assertThat(first.onSuccess(0, 11, true, 0, 7)).isEqualTo(KeyLedger.DOUBLE_CREATE | KeyLedger.DUPLICATE_ROWS);

        KeyLedger second = new KeyLedger(1);
        assertThat(second.onSuccess(0, 11, true, 0, 7)).isZero();
        assertThat(second.onSuccess(0, 10, true, 0, 5)).isEqualTo(KeyLedger.DOUBLE_CREATE | KeyLedger.DUPLICATE_ROWS);
    }

    @Test
    void aRowDeletedBeforeTheOtherWasCommittedIsNoDuplicate() {
        // row 10's delete (a tombstone: its creator records late) began at 6, before row 11 stood at 7
        ledger.onDeleteStart(0, 10, 6);
        assertThat(ledger.onSuccess(0, 11, true, 0, 7)).isZero();
        assertThat(ledger.onSuccess(0, 10, true, 0, 5)).isZero();
    }

    @Test
    void foundReportedAsCreatedIsADoubleCreate() {
        ledger.onSuccess(0, 10, true, 0, 5);
        assertThat(ledger.onSuccess(0, 10, true, 6, 9)).isEqualTo(KeyLedger.DOUBLE_CREATE);
        // overlapping too: only one call can have inserted row 10
        assertThat(ledger.onSuccess(0, 10, true, 1, 4)).isEqualTo(KeyLedger.DOUBLE_CREATE);
        assertThat(ledger.onSuccess(0, 10, false, 6, 9)).isZero();
    }

    @Test
    void recreateAfterDeleteIsClean() {
        ledger.onSuccess(0, 10, true, 0, 5);
        ledger.onDeleteStart(0, 10, 6);
        assertThat(ledger.onSuccess(0, 11, true, 8, 12)).isZero();
        // and a later caller that finds the new row is fine
        assertThat(ledger.onSuccess(0, 11, false, 13, 14)).isZero();
    }

    @Test
    void deleteStartingDuringTheCallProvesNothing() {
        ledger.onSuccess(0, 10, true, 0, 5);
        ledger.onDeleteStart(0, 10, 8); // during [6, 9]
        assertThat(ledger.onSuccess(0, 11, true, 6, 9)).isZero();
    }

    @Test
    void deleteStartingAfterTheCallEndedStillProvesIt() {
        ledger.onSuccess(0, 10, true, 0, 5);
        ledger.onDeleteStart(0, 10, 20); // recorded before the checker got the lock, but later in time
        assertThat(ledger.onSuccess(0, 11, true, 6, 9)).isEqualTo(KeyLedger.DOUBLE_CREATE | KeyLedger.ID_MISMATCH | KeyLedger.DUPLICATE_ROWS);
    }

    @Test
    void foundWithAnotherIdWhileRowStoodIsMismatchOnly() {
        ledger.onSuccess(0, 10, true, 0, 5);
        assertThat(ledger.onSuccess(0, 12, false, 6, 9)).isEqualTo(KeyLedger.ID_MISMATCH);
    }

    @Test
    void deleteBeforeCreatorRecordedIsRemembered() {
        // creator returned at 5 but records late; a deleter found the row and deleted it at 6
        ledger.onDeleteStart(0, 10, 6);
        ledger.onSuccess(0, 10, true, 0, 5);
        assertThat(ledger.onSuccess(0, 11, true, 8, 12)).isZero();
    }

    @Test
    void rowDeletedInsideItsOwnTransactionNeverCounts() {
        // outer transaction: the creator deletes before commit, so the delete starts before its end
        ledger.onDeleteStart(0, 10, 3);
        ledger.onSuccess(0, 10, true, 0, 5);
        assertThat(ledger.onSuccess(0, 11, true, 6, 9)).isZero();
    }

    @Test
    void tooManyUnknownDeletesMakeTheKeyUnjudged() {
        ledger.onSuccess(0, 10, true, 0, 5);
        ledger.onDeleteStart(0, 100, 6);
        ledger.onDeleteStart(0, 101, 6);
        ledger.onDeleteStart(0, 102, 6); // third tombstone: no room, key no longer judged
        assertThat(ledger.onSuccess(0, 11, true, 8, 12)).isZero();
        ledger.reset(0);
        ledger.onSuccess(0, 20, true, 0, 5);
        assertThat(ledger.onSuccess(0, 21, true, 8, 12)).isNotZero();
    }

    @Test
    void slotsAreIndependent() {
        ledger.onSuccess(0, 10, true, 0, 5);
        assertThat(ledger.onSuccess(1, 11, true, 6, 9)).isZero();
        assertThat(ledger.onSuccess(3, 12, true, 6, 9)).isZero();
    }

    @Test
    void sizeIsBounded() {
        assertThatThrownBy(() -> new KeyLedger(KeyLedger.MAX_SLOTS + 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KeyLedger(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
