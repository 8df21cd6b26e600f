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
 * A cache in front of a loader, double-checked: a lock-free read of a {@link ConcurrentHashMap}
 * first, then under a lock a second read and, on a miss, the load and the put. The second check
 * is what makes it safe; the first only keeps hits off the lock.
 */
@JCStressTest
@Outcome(id = {"1, 1, 1", "2, 2, 1"}, expect = Expect.ACCEPTABLE, desc = "one caller loaded, the other hit the cache")
@Outcome(expect = Expect.FORBIDDEN, desc = "different ids or the loader ran twice")
@State
public class DoubleCheckedCache {

    private final Map<String, Integer> cache = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    private final AtomicInteger loads = new AtomicInteger();

    private int getOrCreate(int myId) {
        Integer id = cache.get("k");
        if (id != null) {
            return id;
        }
        synchronized (lock) {
            id = cache.get("k");
            if (id == null) {
                loads.incrementAndGet();
                id = myId;
                cache.put("k", id);
            }
            return id;
        }
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
