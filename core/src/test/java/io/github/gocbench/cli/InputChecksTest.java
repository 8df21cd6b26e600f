package io.github.gocbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gocbench.dialect.DbFamily;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputChecksTest {

    @Test
    void threadsWithinOneTo1024() {
        assertThat(InputChecks.threads(1)).isEqualTo(1);
        assertThat(InputChecks.threads(1024)).isEqualTo(1024);
        assertThatThrownBy(() -> InputChecks.threads(0)).isInstanceOf(BadInputException.class)
                .hasMessage("--threads 0 is out of range: use 1..1024");
        assertThatThrownBy(() -> InputChecks.threads(1025)).isInstanceOf(BadInputException.class);
    }

    @Test
    void threadListKeepsOrderAndDropsRepeats() {
        assertThat(InputChecks.threadList("1,2,4,8")).containsExactly(1, 2, 4, 8);
        assertThat(InputChecks.threadList("8, 1,8")).containsExactly(8, 1);
        assertThatThrownBy(() -> InputChecks.threadList("1,,2")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("not a list of numbers");
        assertThatThrownBy(() -> InputChecks.threadList("1,0")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("--threads 0");
    }

    @Test
    void roundsWithinOneToAMillion() {
        assertThat(InputChecks.rounds(1_000_000)).isEqualTo(1_000_000);
        assertThatThrownBy(() -> InputChecks.rounds(0)).isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> InputChecks.rounds(1_000_001)).isInstanceOf(BadInputException.class);
    }

    @Test
    void durationsPositiveAndAtMostADay() {
        assertThat(InputChecks.duration("--duration", Duration.ofHours(24))).isEqualTo(Duration.ofHours(24));
        assertThatThrownBy(() -> InputChecks.duration("--duration", Duration.ZERO))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith("--duration 0s is out of range");
        assertThatThrownBy(() -> InputChecks.duration("--deadline", Duration.ofHours(25)))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith("--deadline 25h");
        assertThat(InputChecks.warmup(Duration.ZERO)).isZero();
    }

    @Test
    void churnIsAProbability() {
        assertThat(InputChecks.churn(0)).isZero();
        assertThat(InputChecks.churn(1)).isEqualTo(1.0);
        assertThatThrownBy(() -> InputChecks.churn(1.5)).isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> InputChecks.churn(-0.1)).isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> InputChecks.churn(Double.NaN)).isInstanceOf(BadInputException.class);
    }

    @Test
    void dbNamesAndLists() {
        assertThat(InputChecks.db("Postgres")).isEqualTo(DbFamily.POSTGRES);
        assertThat(InputChecks.dbList("postgres,mariadb,postgres")).isEqualTo(List.of(DbFamily.POSTGRES,
                DbFamily.MARIADB));
        assertThatThrownBy(() -> InputChecks.db("oracle")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("use postgres, mariadb or mysql");
    }

    @Test
    void urlMustMatchTheFamily() {
        TargetOptions.checkUrlFamily(DbFamily.POSTGRES, "jdbc:postgresql://127.0.0.1:5432/test");
        TargetOptions.checkUrlFamily(DbFamily.MARIADB, "jdbc:mysql://127.0.0.1:3306/test");
        TargetOptions.checkUrlFamily(DbFamily.MYSQL, "JDBC:MYSQL://h/db");
        assertThatThrownBy(() -> TargetOptions.checkUrlFamily(DbFamily.MARIADB,
                "jdbc:postgresql://h/db?password=hunter2"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("is not a mariadb URL")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> TargetOptions.checkUrlFamily(DbFamily.POSTGRES, "postgres://h/db"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("jdbc:postgresql://");
    }

    @Test
    void newFileNeedsAnExistingFolderAndNoFile(@TempDir Path dir) throws IOException {
        assertThat(InputChecks.newFile("--json", dir.resolve("r.json"))).isEqualTo(dir.resolve("r.json"));
        assertThatThrownBy(() -> InputChecks.newFile("--json", dir.resolve("missing/r.json")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("does not exist");
        Path existing = Files.writeString(dir.resolve("old.json"), "{}");
        assertThatThrownBy(() -> InputChecks.newFile("--json", existing))
                .isInstanceOf(BadInputException.class)
                .hasMessageEndingWith("exists: choose another name or remove it");
    }

    @Test
    void replayKeysAreWholeNumbers() {
        assertThat(InputChecks.key(" 42")).isEqualTo(42L);
        assertThatThrownBy(() -> InputChecks.key("one")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("'one' is not a whole number");
    }
}
