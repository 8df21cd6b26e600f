package io.github.gocbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PaletteTest {

    @Test
    void knownStrategiesFollowTheDesignTableWithOkabeItoColours() {
        assertThat(Palette.KNOWN_STRATEGIES).containsExactly("naive", "transactional", "upsert", "insert-first",
                "insert-first-for-update", "insert-first-for-share", "upsert-do-update", "upsert-cte", "insert-ignore",
                "merge", "select-for-update", "advisory-lock", "serializable-retry");
        assertThat(Palette.colorOf("naive")).isEqualTo(new Color(0xD5, 0x5E, 0x00));
        assertThat(Palette.colorOf("transactional")).isEqualTo(new Color(0x00, 0x72, 0xB2));
        assertThat(Palette.colorOf("upsert")).isEqualTo(new Color(0x00, 0x9E, 0x73));
        for (String id : Palette.KNOWN_STRATEGIES) {
            assertThat(Palette.OKABE_ITO).as(id).contains(Palette.colorOf(id));
        }
        assertThat(Palette.hex(Palette.colorOf("naive"))).isEqualTo("#D55E00");
    }

    @Test
    void everyKnownStrategyLooksDifferentFromEveryOther() {
        Set<String> looks = new HashSet<>();
        for (String id : Palette.KNOWN_STRATEGIES) {
            Palette.Look l = Palette.lookOf(id);
            // colour + dash tell lines apart; the index (from which both come) is unique per id
            looks.add(l.color() + "/" + l.index() / Palette.OKABE_ITO.size());
        }
        assertThat(looks).hasSize(Palette.KNOWN_STRATEGIES.size());
    }

    @Test
    void unknownIdsGetAStableLookWhateverElseIsDrawn() {
        Palette.Look first = Palette.lookOf("my-strategy");
        Palette.colorOf("another-one");
        assertThat(Palette.lookOf("my-strategy").color()).isEqualTo(first.color());
        assertThat(first.index()).isGreaterThanOrEqualTo(Palette.KNOWN_STRATEGIES.size());
        // String.hashCode is fixed by the JLS: this slot is the same on every JVM
        assertThat(first.index()).isEqualTo(Palette.KNOWN_STRATEGIES.size() + Math.floorMod("my-strategy".hashCode(), 11));
    }

    @Test
    void ordersStrategiesLikeTheDesignTableThenByName() {
        List<String> ids = new ArrayList<>(List.of("zeta", "upsert", "alpha", "naive", "serializable-retry"));
        ids.sort(Palette.strategyOrder());
        assertThat(ids).containsExactly("naive", "upsert", "serializable-retry", "alpha", "zeta");
    }
}
