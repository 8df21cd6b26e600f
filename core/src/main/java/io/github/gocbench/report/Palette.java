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
 * One fixed look per strategy, the same in every chart: a colour from the colour-blind-safe
 * Okabe–Ito palette, a marker shape and, past the eighth strategy, a dash pattern, so lines stay
 * apart even when two share a colour or a reader cannot tell the colours apart.
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

    /** Line dash patterns: solid for the first eight looks, then dashed, then dotted. */
    private static final List<float[]> DASHES = List.of(
            new float[0], new float[] {9f, 5f}, new float[] {2f, 4f});

    /** Unknown ids are spread over this many further looks after the known ones. */
    private static final int UNKNOWN_SLOTS = 11;

    private Palette() {
    }

    /** How one strategy is drawn. */
    public record Look(Color color, Stroke stroke, Shape shape, int index) {
    }

    /** The look of {@code strategyId}; the same id always gets the same look. */
    public static Look lookOf(String strategyId) {
        int index = indexOf(strategyId);
        Color color = OKABE_ITO.get(index % OKABE_ITO.size());
        float[] dash = DASHES.get((index / OKABE_ITO.size()) % DASHES.size());
        Stroke stroke = dash.length == 0
                ? new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)
                : new BasicStroke(2.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
        return new Look(color, stroke, shape(index), index);
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

    /** Marker shapes, 9 px across, cycled by index: circle, square, triangles, diamond. */
    private static Shape shape(int index) {
        double s = 9;
        double h = s / 2;
        switch (index % 5) {
            case 0:
                return new Ellipse2D.Double(-h, -h, s, s);
            case 1:
                return new Rectangle2D.Double(-h + 0.5, -h + 0.5, s - 1, s - 1);
            case 2:
                return polygon(0, -h, h, h, -h, h);
            case 3:
                return polygon(0, -h, h, 0, 0, h, -h, 0);
            default:
                return polygon(-h, -h, h, -h, 0, h);
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
