package io.github.gocbench.cli;

import io.github.gocbench.engine.Bounds;
import java.time.Duration;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * What keeps a run from hanging ({@code --deadline}, {@code --statement-timeout},
 * {@code --lock-timeout}); defaults come from {@link Bounds#DEFAULT} through {@link Defaults}, which
 * every command mixing these in names as its {@code defaultValueProvider}.
 */
final class BoundsOptions {

    @Option(names = "--deadline", paramLabel = "DUR", converter = Durations.class,
            description = "Stop a run after this long (default ${DEFAULT-VALUE}).")
    Duration deadline;

    @Option(names = "--statement-timeout", paramLabel = "DUR", converter = Durations.class,
            description = "Server-side bound on each statement (default ${DEFAULT-VALUE}).")
    Duration statementTimeout;

    @Option(names = "--lock-timeout", paramLabel = "DUR", converter = Durations.class,
            description = "Server-side bound on each lock wait (default ${DEFAULT-VALUE}).")
    Duration lockTimeout;

    /**
     * The bounds; throws {@link BadInputException} when out of range. The per-call watchdog bound
     * stays at its default but never below twice the statement timeout, so the server's own
     * timeout (a classified TIMEOUT outcome) fires before the watchdog cuts the connection.
     */
    Bounds bounds() {
        InputChecks.duration("--deadline", deadline);
        InputChecks.duration("--statement-timeout", statementTimeout);
        InputChecks.duration("--lock-timeout", lockTimeout);
        Duration call = Bounds.DEFAULT.callTimeout();
        Duration twice = statementTimeout.multipliedBy(2);
        if (twice.compareTo(call) > 0) {
            call = twice;
        }
        return new Bounds(deadline, statementTimeout, lockTimeout, call);
    }

    /** Resolves the placeholder defaults above from {@link Bounds#DEFAULT}, as text users would type. */
    static final class Defaults implements IDefaultValueProvider {
        @Override
        public String defaultValue(ArgSpec arg) {
            if (!(arg instanceof OptionSpec o)) {
                return null;
            }
            return switch (o.longestName()) {
                case "--deadline" -> Durations.format(Bounds.DEFAULT.deadline());
                case "--statement-timeout" -> Durations.format(Bounds.DEFAULT.statementTimeout());
                case "--lock-timeout" -> Durations.format(Bounds.DEFAULT.lockTimeout());
                default -> null;
            };
        }
    }
}
