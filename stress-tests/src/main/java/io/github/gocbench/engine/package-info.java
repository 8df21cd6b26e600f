/**
 * jcstress tests of what the engine's threads share, so the harness's own counts are proven
 * race-free. They live in the engine's package (a split package: this module's classes, core's
 * package-private types) so the engine needs no wider visibility for tests. What the threads of
 * a run share, and where it is tested:
 *
 * <ul>
 *   <li>{@code RunControl}: the stop flag and the first reason ({@link RunControlStopJcstress}),
 *       the first anomaly ({@link RunControlFirstAnomalyJcstress}), the live counters.</li>
 *   <li>{@code Worker}: its outcome counters, latency recorder and the run's shared counters
 *       ({@link WorkerCountJcstress}); the call/watchdog hand-shake that decides TIMEOUT and
 *       reconnects ({@link WorkerTimeoutJcstress}).</li>
 *   <li>{@code KeyLedger}: concurrent records of created rows ({@link KeyLedgerCreateJcstress})
 *       and a delete racing the creator's record ({@link KeyLedgerDeleteJcstress}).</li>
 *   <li>{@code RaceRun}'s round arrays are written by each worker in its own slot and read by
 *       the barrier action; {@code CyclicBarrier} orders them (its documented happens-before),
 *       and {@code Invariants} is pure: neither needs a jcstress test of its own.</li>
 * </ul>
 */
package io.github.gocbench.engine;
