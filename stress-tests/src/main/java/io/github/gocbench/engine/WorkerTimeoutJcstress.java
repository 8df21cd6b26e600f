package io.github.gocbench.engine;

import io.github.gocbench.outcome.Outcome;
import java.sql.SQLException;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome.Outcomes;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * The watchdog decides a call has run too long just as the call ends. Whatever the interleaving,
 * the worker and the watchdog must agree: either the connection was aborted and the call counts
 * as TIMEOUT and the worker reconnects, or nothing was aborted and the call keeps its answer.
 * (The watchdog here uses a call bound of 0, so it aborts any call it sees in flight.)
 * Result: (the call's outcome: 1 = CREATED, 2 = TIMEOUT; reconnect: 1/0; connection aborts).
 */
@JCStressTest
@Outcomes({
    @org.openjdk.jcstress.annotations.Outcome(id = "1, 0, 0", expect = Expect.ACCEPTABLE,
            desc = "the call ended (or had not started) when the watchdog looked: nothing aborted"),
    @org.openjdk.jcstress.annotations.Outcome(id = "2, 1, 1", expect = Expect.ACCEPTABLE,
            desc = "the watchdog aborted the call in flight: TIMEOUT, and the worker reconnects"),
    @org.openjdk.jcstress.annotations.Outcome(expect = Expect.FORBIDDEN,
            desc = "an aborted connection kept as if the call succeeded, or a TIMEOUT nobody caused")
})
@State
public class WorkerTimeoutJcstress {

    private final StubTarget target = new StubTarget();
    private final RunControl control = new RunControl(60_000_000_000L);
    private final Worker worker = StubTarget.worker(0, target, control);

    public WorkerTimeoutJcstress() {
        try {
            worker.open();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Actor
    public void call(III_Result r) {
        CallRecord c = worker.execute(1, null, 0);
        r.r1 = c.outcome == Outcome.CREATED ? 1 : c.outcome == Outcome.TIMEOUT ? 2 : 0;
        r.r2 = c.needsReconnect ? 1 : 0;
    }

    @Actor
    public void watchdog() {
        worker.checkTimeout(System.nanoTime() + 1_000_000_000L, 0);
    }

    @Arbiter
    public void arbiter(III_Result r) {
        r.r3 = target.aborts.get();
        control.close();
    }
}
