package io.github.gocbench.cli;

import io.github.gocbench.dialect.DbFamily;
import io.github.gocbench.strategy.StrategyDef;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code --db}, {@code --strategy} and the user's own strategy ({@code --strategy-class},
 * {@code --classpath}): which database family a command runs on and which get-or-create, with
 * the one rule for choosing between a built-in and the user's. Mixed into {@code race},
 * {@code bench} and {@code explain}. {@code bench} takes a list: its {@code --strategy}
 * description comes from its resource bundle ({@code BenchCommand.properties}, key
 * {@code strategy}).
 */
final class StrategyOptions {

    @Option(names = "--db", required = true, paramLabel = "D", description = "postgres, mariadb or mysql.")
    String db;

    @Option(names = "--strategy", paramLabel = "S",
            description = "Strategy id, e.g. naive, transactional, upsert ('goc strategies' lists them).")
    String strategy;

    @Mixin
    UserStrategyOptions userStrategy;

    /** The {@code --db} family; a bad name is one line and exit 2. */
    DbFamily family() {
        return InputChecks.db(db);
    }

    /** Whether the strategy is the user's own ({@code --strategy-class} / {@code --classpath}). */
    boolean user() {
        return userStrategy.given();
    }

    /**
     * The one strategy's id: {@code --strategy}'s, or the user's (loaded and registered); exactly
     * one of the two must be given.
     */
    String resolveOne(DbFamily family) {
        if (userStrategy.given() == (strategy != null)) {
            throw new BadInputException(strategy == null ? "Missing required option: '--strategy=S' (or --strategy-class)"
                    : "give --strategy or --strategy-class, not both");
        }
        return strategy != null ? StrategyCatalog.resolve(family, strategy).id()
                : userStrategy.load(List.of(family)).orElseThrow().id();
    }

    /**
     * The strategies {@code --strategy} lists (an id, a comma list or all), then the user's beside
     * them; at least one of the two must be given.
     */
    List<StrategyDef> resolveList(DbFamily family) {
        if (strategy == null && !userStrategy.given()) {
            throw new BadInputException("Missing required option: '--strategy=S' (or --strategy-class)");
        }
        List<StrategyDef> defs = new ArrayList<>(strategy == null ? List.of()
                : StrategyCatalog.resolveList(family, strategy));
        userStrategy.load(List.of(family)).ifPresent(defs::add); // beside the built-ins named by --strategy
        return defs;
    }
}
