package io.github.gocbench.cli;

import io.github.gocbench.dialect.Dialect;
import io.github.gocbench.strategy.StrategyDef;
import io.github.gocbench.dialect.DbFamily;
import io.github.gocbench.framework.FrameworkDef;
import io.github.gocbench.framework.Frameworks;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code goc strategies}: the strategy ids per dialect, with one line each. Needs no server. */
@Command(name = "strategies",
        header = "List the get-or-create strategies each database offers.", mixinStandardHelpOptions = true,
        description = {
                "List the get-or-create strategies each database offers, one line each. A",
                "strategy is one way of writing get-or-create; its id is what --strategy",
                "takes. MySQL and MariaDB share one dialect. A strategy a database cannot",
                "express (e.g. insert-ignore on PostgreSQL) is listed as not available.",
                "Framework replays (django, rails-7.1, ...) follow, each with the framework",
                "version and the source file whose statements it replays.",
                "No server is started.",
                ""},
        footerHeading = "%nExamples:%n",
        footer = {"  goc strategies", "  goc strategies --db mariadb",
                "%nExit codes: 0 done; 2 bad input."})
final class StrategiesCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--db", paramLabel = "D", description = "Only this database: postgres, mariadb or mysql.")
    String db;

    @Override
    public Integer call() {
        List<DbFamily> families = db == null ? List.of(DbFamily.values()) : List.of(InputChecks.db(db));
        PrintWriter out = spec.commandLine().getOut();
        Set<String> all = StrategyCatalog.allIds();
        boolean first = true;
        for (Map.Entry<Dialect, List<DbFamily>> group : StrategyCatalog.byDialect(families).entrySet()) {
            if (!first) {
                out.println();
            }
            first = false;
            String names = names(group.getValue());
            out.println(names);
            List<StrategyDef> defs = group.getKey().strategies();
            int width = defs.stream().mapToInt(d -> d.id().length()).max().orElse(0);
            for (StrategyDef d : defs) {
                out.printf("  %-" + width + "s  %s%n", d.id(), d.summary());
            }
            List<String> missing = new ArrayList<>();
            for (String id : all) {
                if (group.getKey().strategy(id).isEmpty()) {
                    missing.add(id + " (exists for " + String.join(", ", StrategyCatalog.familiesOffering(id)) + ")");
                }
            }
            if (!missing.isEmpty()) {
                out.println("  not available for " + names + ": " + String.join(", ", missing));
            }
        }
        printFrameworks(out, families);
        out.println();
        out.println("Try one: goc race --db " + families.get(0).cliName() + " --strategy naive");
        out.flush();
        return ExitCodes.OK;
    }

    /** The framework replays offered on {@code families}: id, framework version, databases, calls, source. */
    private static void printFrameworks(PrintWriter out, List<DbFamily> families) {
        List<FrameworkDef> defs = new ArrayList<>();
        for (FrameworkDef d : Frameworks.all()) {
            if (!offeredOn(d, families).isEmpty()) {
                defs.add(d);
            }
        }
        if (defs.isEmpty()) {
            return;
        }
        out.println();
        out.println("frameworks (each replays one framework's get-or-create statement by statement)");
        int width = defs.stream().mapToInt(d -> d.id().length()).max().orElse(0);
        int fw = defs.stream().mapToInt(d -> d.frameworkVersion().length()).max().orElse(0);
        String indent = " ".repeat(width + 4);
        for (FrameworkDef d : defs) {
            out.printf("  %-" + width + "s  %-" + fw + "s  [%s]%n", d.id(), d.frameworkVersion(),
                    names(offeredOn(d, families)));
            out.println(indent + d.summary());
            out.println(indent + "replays " + d.source());
        }
    }

    private static List<DbFamily> offeredOn(FrameworkDef d, List<DbFamily> families) {
        return families.stream()
                .filter(f -> Frameworks.strategy(StrategyCatalog.dialect(f), d.id()).isPresent()).toList();
    }

    private static String names(List<DbFamily> families) {
        return String.join(", ", families.stream().map(DbFamily::cliName).toList());
    }
}
