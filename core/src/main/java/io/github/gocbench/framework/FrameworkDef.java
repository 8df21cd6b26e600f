package io.github.gocbench.framework;

import io.github.gocbench.strategy.Expect;
import io.github.gocbench.strategy.StrategyDef;
import io.github.gocbench.strategy.Table;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * One framework replay as {@code goc strategies} lists it: the id users type, the framework and
 * the version whose behaviour it replays, the source file it was read from, the upstream threads
 * where users hit its races, and per SQL family how to build it and what it declares.
 *
 * @param id        e.g. {@code django}, {@code rails-7.1}
 * @param framework e.g. {@code Django}
 * @param version   the versions whose statement sequence this is, e.g. {@code 7.1 - 8.x}
 * @param source    repository, path and commit the sequence was read from
 * @param upstream  the issue threads that report its races (links)
 * @param summary   one line: the call and its statements
 */
public record FrameworkDef(String id, String framework, String version, String source, String upstream,
                           String summary, Map<Flavor, BiFunction<Flavor, Table, Replay>> replays,
                           Map<Flavor, Expect> expects) {

    public FrameworkDef {
        replays = Map.copyOf(replays);
        expects = Map.copyOf(expects);
    }

    /** A definition with no flavour yet; add them with {@link #on}. */
    static FrameworkDef of(String id, String framework, String version, String source, String upstream,
                           String summary) {
        return new FrameworkDef(id, framework, version, source, upstream, summary, Map.of(), Map.of());
    }

    /** This definition, also offered on {@code flavor}, built by {@code replay}, declaring {@code expect}. */
    FrameworkDef on(Flavor flavor, BiFunction<Flavor, Table, Replay> replay, Expect expect) {
        Map<Flavor, BiFunction<Flavor, Table, Replay>> r = new EnumMap<>(Flavor.class);
        r.putAll(replays);
        r.put(flavor, replay);
        Map<Flavor, Expect> e = new EnumMap<>(Flavor.class);
        e.putAll(expects);
        e.put(flavor, expect);
        return new FrameworkDef(id, framework, version, source, upstream, summary, r, e);
    }

    /** The replay on {@code flavor} for {@code table}. */
    public Replay replay(Flavor flavor, Table table) {
        return replays.get(flavor).apply(flavor, table);
    }

    /** The strategy definition on {@code flavor}, if this framework runs there. */
    public Optional<StrategyDef> strategy(Flavor flavor) {
        if (!replays.containsKey(flavor)) {
            return Optional.empty();
        }
        return Optional.of(new StrategyDef(id, summary, t -> replay(flavor, t), expects.get(flavor)));
    }

    /** {@code Django 5.x}. */
    public String frameworkVersion() {
        return framework + " " + version;
    }
}
