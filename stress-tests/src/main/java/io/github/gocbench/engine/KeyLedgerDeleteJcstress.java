package io.github.gocbench.engine;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * Churn: row 1's creator (call from t=0 to t=10) records it while another caller starts deleting
 * it at t=15; the delete may land in the ledger before the creation (then it is kept as a
 * tombstone). Afterwards a call from t=20 to t=30 creates row 2: row 1 was being deleted during
 * that call, so no violation may be reported, in either order.
 * Result: (flags of the creator's record, flags of the later call).
 */
@JCStressTest
@Outcome(id = "0, 0", expect = Expect.ACCEPTABLE, desc = "the delete is known in either order: nothing reported")
@Outcome(expect = Expect.FORBIDDEN, desc = "a delete lost: a false double create / id mismatch")
@State
public class KeyLedgerDeleteJcstress {

    private final KeyLedger ledger = new KeyLedger(1);

    @Actor
    public void creator(II_Result r) {
        r.r1 = ledger.onSuccess(0, 1, true, 0, 10);
    }

    @Actor
    public void deleter() {
        ledger.onDeleteStart(0, 1, 15);
    }

    @Arbiter
    public void later(II_Result r) {
        r.r2 = ledger.onSuccess(0, 2, true, 20, 30);
    }
}
