package io.github.gocbench.stress.jcstress;

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
 * {@link ConcurrentHashMap#computeIfAbsent}: the map runs the loader at most once per key while
 * holding the bin's lock, so callers agree and the loader runs once. The in-memory
 * {@code upsert}.
 */
@JCStressTest
@Outcome(id = {"1, 1, 1", "2, 2, 1"}, expect = Expect.ACCEPTABLE, desc = "one caller created, the other found it")
@Outcome(expect = Expect.FORBIDDEN, desc = "different ids or the loader ran twice")
@State
public class ComputeIfAbsent {

    private final ConcurrentHashMap<String, Integer> map = new ConcurrentHashMap<>();
    private final AtomicInteger loads = new AtomicInteger();

    private int getOrCreate(int myId) {
        return map.computeIfAbsent("k", k -> {
            loads.incrementAndGet();
            return myId;
        });
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
