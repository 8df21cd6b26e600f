package io.github.gocbench.framework;

import io.github.gocbench.dialect.Dialect;
import io.github.gocbench.strategy.StrategyDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The catalogue of framework replays, beside (not inside) the dialects' own strategies: the ids
 * resolve wherever a strategy id is typed ({@code goc race/bench/compare --strategy django}), while
 * {@code all} keeps meaning the dialect's own strategies.
 */
public final class Frameworks {

    private static final List<FrameworkDef> ALL = Stream.of(
                    Django.DEFS, Rails.DEFS, Laravel.DEFS, Sequelize.DEFS, Prisma.DEFS, TypeOrm.DEFS, Ecto.DEFS)
            .flatMap(List::stream).toList();

    private Frameworks() {
    }

    /** Every framework replay, in catalogue order. */
    public static List<FrameworkDef> all() {
        return ALL;
    }

    /** The framework replays that run on {@code dialect}, as strategy definitions. */
    public static List<StrategyDef> strategies(Dialect dialect) {
        Flavor f = Flavor.of(dialect.id());
        List<StrategyDef> defs = new ArrayList<>();
        if (f != null) {
            ALL.forEach(d -> d.strategy(f).ifPresent(defs::add));
        }
        return defs;
    }

    /** The framework replay {@code id} as a strategy of {@code dialect}, if it runs there. */
    public static Optional<StrategyDef> strategy(Dialect dialect, String id) {
        return strategies(dialect).stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** The definition named {@code id}, whatever it runs on. */
    public static Optional<FrameworkDef> def(String id) {
        return ALL.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /**
     * The dialect's own strategy {@code id}, else the framework replay of that id: the one lookup
     * the engine and the command line use.
     */
    public static Optional<StrategyDef> resolve(Dialect dialect, String id) {
        Optional<StrategyDef> own = dialect.strategy(id);
        return own.isPresent() ? own : strategy(dialect, id);
    }
}
