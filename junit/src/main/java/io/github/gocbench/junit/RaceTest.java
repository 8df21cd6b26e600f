package io.github.gocbench.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a JUnit 5 test method as a race: each round, {@link #threads()} threads call the method at
 * once, each with a {@link RaceKey} holding the round's fresh key, and each answers the id its
 * get-or-create returned with {@link RaceKey#answer}. The test fails like {@link Race} does, at
 * the first round where a call throws, does not answer, or the answers differ, naming the round,
 * the key and each thread's answer.
 *
 * <pre>{@code
 * @RaceTest(threads = 8, rounds = 50)
 * void tagDaoIsRaceFree(RaceKey key) throws Exception {
 *     key.answer(dao.getOrCreate(dataSource, key.value()).id());
 * }
 * }</pre>
 *
 * <p>The method takes its own connections (the threads run your code as it is). For the table
 * check and calls inside an outer transaction, use {@link Race} in a plain {@code @Test}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(RaceExtension.class)
public @interface RaceTest {

    /** Threads released together each round (at least 2). */
    int threads() default 8;

    /** Rounds, each on a fresh key. */
    int rounds() default 50;

    /** Bound on one round, in seconds. */
    long roundTimeoutSeconds() default 30;
}
