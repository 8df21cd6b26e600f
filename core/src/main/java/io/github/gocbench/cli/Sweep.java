package io.github.gocbench.cli;

import io.github.gocbench.engine.Engine;
import io.github.gocbench.engine.RunConfig;
import io.github.gocbench.engine.Workload;
import io.github.gocbench.results.RunResult;
import io.github.gocbench.target.Target;
import io.github.gocbench.target.TargetSpec;
import io.github.gocbench.target.TargetUnavailableException;
import io.github.gocbench.target.Targets;
import java.util.ArrayList;
import java.util.List;

/**
 * A planned sequence of runs, one after another, opening each target once for its consecutive
 * steps. Keeps an estimate of the time left (planned steady durations plus race rounds at the
 * pace measured so far) for the progress line.
 */
final class Sweep {

    /** One run: where, and what. */
    record Step(TargetSpec target, RunConfig config) {
    }

    /** Overhead per run beyond its workload: reset table, open connections, check invariants. */
    private static final long RUN_OVERHEAD_MS = 400;

    private final List<Step> steps;
    private final List<String> unavailable = new ArrayList<>();
    private double msPerRaceRound = 3.0;

    Sweep(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    /** Messages of targets that could not be opened (only when run with {@code skipUnavailable}). */
    List<String> unavailable() {
        return unavailable;
    }

    /**
     * Runs every step and returns the results in order.
     *
     * @param skipUnavailable when a target cannot be opened, note it and go on with the next one;
     *                        otherwise throw
     */
    List<RunResult> run(Terminal term, boolean skipUnavailable) throws TargetUnavailableException {
        ProgressDisplay progress = new ProgressDisplay(term);
        List<RunResult> results = new ArrayList<>();
        int i = 0;
        while (i < steps.size()) {
            TargetSpec spec = steps.get(i).target();
            int end = i;
            while (end < steps.size() && steps.get(end).target().equals(spec)) {
                end++;
            }
            Target target;
            try {
                target = open(spec, term);
            } catch (TargetUnavailableException e) {
                if (!skipUnavailable) {
                    throw e;
                }
                unavailable.add(spec.family().cliName() + ": " + Errors.oneLine(e.getMessage()));
                term.note("goc: skipping " + spec.family().cliName() + ": " + Errors.oneLine(e.getMessage()));
                i = end;
                continue;
            }
            try (target) {
                for (int s = i; s < end; s++) {
                    Step step = steps.get(s);
                    String label = (steps.size() > 1 ? "[" + (s + 1) + "/" + steps.size() + "] " : "")
                            + label(step);
                    final int next = s + 1;
                    long started = System.nanoTime();
                    RunResult r;
                    try {
                        r = Engine.run(target, step.config(),
                                progress.listener(label, estimateMs(step), () -> remainingFrom(next)));
                    } finally {
                        progress.clear();
                    }
                    learn(step, (System.nanoTime() - started) / 1_000_000);
                    results.add(r);
                    if (Thread.currentThread().isInterrupted()) {
                        return results; // Ctrl-C / SIGTERM (GracefulStop): keep what is done, run no more
                    }
                }
            }
            i = end;
        }
        return results;
    }

    private static Target open(TargetSpec spec, Terminal term) throws TargetUnavailableException {
        if (spec.url() == null) {
            term.note(startingNote(spec));
        }
        return Targets.open(spec);
    }

    /** What the user waits for while a server is provided: an embedded server or a container. */
    static String startingNote(TargetSpec spec) {
        if (spec.family() == io.github.gocbench.target.DbFamily.MYSQL
                || spec.provision() == io.github.gocbench.target.Provision.CONTAINER) {
            return "starting " + spec.family().cliName() + " container...";
        }
        return "starting embedded " + spec.family().cliName() + (spec.pgVersion() > 0 ? " " + spec.pgVersion() : "")
                + "...";
    }

    /** "postgres naive race 8 threads outer-tx", for progress lines. */
    static String label(Step step) {
        RunConfig c = step.config();
        StringBuilder sb = new StringBuilder(step.target().family().cliName()).append(' ').append(c.strategy());
        if (c.workload() instanceof Workload.Steady st) {
            sb.append(" steady ").append(st.keys().text());
        } else {
            sb.append(" race");
        }
        sb.append(' ').append(ResultReport.threads(c.workload().threads()));
        if (c.conditions().outerTx()) {
            sb.append(" outer-tx");
        }
        if (c.conditions().isolation() != null) {
            sb.append(' ').append(c.conditions().isolation().cliName());
        }
        return sb.toString();
    }

    /** Estimated length of a step, in ms. */
    long estimateMs(Step step) {
        if (step.config().workload() instanceof Workload.Steady st) {
            return st.duration().toMillis() + st.warmup().toMillis() + RUN_OVERHEAD_MS;
        }
        Workload.Race race = (Workload.Race) step.config().workload();
        return (long) (race.rounds() * msPerRaceRound) + RUN_OVERHEAD_MS;
    }

    /** Estimated time of the steps from {@code index} on, in ms. */
    long remainingFrom(int index) {
        long ms = 0;
        for (int s = index; s < steps.size(); s++) {
            ms += estimateMs(steps.get(s));
        }
        return ms;
    }

    /** Updates the race pace from a race that just finished. */
    private void learn(Step step, long tookMs) {
        if (step.config().workload() instanceof Workload.Race race && race.rounds() > 0) {
            msPerRaceRound = Math.max(0.1, (double) Math.max(0, tookMs - RUN_OVERHEAD_MS) / race.rounds());
        }
    }
}
