package io.github.gocbench.stress.library;

import io.github.gocbench.junit.ConnectionCall;
import io.github.gocbench.junit.Race;
import io.github.gocbench.junit.RaceResult;
import io.github.gocbench.server.Target;
import io.github.gocbench.stress.race.StressTargets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Locale;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Measures how often one round of {@link Race} catches each racy DAO of {@link RaceLibraryIT}
 * (8 threads), on every server of the stress suite, with the safe DAOs beside them as controls,
 * and writes the table to {@code target/junit-detection-rates.md} (committed as
 * results/junit/detection-rates.md). A rate p means R rounds miss the race with probability
 * (1 - p)^R; the table gives the rounds for a miss below 10^-6. Run with
 * {@code ./mvnw -pl stress-tests -am verify -Djcstress.skip=true -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dgoc.stress.measure=true -Dit.test=RaceLibraryDetectionRateIT -Dgoc.stress.rounds=200}.
 */
@EnabledIfSystemProperty(named = "goc.stress.measure", matches = "true")
class RaceLibraryDetectionRateIT {

    private record Case(String name, boolean unique, Integer isolation, Function<TagTable, ConnectionCall<String, Long>> dao,
                        boolean rowCheck) {
    }

    private static final Case[] CASES = {
        new Case("naive, unique key, autocommit (exception path)", true, null, t -> t::naive, true),
        new Case("insert-then-select, unique key, autocommit (control)", true, null, t -> t::insertThenSelect, true),
        new Case("naive answering min(id), no unique key (row check)", false, null, t -> t::naiveSmallestId, true),
        new Case("the same, without the row check (answers only)", false, null, t -> t::naiveSmallestId, false),
        new Case("advisory-locked, no unique key (control)", false, null, t -> t::locked, true),
        new Case("insert-then-select inside REPEATABLE READ (lost read)", true, Connection.TRANSACTION_REPEATABLE_READ,
                t -> t::insertThenSelect, true),
        new Case("insert-then-select inside READ COMMITTED (control)", true, Connection.TRANSACTION_READ_COMMITTED,
                t -> t::insertThenSelect, true),
    };

    @Test
    void measure() throws Exception {
        int rounds = Integer.getInteger("goc.stress.rounds", 200);
        String loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "| server | DAO and situation | rounds | failed rounds | rate per round | rounds for a miss < 10^-6 |%n"
                        + "|---|---|---:|---:|---:|---:|%n"));
        StringBuilder firsts = new StringBuilder();
        for (StressTargets.Named server : StressTargets.all()) {
            if (server.optional()) {
                continue; // MySQL through Testcontainers: not on this machine
            }
            Target target = StressTargets.open(server);
            String product = target.info().product() + " " + target.info().version() + " ("
                    + target.info().provision().cliName() + ")";
            for (Case c : CASES) {
                TagTable tags = new TagTable(target, c.unique());
                try {
                    Race<String, Long> race = Race.of(tags.db, c.dao().apply(tags)).threads(8).rounds(rounds);
                    if (c.rowCheck()) {
                        race.rowsPerKey(tags.countSql());
                    }
                    if (c.isolation() != null) {
                        race.insideTransaction(c.isolation());
                    }
                    RaceResult r = race.measure();
                    double p = r.failureRate();
                    String needed = p == 0 ? "-" : p == 1 ? "1"
                            : Long.toString((long) Math.ceil(Math.log(1e-6) / Math.log(1 - p)));
                    out.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %.3f | %s |%n", product, c.name(),
                            r.rounds(), r.failedRounds(), p, needed));
                    r.firstFailure().ifPresent(m -> firsts.append("\n").append(product).append(", ").append(c.name())
                            .append(":\n```\n").append(m).append("\n```\n"));
                } finally {
                    tags.drop();
                }
            }
        }
        String loadAfter = Files.readString(Path.of("/proc/loadavg")).trim();
        String text = out + "\nLoad average (/proc/loadavg) before: " + loadBefore + "; after: " + loadAfter
                + "\n\nFirst failure message of each case that failed:\n" + firsts;
        System.out.print(text);
        Files.writeString(Path.of("target", "junit-detection-rates.md"), text);
    }
}
