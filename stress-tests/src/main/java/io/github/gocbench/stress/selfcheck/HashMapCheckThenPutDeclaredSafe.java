package io.github.gocbench.stress.selfcheck;

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
 * DELIBERATELY WRONG: the racy check-then-put of
 * {@link io.github.gocbench.stress.jcstress.HashMapCheckThenPut}, declared safe. It is not part
 * of the real suite; {@code JcstressSelfCheckIT} runs it alone, in the same bounded mode as the
 * suite, and requires jcstress to fail it. That proves the bounded mode can see the race the
 * real suite's FORBIDDEN outcomes are about.
 */
@JCStressTest
@Outcome(id = {"1, 1, 1", "2, 2, 1"}, expect = Expect.ACCEPTABLE, desc = "one caller created, the other found it")
@Outcome(expect = Expect.FORBIDDEN, desc = "(wrongly declared) the loader ran twice or the callers disagree")
@State
public class HashMapCheckThenPutDeclaredSafe {

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
