package io.github.gocbench.stress.jcstress;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * {@code get}, then on a miss load and {@link ConcurrentMap#putIfAbsent}, keeping the winner's
 * value: the in-memory {@code transactional} strategy (insert, on conflict read the winner's row).
 * Callers always agree on the id, but both can have loaded: a repeated side effect.
 */
@JCStressTest
@Outcome(id = {"1, 1, 1", "2, 2, 1"}, expect = Expect.ACCEPTABLE, desc = "one caller created, the other found it")
@Outcome(id = {"1, 1, 2", "2, 2, 2"}, expect = Expect.ACCEPTABLE_INTERESTING,
        desc = "both missed and loaded; the loser threw its value away (repeated side effect, same id)")
@Outcome(expect = Expect.FORBIDDEN, desc = "the callers disagree on the id, or the loader ran a wrong number of times")
@State
public class PutIfAbsent {

    private final ConcurrentMap<String, Integer> map = new ConcurrentHashMap<>();
    private final AtomicInteger loads = new AtomicInteger();

    private int getOrCreate(int myId) {
        Integer id = map.get("k");
        if (id == null) {
            loads.incrementAndGet();
            Integer winner = map.putIfAbsent("k", myId);
            id = winner != null ? winner : myId;
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
        r.r3 = loads.get();
    }
}
