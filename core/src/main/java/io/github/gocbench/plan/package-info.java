/**
 * What runs, in which order, on which servers, and for how long (JMH's {@code runner} role):
 * {@link io.github.gocbench.plan.Sweep} runs planned steps one after another through the engine,
 * opening each server once, skipping one that is unavailable, sizing budgeted races and keeping
 * the time-left estimate; {@link io.github.gocbench.plan.ComparePlan} and
 * {@link io.github.gocbench.plan.MatrixPlan} say what {@code goc compare} and {@code goc matrix}
 * run. It knows nothing of the command line: it speaks through
 * {@link io.github.gocbench.plan.SweepListener}, and the {@code cli} package translates flags into
 * its typed records.
 */
package io.github.gocbench.plan;
