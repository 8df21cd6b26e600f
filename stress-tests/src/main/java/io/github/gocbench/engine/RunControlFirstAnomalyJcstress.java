package io.github.gocbench.engine;

import io.github.gocbench.outcome.Failure;
import io.github.gocbench.outcome.Outcome;
import io.github.gocbench.outcome.Phase;
import io.github.gocbench.results.RunResult.FirstAnomaly;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome.Outcomes;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * A worker's failed call and the round tally's broken invariant both record "the first anomaly"
 * at once. Exactly one wins, and what the result reports is that one whole (kind, round,
 * SQLState and message from the same record), whichever thread reads it.
 * Result: (what actor 1 reads afterwards, what actor 2 reads afterwards): 1 = the worker's
 * DUPLICATE_KEY, 2 = the tally's DOUBLE_CREATE, 0 = nothing, -1 = a mix of the two.
 */
@JCStressTest
@Outcomes({
    @org.openjdk.jcstress.annotations.Outcome(id = {"1, 1", "2, 2"}, expect = Expect.ACCEPTABLE,
            desc = "one anomaly won and both threads read it whole"),
    @org.openjdk.jcstress.annotations.Outcome(expect = Expect.FORBIDDEN,
            desc = "lost, torn, or each thread believes its own anomaly came first")
})
@State
public class RunControlFirstAnomalyJcstress {

    private final RunControl control = new RunControl(60_000_000_000L);

    private static int read(FirstAnomaly a) {
        if (a == null) {
            return 0;
        }
        if ("DUPLICATE_KEY".equals(a.kind()) && Integer.valueOf(3).equals(a.round()) && "23505".equals(a.sqlState())
                && "dup".equals(a.message())) {
            return 1;
        }
        if ("DOUBLE_CREATE".equals(a.kind()) && Integer.valueOf(4).equals(a.round()) && a.sqlState() == null
                && "two CREATED".equals(a.message())) {
            return 2;
        }
        return -1;
    }

    @Actor
    public void worker(II_Result r) {
        control.anomaly(new Failure(Outcome.DUPLICATE_KEY, "23505", 0, "dup"), Phase.CALL, 3, System.nanoTime());
        r.r1 = read(control.firstAnomaly());
    }

    @Actor
    public void tally(II_Result r) {
        control.anomaly("DOUBLE_CREATE", 4, System.nanoTime(), "two CREATED");
        r.r2 = read(control.firstAnomaly());
        control.close();
    }
}
