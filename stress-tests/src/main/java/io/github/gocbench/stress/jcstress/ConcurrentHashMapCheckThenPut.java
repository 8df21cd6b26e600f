package io.github.gocbench.stress.jcstress;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * Check-then-put on a {@link ConcurrentHashMap}: a thread-safe map does not make the compound
 * action atomic. The map never loses the entry, but both callers can still miss, load and
 * overwrite: the same race as {@code naive} without a unique constraint.
 */
@JCStressTest
@Outcome(id = {"1, 1, 1", "2, 2, 1"}, expect = Expect.ACCEPTABLE, desc = "one caller created, the other found it")
@Outcome(id = {"1, 1, 2", "2, 2, 2"}, expect = Expect.ACCEPTABLE_INTERESTING,
        desc = "both missed: the loader ran twice, one value overwritten")
@Outcome(id = {"1, 2, 2", "2, 1, 2"}, expect = Expect.ACCEPTABLE_INTERESTING,
        desc = "both missed and each kept its own id: the callers disagree")
@State
public class ConcurrentHashMapCheckThenPut {

    private final Map<String, Integer> map = new ConcurrentHashMap<>();
    private final AtomicInteger loads = new AtomicInteger();

    private int getOrCreate(int myId) {
        if (!map.containsKey("k")) {
            loads.incrementAndGet();
            map.put("k", myId);
        }
        return map.get("k");
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
        r.r3 = loads.get();
    }
}
