package io.github.gocbench.engine;

import io.github.gocbench.outcome.Failure;
import io.github.gocbench.outcome.Outcome;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome.Outcomes;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIII_Result;

/**
 * Two workers count their calls at once, as in every run: each keeps its own outcome counters
 * (calls, outcomes) and latency recorder and adds to the run's shared anomaly counter (and offers the
 * first anomaly). Worker 1 counts a CREATED and a DUPLICATE_KEY call, worker 2 a FOUND call whose
 * ledger check reported a double create (steady workload rules). After both, the tallies the
 * engine builds the result from must be exact.
 * Result: (calls summed over workers, shared anomalies, outcome counters summed over workers and outcomes,
 * latencies recorded, successful and failed calls' together).
 */
@JCStressTest
@Outcomes({
    @org.openjdk.jcstress.annotations.Outcome(id = "3, 2, 3, 3", expect = Expect.ACCEPTABLE,
            desc = "every call and anomaly counted exactly once"),
    @org.openjdk.jcstress.annotations.Outcome(expect = Expect.FORBIDDEN, desc = "a lost or doubled count")
})
@State
public class WorkerCountJcstress {

    private final StubTarget target = new StubTarget();
    private final RunControl control = new RunControl(60_000_000_000L);
    private final Worker w1 = StubTarget.worker(0, target, control);
    private final Worker w2 = StubTarget.worker(1, target, control);

    private static CallRecord call(long key, Outcome outcome, int ledgerFlags) {
        CallRecord c = new CallRecord();
        c.reset(key);
        c.outcome = outcome;
        c.id = 7;
        c.startNanos = 1_000;
        c.endNanos = 501_000;
        c.ledgerFlags = ledgerFlags;
        if (outcome.isAnomaly()) {
            c.failure = new Failure(outcome, "23505", 0, "duplicate key");
        }
        return c;
    }

    @Actor
    public void worker1() {
        w1.count(call(1, Outcome.CREATED, 0), true, null);
        w1.count(call(1, Outcome.DUPLICATE_KEY, 0), true, null);
    }

    @Actor
    public void worker2() {
        w2.count(call(1, Outcome.FOUND, KeyLedger.DOUBLE_CREATE), true, null);
    }

    @Arbiter
    public void arbiter(IIII_Result r) {
        r.r1 = (int) (w1.calls() + w2.calls());
        r.r2 = (int) control.anomalies.sum();
        long outcomes = 0;
        for (Outcome o : Outcome.values()) {
            outcomes += w1.outcome(o) + w2.outcome(o);
        }
        r.r3 = (int) outcomes;
        // successful and failed calls' latencies are recorded apart; together they hold every call once
        r.r4 = (int) (w1.takeLatency().getTotalCount() + w2.takeLatency().getTotalCount()
                + w1.takeFailedLatency().getTotalCount() + w2.takeFailedLatency().getTotalCount());
        control.close();
    }
}
