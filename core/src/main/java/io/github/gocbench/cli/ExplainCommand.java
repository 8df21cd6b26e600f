package io.github.gocbench.cli;

import io.github.gocbench.dialect.DbFamily;
import io.github.gocbench.explain.ExplainConfig;
import io.github.gocbench.explain.ExplainJson;
import io.github.gocbench.explain.ExplainSvg;
import io.github.gocbench.explain.ExplainText;
import io.github.gocbench.explain.Explanation;
import io.github.gocbench.explain.Explorer;
import io.github.gocbench.server.Target;
import io.github.gocbench.server.TargetSpec;
import io.github.gocbench.server.Targets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code goc explain}: every interleaving of two (or three) callers' statements, run on the real server. */
@Command(name = "explain",
        header = "Show how a strategy breaks: every interleaving of 2 or 3 callers, on the real server.",
        mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Runs the strategy's callers one statement at a time, each on its own",
                "connection, and explores their interleavings depth first, each from a fresh",
                "key: with 2 callers all of them, with 3 those with at most --preemptions",
                "preemptions. A step runs alone until it returns or the server says it waits",
                "for a lock (pg_blocking_pids; InnoDB's lock waits); deadlocks and lock",
                "timeouts are outcomes like any other. Prints every distinct result with how",
                "many schedules give it and the shortest one as a swimlane (one column per",
                "caller: the SQL, what it returned, whom it waited for), which two psql or",
                "mariadb sessions can replay by hand. No anomalous schedule means: safe at",
                "statement granularity for that many callers.",
                ""},
        footerHeading = "%nExamples:%n",
        footer = {
                "  goc explain --db postgres --strategy naive",
                "  goc explain --db mariadb --strategy transactional --outer-tx --isolation repeatable-read",
                "  goc explain --db mariadb --strategy insert-first-for-update --outer-tx",
                "           --isolation repeatable-read --callers 3",
                "",
                "Exit codes: 0 done; 1 an anomalous schedule, with --fail-on-anomaly; 2 bad",
                "            input; 3 database unavailable or a schedule could not finish."})
final class ExplainCommand implements Callable<Integer> {

    @ParentCommand
    private Goc goc;

    @Spec
    private CommandSpec spec;

    @Mixin
    StrategyOptions strategies;

    @Option(names = "--callers", paramLabel = "N", defaultValue = "2",
            description = "Callers racing on the key: 2 (every schedule) or 3 (bounded by --preemptions).")
    int callers;

    @Option(names = "--preemptions", paramLabel = "P", defaultValue = "2",
            description = "With 3 callers: the most times a caller that could go on loses its turn (default"
                    + " ${DEFAULT-VALUE}).")
    int preemptions;

    @Option(names = "--max-schedules", paramLabel = "N", defaultValue = "20000",
            description = "Stop after N schedules (default ${DEFAULT-VALUE}).")
    int maxSchedules;

    @Option(names = "--deadline", paramLabel = "T", defaultValue = "10m",
            description = "Stop exploring after T, e.g. 90s or 10m (default ${DEFAULT-VALUE}).")
    String deadline;

    @Mixin
    ConditionOptions conditions;

    @Mixin
    TargetOptions target;

    @Option(names = "--json", paramLabel = "FILE",
            description = "Also write the results as JSON to FILE (its folder must exist; never overwritten).")
    Path json;

    @Option(names = "--svg", paramLabel = "FILE",
            description = "Also draw the shortest anomalous schedule (else the first result) as an SVG swimlane.")
    Path svg;

    @Option(names = "--fail-on-anomaly", description = "Exit with code 1 when a schedule ends in an anomaly.")
    boolean failOnAnomaly;

    @Override
    public Integer call() throws Exception {
        DbFamily family = strategies.family();
        String id = strategies.resolveOne(family);
        if (conditions.sideEffect) {
            throw new BadInputException("--side-effect is not explored by explain: drop it (a schedule shows every"
                    + " INSERT anyway)");
        }
        Duration limit;
        try {
            limit = Durations.parse(deadline);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--deadline: " + e.getMessage());
        }
        ExplainConfig config;
        try {
            config = new ExplainConfig(id, conditions.isolation(), conditions.outerTx, !conditions.noUnique, callers,
                    preemptions, maxSchedules, limit, Duration.ofSeconds(60));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
        if (json != null) {
            json = InputChecks.newFile("--json", json);
        }
        if (svg != null) {
            svg = InputChecks.newFile("--svg", svg);
        }
        TargetSpec targetSpec = target.spec(family);
        Terminal term = Terminal.of(spec.commandLine(), goc.quiet());
        if (targetSpec.url() == null) {
            term.note(ConsoleSweep.startingNote(targetSpec));
        }
        Explanation e;
        try (Target t = Targets.open(targetSpec)) {
            e = Explorer.explore(t, config, term::note);
        }
        term.out().print(ExplainText.render(e));
        term.out().flush();
        if (json != null) {
            ExplainJson.write(json, e, false);
        }
        if (svg != null) {
            ExplainSvg.write(svg, e, false);
        }
        if (e.stopped() != null && e.stopped().contains("not deterministic")) {
            return ExitCodes.UNAVAILABLE;
        }
        return failOnAnomaly && e.anomalousSchedules() > 0 ? ExitCodes.ANOMALY : ExitCodes.OK;
    }
}
