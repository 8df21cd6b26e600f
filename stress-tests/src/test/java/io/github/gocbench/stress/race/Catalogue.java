package io.github.gocbench.stress.race;

import io.github.gocbench.dialect.Dialect;
import io.github.gocbench.server.Dialects;
import io.github.gocbench.strategy.Expect;
import io.github.gocbench.strategy.Situation;
import io.github.gocbench.strategy.StrategyDef;
import io.github.gocbench.dialect.DbFamily;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The race suites' rows, read from the catalogue: every strategy of every dialect, in every
 * {@link Situation} it declares ({@link StrategyDef#expect()}). The declarations live beside each
 * strategy's SQL, so a strategy added to a dialect is raced by {@code ./mvnw verify} without
 * touching this module.
 */
final class Catalogue {

    private Catalogue() {
    }

    /** One dialect per id (MariaDB and MySQL share {@code mysql}). */
    static Map<String, Dialect> dialects() {
        Map<String, Dialect> byId = new LinkedHashMap<>();
        for (DbFamily f : DbFamily.values()) {
            Dialect d = Dialects.of(f);
            byId.putIfAbsent(d.id(), d);
        }
        return byId;
    }

    static List<Declared> rows() {
        List<Declared> rows = new ArrayList<>();
        for (Dialect d : dialects().values()) {
            for (StrategyDef s : d.strategies()) {
                for (Situation when : Situation.values()) {
                    s.expect().in(when).ifPresent(x -> rows.add(
                            new Declared(d.id(), s.id(), when, x.known(), x.possible())));
                }
            }
        }
        return rows;
    }

    /** "dialect strategy situation" for every situation a strategy leaves undeclared. */
    static List<String> undeclared() {
        List<String> missing = new ArrayList<>();
        for (Dialect d : dialects().values()) {
            for (StrategyDef s : d.strategies()) {
                Expect e = s.expect();
                for (Situation when : Situation.values()) {
                    if (e.in(when).isEmpty()) {
                        missing.add(d.id() + " " + s.id() + " " + when);
                    }
                }
            }
        }
        return missing;
    }
}
