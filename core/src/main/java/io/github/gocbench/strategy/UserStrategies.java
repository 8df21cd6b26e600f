package io.github.gocbench.strategy;

import io.github.gocbench.spi.UserStrategy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The user's own strategies ({@link UserStrategy}, named by {@code --strategy-class}) that this
 * process runs beside the built-in catalogue. The command line registers one before it plans its
 * runs; every dialect then finds it by its id ({@code Dialect.strategy}), so the engine, sweeps and
 * reports treat it like a built-in strategy without knowing where it came from. Its declared
 * outcomes are {@link Expect#UNDECLARED}: goc does not know what your code promises.
 */
public final class UserStrategies {

    private static final Map<String, StrategyDef> REGISTERED = new ConcurrentHashMap<>();
    private static final Map<String, String> DESCRIPTIONS = new ConcurrentHashMap<>();
    private static final int MAX_DESCRIPTION = 200;

    private UserStrategies() {
    }

    /** Registers {@code strategy} under its id and returns the definition the engine will run. */
    public static StrategyDef register(UserStrategy strategy) {
        String id = strategy.id();
        Optional<String> description = describe(strategy);
        StrategyDef def = new StrategyDef(id, description.map(d -> d + " (").orElse("") + "your strategy "
                + strategy.getClass().getName() + description.map(d -> ")").orElse(""),
                table -> new Adapter(strategy));
        REGISTERED.put(id, def);
        description.ifPresentOrElse(d -> DESCRIPTIONS.put(id, d), () -> DESCRIPTIONS.remove(id));
        return def;
    }

    /** What the registered strategy with this id says it runs ({@link UserStrategy#description()}), for its results. */
    public static Optional<String> description(String id) {
        return Optional.ofNullable(DESCRIPTIONS.get(id));
    }

    /** The strategy's description on one line, at most 200 characters; empty when it has none or it throws. */
    static Optional<String> describe(UserStrategy strategy) {
        String d;
        try {
            d = strategy.description();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        if (d == null || d.isBlank()) {
            return Optional.empty();
        }
        String line = d.strip().replaceAll("\\s+", " ");
        return Optional.of(line.length() <= MAX_DESCRIPTION ? line : line.substring(0, MAX_DESCRIPTION - 3) + "...");
    }

    /** The registered strategy with this id. */
    public static Optional<StrategyDef> find(String id) {
        return Optional.ofNullable(REGISTERED.get(id));
    }

    /** Forgets every registered strategy (tests that run several commands in one JVM). */
    public static void clear() {
        REGISTERED.clear();
        DESCRIPTIONS.clear();
    }

    /** A {@link UserStrategy} seen as a {@link Strategy}: no side-effect hook (refused by the CLI), no retries. */
    private record Adapter(UserStrategy user) implements Strategy {
        @Override
        public String id() {
            return user.id();
        }

        @Override
        public void prepare(Connection connection) throws SQLException {
            user.prepare(connection);
        }

        @Override
        public Got getOrCreate(Connection connection, long key, SideEffect sideEffect) throws SQLException {
            UserStrategy.Answer a = user.getOrCreate(connection, key);
            if (a == null) {
                throw new SQLException(user.getClass().getName() + ".getOrCreate returned null", "GC002");
            }
            return new Got(a.id(), a.created(), 0);
        }
    }
}
