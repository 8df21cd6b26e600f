package io.github.gocbench.cli;

import io.github.gocbench.dialect.DbFamily;
import io.github.gocbench.spi.UserStrategy;
import io.github.gocbench.strategy.Conditions;
import io.github.gocbench.strategy.StrategyDef;
import io.github.gocbench.strategy.UserStrategies;
import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/**
 * {@code --strategy-class} and {@code --classpath}: the user's own get-or-create
 * ({@link UserStrategy}) run like a built-in strategy by {@code race}, {@code bench} and
 * {@code compare}. Every way it can go wrong (a missing class or folder, a class that is not a
 * {@code UserStrategy}, a constructor that throws, an id taken by a built-in strategy) is one line
 * and exit 2.
 */
final class UserStrategyOptions {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    @Option(names = "--strategy-class", paramLabel = "CLASS",
            description = "Your own strategy: a class implementing io.github.gocbench.spi.UserStrategy"
                    + " (artifact goc-junit), found on --classpath.")
    String strategyClass;

    @Option(names = "--classpath", paramLabel = "PATH",
            description = "Folders and jars holding your strategy and what it needs, separated by the"
                    + " system's path separator (':' on Linux). Without --strategy-class, the one UserStrategy a jar lists in"
                    + " META-INF/services is used.")
    String classpath;

    /** Whether the user asked for a strategy of their own. */
    boolean given() {
        return strategyClass != null || classpath != null;
    }

    /**
     * Loads, builds and registers the user's strategy; empty when none was asked for.
     *
     * @throws BadInputException when it cannot be loaded or built, or clashes with a built-in id
     */
    Optional<StrategyDef> load(List<DbFamily> families) {
        if (!given()) {
            return Optional.empty();
        }
        ClassLoader loader = loader();
        UserStrategy strategy = strategyClass != null ? instantiate(loader, strategyClass) : discover(loader);
        String id;
        try {
            id = strategy.id();
        } catch (RuntimeException e) {
            throw new BadInputException(strategy.getClass().getName() + ".id() threw " + describe(e));
        }
        if (id == null || !ID.matcher(id).matches()) {
            throw new BadInputException("strategy id '" + id + "' of " + strategy.getClass().getName()
                    + " is not a plain name (letters, digits, . _ -; at most 64)");
        }
        for (DbFamily f : families) {
            if (StrategyCatalog.dialect(f).strategies().stream().anyMatch(d -> d.id().equals(id))) {
                throw new BadInputException("strategy id '" + id + "' of " + strategy.getClass().getName()
                        + " is a built-in strategy's id; override id() to name yours");
            }
        }
        return Optional.of(UserStrategies.register(strategy));
    }

    /** Refuses the conditions that act on goc's own table, which a user strategy does not use. */
    static void checkConditions(Conditions conditions) {
        if (conditions.churn() > 0) {
            throw new BadInputException("--churn deletes rows from goc's own table; a --strategy-class strategy keeps"
                    + " its rows in its own table");
        }
        if (conditions.sideEffect()) {
            throw new BadInputException("--side-effect counts goc's hook, which a --strategy-class strategy does"
                    + " not call");
        }
    }

    private ClassLoader loader() {
        ClassLoader parent = UserStrategyOptions.class.getClassLoader();
        if (classpath == null) {
            return parent;
        }
        List<URL> urls = new ArrayList<>();
        for (String entry : classpath.split(Pattern.quote(File.pathSeparator))) {
            if (entry.isBlank()) {
                continue;
            }
            Path p = Path.of(entry);
            if (!Files.exists(p)) {
                throw new BadInputException("--classpath entry '" + entry + "' does not exist");
            }
            try {
                urls.add(p.toAbsolutePath().toUri().toURL());
            } catch (MalformedURLException e) {
                throw new BadInputException("--classpath entry '" + entry + "' is not a usable path");
            }
        }
        return new URLClassLoader("goc-user-strategy", urls.toArray(URL[]::new), parent);
    }

    private static UserStrategy instantiate(ClassLoader loader, String name) {
        Class<?> c;
        try {
            c = Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new BadInputException("--strategy-class " + name + ": class not found (give its folder or jar with"
                    + " --classpath)");
        }
        if (!UserStrategy.class.isAssignableFrom(c)) {
            throw new BadInputException("--strategy-class " + name + " does not implement "
                    + UserStrategy.class.getName());
        }
        try {
            return (UserStrategy) c.getConstructor().newInstance();
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new BadInputException("--strategy-class " + name + " needs a public no-argument constructor");
        } catch (InvocationTargetException e) {
            throw new BadInputException("--strategy-class " + name + ": its constructor threw "
                    + describe(e.getCause()));
        } catch (InstantiationException | LinkageError | RuntimeException e) {
            throw new BadInputException("--strategy-class " + name + " cannot be built: " + describe(e));
        }
    }

    private static String describe(Throwable t) {
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + Errors.oneLine(t.getMessage()));
    }

    private static UserStrategy discover(ClassLoader loader) {
        List<UserStrategy> found = new ArrayList<>();
        try {
            ServiceLoader.load(UserStrategy.class, loader).forEach(found::add);
        } catch (ServiceConfigurationError e) {
            throw new BadInputException("--classpath: a UserStrategy listed in META-INF/services cannot be built: "
                    + describe(e.getCause() != null ? e.getCause() : e));
        }
        if (found.isEmpty()) {
            throw new BadInputException("--classpath lists no " + UserStrategy.class.getName()
                    + " in META-INF/services; name the class with --strategy-class");
        }
        if (found.size() > 1) {
            throw new BadInputException("--classpath lists " + found.size() + " strategies ("
                    + String.join(", ", found.stream().map(s -> s.getClass().getName()).toList())
                    + "); name one with --strategy-class");
        }
        return found.get(0);
    }
}
