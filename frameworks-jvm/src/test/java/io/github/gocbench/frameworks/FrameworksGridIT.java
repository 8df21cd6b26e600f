package io.github.gocbench.frameworks;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gocbench.frameworks.hibernate.HibernateFindPersist;
import io.github.gocbench.frameworks.hibernate.HibernateFindPersistRefind;
import io.github.gocbench.frameworks.hibernate.HibernateUpsert;
import io.github.gocbench.frameworks.jooq.JooqInsertIgnoreSelect;
import io.github.gocbench.frameworks.jooq.JooqMergeSelect;
import io.github.gocbench.frameworks.spring.SpringDataFindSave;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The grid of results/frameworks-jvm, made by {@code goc race} in this one JVM (the embedded
 * servers start once, instead of once per {@code ./goc} as in {@code run.sh}): every strategy on
 * both embedded servers, in autocommit and with {@code --outer-tx}, 8 threads x
 * {@code goc.grid.rounds} rounds, one JSON per run into {@code goc.grid.out}. Not part of the
 * build; run it with {@code -Dgoc.grid.out=DIR} (see results/frameworks-jvm/README.md).
 */
@EnabledIfSystemProperty(named = "goc.grid.out", matches = ".+")
class FrameworksGridIT {

    private static final List<Class<?>> STRATEGIES = List.of(HibernateFindPersist.class,
            HibernateFindPersistRefind.class, HibernateUpsert.class, SpringDataFindSave.class, JooqInsertIgnoreSelect.class,
            JooqMergeSelect.class);

    @Test
    void grid() throws IOException {
        Path out = Files.createDirectories(Path.of(System.getProperty("goc.grid.out")));
        String rounds = System.getProperty("goc.grid.rounds", "300");
        for (String db : List.of("postgres", "mariadb")) {
            for (Class<?> c : STRATEGIES) {
                if (db.equals("mariadb") && c == JooqMergeSelect.class) {
                    continue; // refused: jOOQ renders no MERGE for MariaDB (JooqRaceIT)
                }
                for (String mode : List.of("autocommit", "outer-tx")) {
                    Path json = out.resolve(db + "-" + c.getSimpleName() + "-" + mode + ".json");
                    Goc.Run r = mode.equals("outer-tx")
                            ? Goc.run("race", "--db", db, "--strategy-class", c.getName(), "--threads", "8",
                                    "--rounds", rounds, "--outer-tx", "--quiet", "--json", json.toString())
                            : Goc.run("race", "--db", db, "--strategy-class", c.getName(), "--threads", "8",
                                    "--rounds", rounds, "--quiet", "--json", json.toString());
                    System.out.println(r.out());
                    assertThat(r.exit()).as(r.err()).isZero();
                }
            }
        }
    }
}
