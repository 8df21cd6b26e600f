package io.github.gocbench.cli;

import io.github.gocbench.dialect.Dialect;
import io.github.gocbench.server.Dialects;
import io.github.gocbench.strategy.StrategyDef;
import io.github.gocbench.dialect.DbFamily;
import io.github.gocbench.framework.Frameworks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which strategies each database family offers, without starting a server; turns a typed
 * strategy id into a definition or into one line that says what to type instead.
 */
final class StrategyCatalog {

    private StrategyCatalog() {
    }

    /** The dialect serving {@code family}. */
    static Dialect dialect(DbFamily family) {
        return Dialects.of(family);
    }

    /**
     * Families grouped by the dialect that serves them, in {@link DbFamily} order, e.g.
     * {@code [postgres]} and {@code [mariadb, mysql]}.
     */
    static Map<Dialect, List<DbFamily>> byDialect(List<DbFamily> families) {
        Map<String, Dialect> seen = new LinkedHashMap<>();
        Map<Dialect, List<DbFamily>> groups = new LinkedHashMap<>();
        for (DbFamily f : families) {
            Dialect d = dialect(f);
            Dialect key = seen.computeIfAbsent(d.id(), id -> d);
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
        }
        return groups;
    }

    /** Every strategy id any dialect offers, in catalogue order (first dialect's order first). */
    static Set<String> allIds() {
        Set<String> ids = new LinkedHashSet<>();
        for (Dialect d : byDialect(List.of(DbFamily.values())).keySet()) {
            d.strategies().forEach(s -> ids.add(s.id()));
        }
        return ids;
    }

    /** The families whose dialect offers {@code id}, as users type them. */
    static List<String> familiesOffering(String id) {
        List<String> names = new ArrayList<>();
        for (DbFamily f : DbFamily.values()) {
            if (Frameworks.resolve(dialect(f), id).isPresent()) {
                names.add(f.cliName());
            }
        }
        return names;
    }

    /** The definition of {@code id} for {@code family}, or a {@link BadInputException} saying what to use. */
    static StrategyDef resolve(DbFamily family, String id) {
        String wanted = id.trim();
        Dialect d = dialect(family);
        return Frameworks.resolve(d, wanted).orElseThrow(() -> {
            List<String> elsewhere = familiesOffering(wanted);
            if (!elsewhere.isEmpty()) {
                return new BadInputException("'" + wanted + "' is not available for " + family.cliName()
                        + ": it exists for " + String.join(", ", elsewhere)
                        + " (see 'goc strategies --db " + family.cliName() + "')");
            }
            return new BadInputException("unknown strategy '" + wanted + "' for " + family.cliName()
                    + ": use one of " + ids(d));
        });
    }

    /** {@code all} means every strategy of the family's dialect; otherwise one or a comma list. */
    static List<StrategyDef> resolveList(DbFamily family, String spec) {
        if (spec.trim().equalsIgnoreCase("all")) {
            return dialect(family).strategies();
        }
        List<StrategyDef> defs = new ArrayList<>();
        for (String id : spec.split(",")) {
            if (id.isBlank()) {
                throw new BadInputException("empty strategy id in '" + spec + "': use a comma list such as"
                        + " naive,upsert, or all");
            }
            StrategyDef def = resolve(family, id);
            if (defs.stream().noneMatch(x -> x.id().equals(def.id()))) {
                defs.add(def);
            }
        }
        return defs;
    }

    /**
     * {@code compare --frameworks}: {@code all} means every framework replay the family's dialect runs;
     * otherwise a comma list of framework replay ids (a dialect's own strategy id is refused).
     */
    static List<StrategyDef> resolveFrameworks(DbFamily family, String spec) {
        Dialect d = dialect(family);
        if (spec.trim().equalsIgnoreCase("all")) {
            return Frameworks.strategies(d);
        }
        List<StrategyDef> defs = resolveList(family, spec);
        for (StrategyDef def : defs) {
            if (Frameworks.def(def.id()).isEmpty()) {
                throw new BadInputException("--frameworks compares framework replays, and '" + def.id()
                        + "' is a strategy of its own: drop it from --strategy or drop --frameworks"
                        + " (replays: 'goc strategies', section frameworks)");
            }
        }
        return defs;
    }

    /** Comma list of a dialect's strategy ids. */
    static String ids(Dialect d) {
        return d.strategies().stream().map(StrategyDef::id).collect(Collectors.joining(", "));
    }
}
