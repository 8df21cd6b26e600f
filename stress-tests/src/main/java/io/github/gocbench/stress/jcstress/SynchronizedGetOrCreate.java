package io.github.gocbench.stress.jcstress;

import java.util.HashMap;
import java.util.Map;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * Check-then-put on a plain {@link HashMap}, the whole compound action under one lock: the
 * in-memory {@code advisory-lock}. The loader counter is a plain int on purpose: the lock must
 * protect it too.
 */
@JCStressTest
@Outcome(id = {"1, 1, 1", "2, 2, 1"}, expect = Expect.ACCEPTABLE, desc = "one caller created, the other found it")
@Outcome(expect = Expect.FORBIDDEN, desc = "different ids or the loader ran twice")
@State
public class SynchronizedGetOrCreate {

    private final Map<String, Integer> map = new HashMap<>();
    private int loads;

    private synchronized int getOrCreate(int myId) {
        Integer id = map.get("k");
        if (id == null) {
            loads++;
            id = myId;
            map.put("k", id);
        }
        return id;
    }

    @Actor
    public void actor1(III_Result r) {
        r.r1 = getOrCreate(1);
    }

    @Actor
    public void actor2(III_Result r) {
        r.r2 = getOrCreate(2);
    }

    @Arbiter
    public void arbiter(III_Result r) {
        synchronized (this) {
            r.r3 = loads;
        }
    }
}
