package io.github.gocbench.stress.example;

import static io.github.gocbench.junit.RaceAssertions.assertRaceFree;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Measures how often one round of {@code assertRaceFree(db, naiveGetOrCreate, 8, 1)} catches
 * the README example's naive DAO (the rate {@link TagDaoRaceIT}'s round count rests on), and
 * writes it with one failure message to {@code target/tagdao-detection-rate.md}. Run with
 * {@code ./mvnw -pl stress-tests verify -Dgoc.stress.measure=true -Dit.test=TagDaoDetectionRateIT}.
 */
@EnabledIfSystemProperty(named = "goc.stress.measure", matches = "true")
class TagDaoDetectionRateIT {

    @Test
    void measure() throws Exception {
        int tries = Integer.getInteger("goc.stress.rounds", 200);
        TagDaoRaceIT.start();
        try {
            int caught = 0;
            String message = null;
            for (int i = 0; i < tries; i++) {
                try {
                    assertRaceFree(TagDaoRaceIT.db, TagDaoRaceIT::naiveGetOrCreate, 8, 1);
                } catch (AssertionError e) {
                    caught++;
                    message = message == null ? e.getMessage() : message;
                }
            }
            String out = String.format(Locale.ROOT, "naive TagDao, 8 threads, embedded PostgreSQL: %d of %d rounds "
                    + "failed (rate %.2f)%n%nfirst message:%n%s%n", caught, tries, (double) caught / tries, message);
            System.out.print(out);
            Files.writeString(Path.of("target", "tagdao-detection-rate.md"), out);
        } finally {
            TagDaoRaceIT.stop();
        }
    }
}
