package io.github.gocbench.cli;

import io.github.gocbench.engine.KeySpec;
import io.github.gocbench.engine.Workload;
import io.github.gocbench.dialect.DbFamily;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks of user input that picocli's types cannot express. Each check throws
 * {@link BadInputException} with one line naming the option, what is wrong and what to do.
 */
final class InputChecks {

    static final int MAX_ROUNDS = 1_000_000;
    static final Duration MAX_DURATION = Duration.ofHours(24);

    private InputChecks() {
    }

    /** A {@code --db} value. */
    static DbFamily db(String text) {
        if (text == null || text.isBlank()) {
            throw new BadInputException("--db is empty: use postgres, mariadb or mysql");
        }
        try {
            return DbFamily.parse(text);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    /** A comma list of {@code --db} values, without repeats. */
    static List<DbFamily> dbList(String text) {
        List<DbFamily> dbs = new ArrayList<>();
        for (String s : text.split(",")) {
            DbFamily f = db(s);
            if (!dbs.contains(f)) {
                dbs.add(f);
            }
        }
        return dbs;
    }

    /** A thread count: 1..{@value Workload#MAX_THREADS}, the engine's own bound. */
    static int threads(int n) {
        if (n < 1 || n > Workload.MAX_THREADS) {
            throw new BadInputException("--threads " + n + " is out of range: use 1.." + Workload.MAX_THREADS);
        }
        return n;
    }

    /** A comma list of thread counts such as {@code 1,2,4,8}, in the order given, without repeats. */
    static List<Integer> threadList(String text) {
        List<Integer> list = new ArrayList<>();
        for (String s : text.split(",", -1)) {
            int n;
            try {
                n = Integer.parseInt(s.trim());
            } catch (NumberFormatException e) {
                throw new BadInputException("--threads '" + text + "' is not a list of numbers: use e.g. 1,2,4,8");
            }
            threads(n);
            if (!list.contains(n)) {
                list.add(n);
            }
        }
        return list;
    }

    /** A round count: 1..{@value #MAX_ROUNDS}. */
    static int rounds(int n) {
        if (n < 1 || n > MAX_ROUNDS) {
            throw new BadInputException("--rounds " + n + " is out of range: use 1.." + MAX_ROUNDS);
        }
        return n;
    }

    /** Runs per steady point of {@code compare}: 1..20. */
    static int repeat(int n) {
        if (n < 1 || n > 20) {
            throw new BadInputException("--repeat " + n + " is out of range: use 1..20 runs per steady point");
        }
        return n;
    }

    /** A positive duration of at most 24 hours. */
    static Duration duration(String option, Duration d) {
        if (d == null || d.isZero() || d.isNegative() || d.compareTo(MAX_DURATION) > 0) {
            throw new BadInputException(option + " " + (d == null ? "" : Durations.format(d) + " ")
                    + "is out of range: use more than 0 and at most 24h, e.g. 10s");
        }
        return d;
    }

    /** A warm-up: zero allowed, at most 24 hours. */
    static Duration warmup(Duration d) {
        if (d.isNegative() || d.compareTo(MAX_DURATION) > 0) {
            throw new BadInputException("--warmup " + Durations.format(d) + " is out of range: use 0s..24h");
        }
        return d;
    }

    /** A churn probability: 0..1. */
    static double churn(double p) {
        if (!(p >= 0.0 && p <= 1.0)) {
            throw new BadInputException("--churn " + p + " is out of range: use a probability from 0 to 1,"
                    + " e.g. 0.1");
        }
        return p;
    }

    /** A {@code --keys} value, parsed by {@link KeySpec#parse}. */
    static KeySpec keys(String text) {
        try {
            return KeySpec.parse(text);
        } catch (IllegalArgumentException e) {
            String m = Errors.oneLine(e.getMessage());
            throw new BadInputException(m.startsWith("--keys") ? m : "--keys: " + m);
        }
    }

    /** A file to write results to: its folder must exist and the file must not. */
    static Path newFile(String option, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new BadInputException(option + " " + file + ": folder " + dir
                    + " does not exist: create it or choose another path");
        }
        if (Files.exists(abs, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new BadInputException(option + " " + file + " exists: choose another name or remove it");
        }
        if (!Files.isWritable(dir) || !canCreateIn(dir)) {
            throw new BadInputException(option + " " + file + ": folder " + dir + " is not writable");
        }
        return abs;
    }

    /**
     * Whether a file can really be created in {@code dir}: permission bits say nothing for root,
     * nor for read-only mounts or /proc, so a hidden probe file is created and deleted at once.
     * Finding out before the run keeps a long run from ending in a write failure.
     */
    static boolean canCreateIn(Path dir) {
        try {
            Path probe = Files.createTempFile(dir, ".goc-probe-", ".tmp");
            Files.deleteIfExists(probe);
            return true;
        } catch (java.io.IOException | SecurityException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** A key typed as a replay argument. */
    static long key(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new BadInputException("ID '" + text + "' is not a whole number: give keys such as 1 1 1 1 1");
        }
    }
}
