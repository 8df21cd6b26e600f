package io.github.gocbench.engine;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * Two calls that both answered CREATED for one key record themselves in the ledger at once. Call
 * 1 ran from t=0 to t=10 (row 1), call 2 from t=20 to t=30 (row 2): row 1 provably existed
 * during all of call 2, so when call 1's record is in first, call 2 is a certain double create
 * and id mismatch (bits 1|2 = 3). When call 2's record lands first, call 1 sees row 2, which
 * does not predate it: nothing. Anything else is a lost record or a false accusation.
 * Result: (flags of call 1, flags of call 2).
 */
@JCStressTest
@Outcome(id = "0, 3", expect = Expect.ACCEPTABLE, desc = "call 1 recorded first: call 2 is a certain double create")
@Outcome(id = "0, 0", expect = Expect.ACCEPTABLE, desc = "call 2 recorded first: row 2 does not predate call 1")
@Outcome(expect = Expect.FORBIDDEN, desc = "a record lost or a violation invented")
@State
public class KeyLedgerCreateJcstress {

    private final KeyLedger ledger = new KeyLedger(1);

    @Actor
    public void call1(II_Result r) {
        r.r1 = ledger.onSuccess(0, 1, true, 0, 10);
    }

    @Actor
    public void call2(II_Result r) {
        r.r2 = ledger.onSuccess(0, 2, true, 20, 30);
    }
}
