package io.github.gocbench.cli;

import io.github.gocbench.outcome.Messages;
import io.github.gocbench.server.Secrets;
import io.github.gocbench.server.TargetUnavailableException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns every failure into exactly one line on stderr and an exit code: bad syntax and bad values
 * exit {@value ExitCodes#BAD_INPUT}; an unavailable target or a failed run exits
 * {@value ExitCodes#UNAVAILABLE}. Stack traces appear only with {@code --verbose}; passwords never.
 */
final class Errors {

    /** A password inside a JDBC URL: {@code password=...} or {@code //user:password@host}. */
    private static final Pattern URL_PASSWORD =
            Pattern.compile("(?i)(?:[?&;](?:password|pwd)=([^&;]*))|(?://[^/:@?&]+:([^@/]*)@)");

    private Errors() {
    }

    /** Unknown command or option, missing or malformed value: one line plus where to look. */
    static final class OnBadSyntax implements IParameterExceptionHandler {
        @Override
        public int handleParseException(ParameterException ex, String[] args) {
            CommandLine cmd = ex.getCommandLine();
            String name = cmd.getCommandSpec().qualifiedName();
            StringBuilder line = new StringBuilder(name).append(": ").append(lowerFirst(oneLine(ex.getMessage())));
            if (ex instanceof UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
                line.append(" (did you mean ").append(String.join(" or ", u.getSuggestions().stream()
                        .limit(3).toList())).append("?)");
            }
            line.append("; see '").append(name).append(" --help'");
            print(cmd.getErr(), mask(line.toString(), secrets(cmd, ex.getCommandLine().getParseResult())));
            return ExitCodes.BAD_INPUT;
        }
    }

    /** A failure while running a command. */
    static final class OnFailure implements IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
            String name = cmd.getCommandSpec().qualifiedName();
            List<String> secrets = secrets(cmd, parseResult);
            PrintWriter err = cmd.getErr();
            if (ex instanceof BadInputException) {
                print(err, mask(name + ": " + oneLine(ex.getMessage()), secrets));
                return ExitCodes.BAD_INPUT;
            }
            if (ex instanceof TargetUnavailableException t && t.isBadInput()) {
                print(err, mask(name + ": " + oneLine(ex.getMessage()), secrets));
                return ExitCodes.BAD_INPUT;
            }
            if (ex instanceof TargetUnavailableException) {
                print(err, mask(name + ": " + oneLine(ex.getMessage()), secrets));
                traceIfVerbose(cmd, err, ex);
                return ExitCodes.UNAVAILABLE;
            }
            String what = ex.getMessage() == null ? ex.getClass().getSimpleName()
                    : ex.getClass().getSimpleName() + ": " + oneLine(ex.getMessage());
            print(err, mask(name + ": internal error: " + what
                    + (verbose(cmd) ? "" : " (run with --verbose for the stack trace)"), secrets));
            traceIfVerbose(cmd, err, ex);
            return ExitCodes.UNAVAILABLE;
        }
    }

    private static void traceIfVerbose(CommandLine cmd, PrintWriter err, Exception ex) {
        if (verbose(cmd)) {
            ex.printStackTrace(err);
            err.flush();
        }
    }

    private static boolean verbose(CommandLine cmd) {
        return cmd.getCommandSpec().root().userObject() instanceof Goc goc && goc.verbose();
    }

    private static void print(PrintWriter err, String line) {
        err.println(line);
        err.flush();
    }

    /** Passwords given with --db-password or GOC_DB_PASSWORD, to be masked in any message. */
    private static List<String> secrets(CommandLine cmd, ParseResult parseResult) {
        List<String> s = new ArrayList<>();
        String env = System.getenv(TargetOptions.PASSWORD_ENV);
        if (env != null && !env.isEmpty()) {
            s.add(env);
        }
        for (ParseResult pr = parseResult; pr != null; pr = pr.subcommand()) {
            String p = pr.matchedOptionValue("--db-password", null);
            if (p != null && !p.isEmpty()) {
                s.add(p);
            }
            String url = pr.matchedOptionValue("--db-url", null);
            if (url != null) {
                Matcher m = URL_PASSWORD.matcher(url);
                while (m.find()) {
                    String secret = m.group(1) != null ? m.group(1) : m.group(2);
                    if (secret != null && !secret.isEmpty()) {
                        s.add(secret);
                    }
                }
            }
        }
        for (var mixin : cmd.getCommandSpec().mixins().values()) {
            if (mixin.userObject() instanceof TargetOptions t && t.password() != null && !t.password().isEmpty()) {
                s.add(t.password());
            }
        }
        return s;
    }

    /** {@code text} with every secret replaced by {@code ****}. */
    static String mask(String text, List<String> secrets) {
        String t = text;
        for (String secret : secrets) {
            t = Secrets.mask(t, secret);
        }
        return t;
    }

    /** Collapses a multi-line message into one line ({@link Messages#oneLine}). */
    static String oneLine(String message) {
        return Messages.oneLine(message);
    }

    private static String lowerFirst(String s) {
        if (s.length() > 1 && Character.isUpperCase(s.charAt(0)) && !Character.isUpperCase(s.charAt(1))) {
            return s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
        }
        return s;
    }
}
