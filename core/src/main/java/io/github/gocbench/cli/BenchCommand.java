package io.github.gocbench.cli;

import io.github.gocbench.dialect.DbFamily;
import io.github.gocbench.engine.Bounds;
import io.github.gocbench.engine.KeySpec;
import io.github.gocbench.engine.RunConfig;
import io.github.gocbench.engine.Workload;
import io.github.gocbench.plan.Sweep;
import io.github.gocbench.server.TargetSpec;
import io.github.gocbench.strategy.Conditions;
import io.github.gocbench.strategy.StrategyDef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code goc bench}: measures throughput and latency of strategies x thread counts, one run each. */
@Command(name = "bench", resourceBundle = "io.github.gocbench.cli.BenchCommand",
        header = "Measure throughput and latency per strategy and thread count.", mixinStandardHelpOptions = true, sortOptions = false,
        defaultValueProvider = BoundsOptions.Defaults.class,
        description = {
                "Measure throughput. For each strategy and thread count, threads call",
                "get-or-create freely for --duration after a --warmup, on keys chosen by",
                "--keys; one result per run. Calls are still classified, so anomalies under",
                "load show up too.",
                "",
                "Keys (--keys):",
                "  hot          one key for every call (maximum contention)",
                "  hotset:K     K keys, chosen uniformly (e.g. hotset:1000)",
                "  uniform:K    K keys, chosen uniformly; meant for large K (little contention)",
                "  zipf:K:s     K keys, Zipf-distributed with exponent s (e.g. zipf:10000:1.1)",
                "  new          a key never used before on every call (always an insert)",
                "--churn P deletes the row after use with probability P, so keys go missing",
                "again (the seed blog's workload deletes every time).",
                ""},
        footerHeading = "%nExamples:%n",
        footer = {
                "  goc bench --db postgres --strategy all --threads 1,2,4,8 --duration 10s",
                "  goc bench --db mariadb --strategy upsert --keys zipf:10000:1.1 --churn 0.1",
                "            --json bench.json",
                "",
                "Exit codes: 0 done; 1 anomalies found with --fail-on-anomaly; 2 bad input;",
                "            3 database unavailable or the run failed."})
final class BenchCommand implements Callable<Integer> {

    @ParentCommand
    private Goc goc;

    @Spec
    private CommandSpec spec;

    @Mixin
    StrategyOptions strategies;

    @Option(names = "--threads", paramLabel = "N,...", defaultValue = "1,2,4,8",
            description = "Thread counts to sweep, each 1.." + Workload.MAX_THREADS + " (default ${DEFAULT-VALUE}).")
    String threads;

    @Option(names = "--duration", paramLabel = "DUR", defaultValue = "10s", converter = Durations.class,
            description = "Measured time per run, e.g. 10s, 2m (default ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--warmup", paramLabel = "DUR", defaultValue = "2s", converter = Durations.class,
            description = "Unmeasured time before each run, 0s allowed (default ${DEFAULT-VALUE}).")
    Duration warmup;

    @Option(names = "--keys", paramLabel = "SPEC", defaultValue = "hot",
            description = "hot, hotset:K, uniform:K, zipf:K:s or new (default ${DEFAULT-VALUE}).")
    String keys;

    @Mixin
    ChurnOptions churn;

    @Mixin
    ConditionOptions conditions;

    @Mixin
    TargetOptions target;

    @Mixin
    BoundsOptions bounds;

    @Mixin
    CostOptions cost;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws Exception {
        DbFamily family = strategies.family();
        List<StrategyDef> defs = strategies.resolveList(family);
        List<Integer> threadCounts = InputChecks.threadList(threads);
        Duration measured = InputChecks.duration("--duration", duration);
        Duration warm = InputChecks.warmup(warmup);
        KeySpec keySpec = InputChecks.keys(keys);
        Conditions cond = conditions.conditions(churn.probability());
        if (strategies.user()) {
            UserStrategyOptions.checkConditions(cond);
        }
        var runBounds = bounds.bounds();
        if (!spec.commandLine().getParseResult().hasMatchedOption("--deadline")) {
            // The default deadline bounds races; a steady run asked to last longer gets its own
            // length plus a minute (the engine still cuts it at warm-up + duration + slack).
            Duration needed = warm.plus(measured).plusMinutes(1);
            if (needed.compareTo(runBounds.deadline()) > 0) {
                runBounds = new Bounds(needed, runBounds.statementTimeout(),
                        runBounds.lockTimeout(), runBounds.callTimeout());
            }
        }
        TargetSpec targetSpec = target.spec(family);
        output.check();

        List<Sweep.Step> steps = new ArrayList<>();
        for (StrategyDef def : defs) {
            for (int n : threadCounts) {
                steps.add(new Sweep.Step(targetSpec, new RunConfig(def.id(),
                        new Workload.Steady(n, measured, warm, keySpec), cond, runBounds,
                        cost.serverProbes())));
            }
        }
        Terminal term = Terminal.of(spec.commandLine(), goc.quiet());
        return ConsoleSweep.runAndReport(steps, term, output);
    }
}
