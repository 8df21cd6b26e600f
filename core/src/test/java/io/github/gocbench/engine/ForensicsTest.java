package io.github.gocbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gocbench.results.Timeline;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bounds of race forensics (issue 18): statements per caller and round, timelines per race. */
class ForensicsTest {

    @Test
    void aFullLogCountsWhatItCannotKeep() {
        RoundLog log = new RoundLog(3);
        for (int i = 0; i < 3; i++) {
            int slot = log.begin("SELECT ?", true, 7, 100 + i);
            assertThat(slot).isEqualTo(i);
            log.ended(slot, RoundLog.Kind.ROWS, 0, 200 + i);
        }
        int over = log.begin("SELECT 1", false, 0, 300);
        assertThat(over).isEqualTo(-1);
        log.ended(over, RoundLog.Kind.OK, 0, 301); // ignored, not an index error
        log.failed(log.begin("INSERT", false, 0, 302), new SQLException("x", "23000", 1062), 303);
        assertThat(log.size()).isEqualTo(3);
        assertThat(log.dropped()).isEqualTo(2);
        assertThat(log.end).containsExactly(200, 201, 202);
        log.clear();
        assertThat(log.size()).isZero();
        assertThat(log.dropped()).isZero();
        assertThat(log.begin("SELECT 1", false, 0, 400)).isZero();
    }

    @Test
    void aRaceKeepsAtMostItsBoundOfTimelines() {
        Forensics f = new Forensics(2, 2, 2, null);
        for (int round = 1; round <= 4; round++) {
            RoundLog a = f.log(0);
            RoundLog b = f.log(1);
            a.connection(11L);
            b.connection(12L);
            long release = 1_000_000L * round;
            a.ended(a.begin("SELECT id FROM t WHERE k = ?", true, round, release + 50), RoundLog.Kind.ROWS, 0,
                    release + 90);
            b.ended(b.begin("INSERT INTO t (k) VALUES (?)", true, round, release + 10), RoundLog.Kind.AFFECTED, 1,
                    release + 40);
            b.begin("COMMIT", false, 0, release + 95);
            b.begin("COMMIT", false, 0, release + 99); // beyond capacity 2
            f.keep(round, round, release, List.of("NOT_FOUND_AFTER_CONFLICT"), List.of("NOT_FOUND_AFTER_CONFLICT",
                    "CREATED #5"));
            f.clear();
        }
        List<Timeline> kept = f.timelines();
        assertThat(kept).hasSize(2);
        assertThat(f.notKept()).isEqualTo(2);
        Timeline t = kept.get(0);
        assertThat(t.round()).isEqualTo(1);
        assertThat(t.dropped()).isEqualTo(1);
        assertThat(t.callers()).extracting(Timeline.Caller::connection).containsExactly(11L, 12L);
        assertThat(t.steps()).extracting(Timeline.Step::startNanos).containsExactly(10L, 50L, 95L);
        assertThat(t.steps().get(0).sql()).isEqualTo("INSERT INTO t (k) VALUES (:k)");
        assertThat(t.steps().get(0).result()).isEqualTo("1 row affected");
        assertThat(t.steps().get(1).result()).isEqualTo("0 rows");
        assertThat(t.steps().get(2).result()).startsWith("(no answer");
    }
}
