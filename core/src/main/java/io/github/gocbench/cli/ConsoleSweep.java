package io.github.gocbench.cli;

import io.github.gocbench.dialect.DbFamily;
import io.github.gocbench.engine.ProgressListener;
import io.github.gocbench.explain.TimelineLane;
import io.github.gocbench.plan.Sweep;
import io.github.gocbench.plan.SweepListener;
import io.github.gocbench.report.ExplainLinks;
import io.github.gocbench.results.RunResult;
import io.github.gocbench.results.Timeline;
import io.github.gocbench.server.Provision;
import io.github.gocbench.server.TargetInfo;
import io.github.gocbench.server.TargetSpec;
import io.github.gocbench.server.TargetUnavailableException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * A {@link Sweep} as the terminal shows it: notes on stderr ("starting embedded postgres...",
 * "goc: skipping mariadb: ..."), the progress line of each run ({@link ProgressDisplay}), and the
 * servers that could not be used. {@link #runAndReport} is the whole tail of {@code race} and
 * {@code bench}.
 */
class ConsoleSweep implements SweepListener {

    private final Terminal term;
    private final String command;
    private final ProgressDisplay progress;
    private final List<String> unavailable = new ArrayList<>();

    /**
     * @param command what notes start with: {@code goc}, {@code goc matrix}
     */
    ConsoleSweep(Terminal term, String command) {
        this.term = term;
        this.command = command;
        this.progress = new ProgressDisplay(term);
    }

    /**
     * The tail shared by {@code race} and {@code bench}: runs the steps under {@link GracefulStop}
     * (Ctrl-C keeps what was measured), fails when nothing could run at all, prints the results
     * ({@link RunTable}), writes {@code --json} and returns the exit code from
     * {@link OutputOptions#exitCode}.
     */
    static int runAndReport(List<Sweep.Step> steps, Terminal term, OutputOptions output)
            throws TargetUnavailableException, IOException {
        try (GracefulStop stop = GracefulStop.install()) {
            List<RunResult> results;
            try {
                results = new Sweep(steps).run(new ConsoleSweep(term, "goc"), false);
            } catch (TargetUnavailableException e) {
                if (stop.stopped() != null) { // Ctrl-C while the server started or workers connected
                    throw new TargetUnavailableException("stopped before the first call: " + stop.stopped()
                            + "; nothing written", e);
                }
                throw e;
            }
            stop.writing();
            OutputOptions.requireSomethingRan(results);
            print(results, term);
            output.write(results, term);
            return output.exitCode(results, term);
        }
    }

    private static void print(List<RunResult> results, Terminal term) {
        if (term.quiet()) {
            for (RunResult r : results) {
                term.out().println(RunTable.quietLine(r));
            }
        } else {
            if (!results.isEmpty() && results.get(0).target() != null) {
                TargetInfo t = results.get(0).target();
                term.out().println(t.product() + " " + t.version() + " (" + t.provision().cliName() + ")");
            }
            term.out().print(RunTable.table(results));
            for (RunResult r : results) {
                printTimelines(r, term);
            }
        }
        term.out().flush();
    }

    /** A race's kept anomalous rounds, statement by statement, in explain's swimlane form (issue 18). */
    private static void printTimelines(RunResult r, Terminal term) {
        if (r.timelines() == null) {
            return;
        }
        term.out().println();
        term.out().println(r.config().strategy() + ": the first " + r.timelines().size()
                + " anomalous round(s), as each caller's connection saw them (--json keeps them):");
        for (Timeline t : r.timelines()) {
            term.out().println();
            term.out().print(TimelineLane.text(t));
        }
        if (r.target() != null && r.target().family() != null) {
            term.out().println();
            term.out().println("'" + ExplainLinks.command(r) + "' tries every order of these"
                    + " statements; if none ends in the anomaly, the race sees it and no schedule does: a window inside"
                    + " the server between statements.");
        }
    }

    /** What the user waits for while a server is provided: an embedded server or a container. */
    static String startingNote(TargetSpec spec) {
        if (spec.family() == DbFamily.MYSQL || spec.provision() == Provision.CONTAINER) {
            return "starting " + spec.family().cliName() + " container...";
        }
        return "starting embedded " + spec.family().cliName() + (spec.pgVersion() > 0 ? " " + spec.pgVersion() : "")
                + "...";
    }

    /** "postgres: connection refused ..." per server that could not be opened, in order. */
    List<String> unavailable() {
        return unavailable;
    }

    Terminal term() {
        return term;
    }

    @Override
    public void serverStarting(TargetSpec spec) {
        term.note(startingNote(spec));
    }

    @Override
    public void serverUnavailable(TargetSpec spec, TargetUnavailableException e) {
        unavailable.add(spec.family().cliName() + ": " + Errors.oneLine(e.getMessage()));
        term.note(command + ": skipping " + spec.family().cliName() + ": " + Errors.oneLine(e.getMessage()));
    }

    @Override
    public void note(String line) {
        term.note(command + ": " + line);
    }

    @Override
    public ProgressListener runStarting(String label, long estimateMs, LongSupplier laterMs) {
        return progress.listener(label, estimateMs, laterMs);
    }

    @Override
    public void runEnded() {
        progress.clear();
    }
}
