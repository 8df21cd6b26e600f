package io.github.gocbench.stress.jcstress;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * The {@code naive} strategy in memory: {@code if (!map.containsKey(k)) map.put(k, load())} on a
 * plain {@link HashMap}. Both actors can miss, both load, and each may keep its own id; a
 * HashMap written by two threads may even lose the entry (id 0: {@code get} saw nothing).
 */
@JCStressTest
@Outcome(id = {"1, 1, 1", "2, 2, 1"}, expect = Expect.ACCEPTABLE, desc = "one caller created, the other found it")
@Outcome(id = {"1, 1, 2", "2, 2, 2"}, expect = Expect.ACCEPTABLE_INTERESTING,
        desc = "both missed: the loader ran twice (repeated side effect), one value overwritten")
@Outcome(id = {"1, 2, 2", "2, 1, 2"}, expect = Expect.ACCEPTABLE_INTERESTING,
        desc = "both missed and each kept its own id: the callers disagree (id mismatch)")
@Outcome(expect = Expect.ACCEPTABLE_INTERESTING, desc = "the unsynchronized HashMap lost an entry (0 = not found)")
@State
public class HashMapCheckThenPut {

    private final Map<String, Integer> map = new HashMap<>();
    private final AtomicInteger loads = new AtomicInteger();

    private int getOrCreate(int myId) {
        if (!map.containsKey("k")) {
            loads.incrementAndGet();
            map.put("k", myId);
        }
        Integer id = map.get("k");
        return id == null ? 0 : id;
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
