package io.github.gocbench.engine;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * Two calls that both answered CREATED for one key record themselves in the ledger at once. Call
 * 1 ran from t=0 to t=10 (row 1), call 2 from t=20 to t=30 (row 2), and nobody deleted either:
 * both rows stood at t=30. When call 1's record is in first, call 2 is a certain double create,
 * id mismatch and duplicate row (row 1 stood during all of it: bits 1|2|4 = 7). When call 2's
 * record lands first, call 1 sees row 2 standing beside its own: double create and duplicate row
 * (bits 1|4 = 5; no id mismatch, row 2 does not predate call 1). Either way the double create is
 * seen once; anything else is a lost record or a false accusation.
 * Result: (flags of call 1, flags of call 2).
 */
@JCStressTest
@Outcome(id = "0, 7", expect = Expect.ACCEPTABLE, desc = "call 1 recorded first: call 2 is a certain double create")
@Outcome(id = "5, 0", expect = Expect.ACCEPTABLE, desc = "call 2 recorded first: call 1 sees both rows standing")
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
