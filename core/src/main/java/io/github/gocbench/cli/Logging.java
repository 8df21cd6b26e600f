package io.github.gocbench.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.github.gocbench.server.Targets;
import org.slf4j.LoggerFactory;

/**
 * Switches logging levels at run time. The packaged {@code logback.xml} keeps goc quiet (warnings
 * only, embedded servers and Testcontainers at ERROR); {@code --verbose} opens it up so a user can
 * see what the servers and the harness are doing.
 */
final class Logging {

    private static final String[] SERVER_LOGGERS = {"io.zonky", "ch.vorburger", "ch.vorburger.exec.ManagedProcess",
        "org.testcontainers"};

    private Logging() {
    }

    /**
     * Root at INFO, goc-bench itself at DEBUG, embedded servers and Testcontainers at INFO, and
     * the embedded servers' own output (initdb, postgres, mariadbd) passed through to the log.
     */
    static void verbose() {
        Targets.setVerbose(true);
        if (!logback()) {
            return; // another SLF4J binding (or none) on the class path: leave it alone
        }
        level(org.slf4j.Logger.ROOT_LOGGER_NAME, Level.INFO);
        level("io.github.gocbench", Level.DEBUG);
        for (String name : SERVER_LOGGERS) {
            level(name, Level.INFO);
        }
    }

    /**
     * Whether SLF4J is bound to logback. Checked by name, not {@code instanceof}: logback is an
     * optional dependency of goc-core, and a type test against a missing class would throw.
     */
    static boolean logback() {
        return "ch.qos.logback.classic.LoggerContext".equals(LoggerFactory.getILoggerFactory().getClass().getName());
    }

    private static void level(String logger, Level level) {
        ((Logger) LoggerFactory.getLogger(logger)).setLevel(level);
    }
}
