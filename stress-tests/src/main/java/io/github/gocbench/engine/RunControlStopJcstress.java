package io.github.gocbench.engine;

import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * Two threads cut a run short at once (say a worker's lost target and the watchdog's deadline):
 * exactly one reason is kept, whole, the stop flag is seen, and both calls ran the stop action
 * (cancelling calls in flight twice is harmless; skipping it would leave a call hanging).
 * Result: (which note was kept: 1 or 2, 0 = none; stopped: 1; stop actions run).
 */
@JCStressTest
@Outcome(id = {"1, 1, 2", "2, 1, 2"}, expect = Expect.ACCEPTABLE, desc = "one reason kept, stopped, both stop actions ran")
@Outcome(expect = Expect.FORBIDDEN, desc = "no reason, a lost stop flag, or a skipped stop action")
@State
public class RunControlStopJcstress {

    private final RunControl control = new RunControl(60_000_000_000L);
    private final AtomicInteger stopActions = new AtomicInteger();

    public RunControlStopJcstress() {
        control.onStop(stopActions::incrementAndGet);
    }

    @Actor
    public void lostTarget() {
        control.stopNow("target lost");
    }

    @Actor
    public void deadline() {
        control.stopNow("deadline reached");
    }

    @Arbiter
    public void arbiter(III_Result r) {
        String note = control.note();
        r.r1 = "target lost".equals(note) ? 1 : "deadline reached".equals(note) ? 2 : 0;
        r.r2 = control.stopped() ? 1 : 0;
        r.r3 = stopActions.get();
        control.close();
    }
}
