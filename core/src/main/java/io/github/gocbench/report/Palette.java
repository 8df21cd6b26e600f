package io.github.gocbench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.Comparator;
import java.util.List;

/**
 * One fixed look per strategy, the same in every chart: a colour and a marker shape. The 13
 * strategies of the DESIGN.md table get 13 different colours (the colour-blind-safe Okabe–Ito
 * palette without its yellow, then darker colours from Paul Tol's palettes) and, cycling through
 * seven shapes, a (colour, marker) pair no other look has, so lines stay apart even for a reader
 * who cannot tell two colours apart.
 *
 * <p>Lines of every look are solid: a dashed line and a hollow marker are reserved for
 * strategies a race showed UNSAFE ({@link #UNSAFE_STROKE}), so a dash never has two meanings.
 *
 * <p>Known strategy ids take their place in the order of the DESIGN.md strategy table; unknown
 * ids (new strategies, JMH benchmark names) get further looks from a hash of the id, so an id
 * looks the same in every chart and every report whatever else is drawn beside it.
 */
public final class Palette {

    static {
        Headless.ensure();
    }

    /** Strategy ids in the order of the DESIGN.md strategy table; charts and tables list them so. */
    public static final List<String> KNOWN_STRATEGIES = List.of(
            "naive", "transactional", "upsert", "insert-first", "insert-first-for-update",
            "insert-first-for-share", "upsert-do-update", "upsert-cte", "insert-ignore", "merge",
            "select-for-update", "advisory-lock", "serializable-retry");

    /**
     * Okabe–Ito (Okabe and Ito 2008, "Color Universal Design"), ordered so that the first
     * strategies get the colours that are easiest to tell apart on white; yellow comes last.
     */
    public static final List<Color> OKABE_ITO = List.of(
            new Color(0xD5, 0x5E, 0x00), // vermillion
            new Color(0x00, 0x72, 0xB2), // blue
            new Color(0x00, 0x9E, 0x73), // bluish green
            new Color(0xE6, 0x9F, 0x00), // orange
            new Color(0xCC, 0x79, 0xA7), // reddish purple
            new Color(0x56, 0xB4, 0xE9), // sky blue
            new Color(0x00, 0x00, 0x00), // black
            new Color(0xF0, 0xE4, 0x42)); // yellow

    /**
     * Every colour a look can have, one per known strategy first: Okabe–Ito without yellow (a
     * thin yellow line is hard to see on white), then Paul Tol's indigo, wine, olive and green,
     * a brown and a grey; the last three (yellow among them) only for unknown ids.
     */
    public static final List<Color> COLORS = List.of(
            OKABE_ITO.get(0), OKABE_ITO.get(1), OKABE_ITO.get(2), OKABE_ITO.get(3), OKABE_ITO.get(4),
            OKABE_ITO.get(5), OKABE_ITO.get(6),
            new Color(0x33, 0x22, 0x88), // indigo
            new Color(0x88, 0x22, 0x55), // wine
            new Color(0x99, 0x99, 0x33), // olive
            new Color(0x8C, 0x56, 0x4B), // brown
            new Color(0x80, 0x80, 0x80), // grey
            new Color(0x11, 0x77, 0x33), // green
            new Color(0x88, 0xCC, 0xEE), // cyan
            new Color(0xAA, 0x44, 0x99), // purple
            OKABE_ITO.get(7));

    /** How many marker shapes there are; coprime to the number of colours, so pairs repeat late. */
    static final int SHAPES = 7;

    /**
     * How many different looks there are: every index below this has a (colour, shape) pair of its
     * own (colour = index mod 16, shape = index mod 7, and 16 × 7 = 112 by the Chinese remainder theorem).
     */
    static final int LOOKS = 16 * SHAPES;

    /** Unknown ids are spread over the looks after the known ones. */
    static final int UNKNOWN_SLOTS = LOOKS - KNOWN_STRATEGIES.size();

    /** The stroke of every strategy's line: solid. */
    static final Stroke SOLID = new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);

    /** The stroke of an UNSAFE strategy's line, and of nothing else: dashed. */
    public static final Stroke UNSAFE_STROKE = new BasicStroke(2.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND,
            10f, new float[] {7f, 5f}, 0f);

    private Palette() {
    }

    /** How one strategy is drawn. */
    public record Look(Color color, Stroke stroke, Shape shape, int index) {

        /** The index of the marker shape, 0 to 6; with the colour, unique per look. */
        public int shapeIndex() {
            return index % SHAPES;
        }
    }

    /** The look of {@code strategyId}; the same id always gets the same look. */
    public static Look lookOf(String strategyId) {
        return lookAt(indexOf(strategyId));
    }

    /** The look with number {@code index} (0 ≤ index &lt; {@link #LOOKS} are pairwise different). */
    static Look lookAt(int index) {
        return new Look(COLORS.get(index % COLORS.size()), SOLID, shape(index), index);
    }

    /** The colour of {@code strategyId}; shorthand for {@code lookOf(id).color()}. */
    public static Color colorOf(String strategyId) {
        return lookOf(strategyId).color();
    }

    /** CSS hex form of a colour, e.g. {@code #D55E00}. */
    public static String hex(Color c) {
        return String.format("#%02X%02X%02X", c.getRed(), c.getGreen(), c.getBlue());
    }

    /**
     * Orders strategy ids as the DESIGN.md table does, unknown ids after the known ones by name,
     * so every chart legend and table lists strategies in the same order.
     */
    public static Comparator<String> strategyOrder() {
        return Comparator.comparingInt((String id) -> {
            int i = KNOWN_STRATEGIES.indexOf(id);
            return i < 0 ? Integer.MAX_VALUE : i;
        }).thenComparing(Comparator.naturalOrder());
    }

    private static int indexOf(String strategyId) {
        int i = KNOWN_STRATEGIES.indexOf(strategyId);
        if (i >= 0) {
            return i;
        }
        // String.hashCode is specified by the JLS, so this is the same on every JVM and run.
        return KNOWN_STRATEGIES.size() + Math.floorMod(strategyId.hashCode(), UNKNOWN_SLOTS);
    }

    /**
     * Marker shapes, 9 px across, by index mod {@link #SHAPES}: circle, square, triangle up,
     * diamond, triangle down, triangle left, triangle right.
     */
    private static Shape shape(int index) {
        double s = 9;
        double h = s / 2;
        switch (index % SHAPES) {
            case 0:
                return new Ellipse2D.Double(-h, -h, s, s);
            case 1:
                return new Rectangle2D.Double(-h + 0.5, -h + 0.5, s - 1, s - 1);
            case 2:
                return polygon(0, -h, h, h, -h, h);
            case 3:
                return polygon(0, -h, h, 0, 0, h, -h, 0);
            case 4:
                return polygon(-h, -h, h, -h, 0, h);
            case 5:
                return polygon(-h, 0, h, -h, h, h);
            default:
                return polygon(h, 0, -h, -h, -h, h);
        }
    }

    private static Shape polygon(double... xy) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(xy[0], xy[1]);
        for (int i = 2; i < xy.length; i += 2) {
            p.lineTo(xy[i], xy[i + 1]);
        }
        p.closePath();
        return p;
    }
}
