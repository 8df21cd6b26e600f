package io.github.gocbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Stroke;
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
        // the first seven known strategies: Okabe–Ito without its yellow (hard to see as a thin line)
        for (String id : Palette.KNOWN_STRATEGIES.subList(0, 7)) {
            assertThat(Palette.OKABE_ITO).as(id).contains(Palette.colorOf(id));
        }
        assertThat(Palette.KNOWN_STRATEGIES).extracting(Palette::colorOf).doesNotContain(Palette.OKABE_ITO.get(7));
        assertThat(Palette.hex(Palette.colorOf("naive"))).isEqualTo("#D55E00");
    }

    @Test
    void everyKnownStrategyHasAColourOfItsOwn() {
        Set<Color> colours = new HashSet<>();
        for (String id : Palette.KNOWN_STRATEGIES) {
            colours.add(Palette.colorOf(id));
        }
        assertThat(colours).hasSize(Palette.KNOWN_STRATEGIES.size());
    }

    @Test
    void sixteenStrategiesGetSixteenDifferentColourAndMarkerPairs() {
        // the 13 known strategies and 3 unknown ids that hash to different slots
        List<String> ids = new ArrayList<>(Palette.KNOWN_STRATEGIES);
        Set<Integer> indexes = new HashSet<>();
        Palette.KNOWN_STRATEGIES.forEach(id -> indexes.add(Palette.lookOf(id).index()));
        for (int n = 0; ids.size() < 16; n++) {
            if (indexes.add(Palette.lookOf("bench-" + n).index())) {
                ids.add("bench-" + n);
            }
        }
        Set<String> pairs = new HashSet<>();
        for (String id : ids) {
            Palette.Look l = Palette.lookOf(id);
            pairs.add(l.color() + "/" + l.shapeIndex());
        }
        assertThat(pairs).hasSize(16);
    }

    @Test
    void everyLookIndexHasAPairNoOtherIndexHas() {
        Set<String> pairs = new HashSet<>();
        Set<String> shapes = new HashSet<>();
        for (int i = 0; i < Palette.LOOKS; i++) {
            Palette.Look l = Palette.lookAt(i);
            pairs.add(l.color() + "/" + l.shapeIndex());
            // the shape really differs, not just its number
            shapes.add(new java.awt.geom.Area(l.shape()).getBounds2D() + "/" + pathOf(l.shape()));
        }
        assertThat(pairs).hasSize(Palette.LOOKS);
        assertThat(shapes).hasSize(Palette.SHAPES);
        // every unknown id lands on a look below LOOKS
        assertThat(Palette.KNOWN_STRATEGIES.size() + Palette.UNKNOWN_SLOTS).isEqualTo(Palette.LOOKS);
    }

    @Test
    void noStrategyIsDashedSoTheDashMeansUnsafeOnly() {
        for (int i = 0; i < Palette.LOOKS; i++) {
            Stroke s = Palette.lookAt(i).stroke();
            assertThat(s).isInstanceOf(BasicStroke.class);
            assertThat(((BasicStroke) s).getDashArray()).as("look %d", i).isNull();
        }
        assertThat(((BasicStroke) Palette.UNSAFE_STROKE).getDashArray()).isNotEmpty();
    }

    private static String pathOf(java.awt.Shape shape) {
        StringBuilder b = new StringBuilder();
        double[] c = new double[6];
        for (java.awt.geom.PathIterator it = shape.getPathIterator(null); !it.isDone(); it.next()) {
            b.append(it.currentSegment(c)).append(java.util.Arrays.toString(c));
        }
        return b.toString();
    }

    @Test
    void unknownIdsGetAStableLookWhateverElseIsDrawn() {
        Palette.Look first = Palette.lookOf("my-strategy");
        Palette.colorOf("another-one");
        assertThat(Palette.lookOf("my-strategy").color()).isEqualTo(first.color());
        assertThat(first.index()).isGreaterThanOrEqualTo(Palette.KNOWN_STRATEGIES.size());
        // String.hashCode is fixed by the JLS: this slot is the same on every JVM
        assertThat(first.index()).isEqualTo(Palette.KNOWN_STRATEGIES.size() + Math.floorMod("my-strategy".hashCode(), Palette.UNKNOWN_SLOTS));
    }

    @Test
    void ordersStrategiesLikeTheDesignTableThenByName() {
        List<String> ids = new ArrayList<>(List.of("zeta", "upsert", "alpha", "naive", "serializable-retry"));
        ids.sort(Palette.strategyOrder());
        assertThat(ids).containsExactly("naive", "upsert", "serializable-retry", "alpha", "zeta");
    }
}
