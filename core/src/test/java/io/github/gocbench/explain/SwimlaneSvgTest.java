package io.github.gocbench.explain;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gocbench.results.Timeline;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The SVG swimlane (issue 18) is well-formed XML, a column per caller, escaped, the anomalous step marked. */
class SwimlaneSvgTest {

    private static final String SELECT = "SELECT id FROM t WHERE n < 3 AND s = 'a&b'";

    /** Three callers; B's insert fails with a duplicate key and B then rolls back; C finds A's row. */
    private static final Timeline ROUND = new Timeline(3, 42, List.of("DUPLICATE_KEY"),
            List.of(new Timeline.Caller(0, 11L, "CREATED #5"), new Timeline.Caller(1, 12L, "DUPLICATE_KEY"),
                    new Timeline.Caller(2, 13L, "FOUND #5")),
            List.of(new Timeline.Step(0, "INSERT INTO goc_item (k) VALUES (:k)", 1_000, 5_000, "1 row affected",
                            null, null),
                    new Timeline.Step(1, "INSERT INTO goc_item (k) VALUES (:k)", 2_000, 9_000,
                            "ERROR 23505/0 DUPLICATE_KEY: duplicate key value violates unique constraint", "23505", 0),
                    new Timeline.Step(1, "ROLLBACK", 10_000, 11_000, "ok", null, null),
                    new Timeline.Step(2, SELECT, 12_000, 13_000, "1 row: 5", null, null)),
            0);

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> elements(Document d, String tag) {
        NodeList nl = d.getElementsByTagName(tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nl.getLength(); i++) {
            out.add((Element) nl.item(i));
        }
        return out;
    }

    private static int num(Element e, String attr) {
        return Integer.parseInt(e.getAttribute(attr));
    }

    @Test
    void aTimelineIsWellFormedWithOneColumnPerCallerAndEscapedSql() throws Exception {
        String svg = TimelineLane.svg(ROUND);
        Document d = parse(svg);
        assertThat(d.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(elements(d, "text").stream().filter(t -> t.getAttribute("class").equals("caller"))
                .map(Element::getTextContent)).containsExactly("caller A", "caller B", "caller C");
        assertThat(svg).contains("n &lt; 3 AND s = 'a&amp;b'").doesNotContain("n < 3");
        assertThat(elements(d, "text")).extracting(Element::getTextContent).anyMatch(s -> s.contains(SELECT))
                .anyMatch(s -> s.contains("ERROR 23505/0 DUPLICATE_KEY"))
                .anyMatch(s -> s.contains("= FOUND #5 (session 13)"));
    }

    @Test
    void theStepThatMadeTheAnswerAnAnomalyIsMarkedAndOnlyIt() throws Exception {
        Document d = parse(TimelineLane.svg(ROUND));
        List<Element> marks = elements(d, "rect").stream().filter(r -> r.getAttribute("class").equals("anomaly"))
                .toList();
        // B's INSERT overlapped A's, so it is two rows: the statement, then (after A's answer) its error
        assertThat(marks).hasSize(2);
        List<String> inside = new ArrayList<>();
        for (Element mark : marks) {
            int x0 = num(mark, "x");
            int x1 = x0 + num(mark, "width");
            int y0 = num(mark, "y");
            int y1 = y0 + num(mark, "height");
            elements(d, "text").stream()
                    .filter(t -> num(t, "x") >= x0 && num(t, "x") < x1 && num(t, "y") >= y0 && num(t, "y") <= y1)
                    .map(Element::getTextContent).forEach(inside::add);
        }
        // B's failing INSERT and its error, not the ROLLBACK that came after it, nothing of A's
        assertThat(inside).anyMatch(s -> s.contains("INSERT INTO goc_item"))
                .anyMatch(s -> s.contains("ERROR 23505/0 DUPLICATE_KEY")).noneMatch(s -> s.contains("ROLLBACK"))
                .noneMatch(s -> s.contains("1 row affected"));
        assertThat(elements(d, "text").stream().filter(t -> t.getAttribute("class").equals("anomaly"))
                .map(Element::getTextContent)).containsExactly("= DUPLICATE_KEY (session 12)");
    }

    @Test
    void aLaneWithoutAnAnomalousAnswerMarksNothingAndWaitsShow() throws Exception {
        Swimlane lane = new Swimlane(List.of(new Swimlane.Row(1, 0, "INSERT INTO goc_item (k) VALUES (:k)", null, "B"),
                new Swimlane.Row(2, 1, "COMMIT", "ok", null),
                new Swimlane.Row(2, 0, "", "ERROR 23505 DUPLICATE_KEY", null)), 2);
        String svg = SwimlaneSvg.svg(List.of("t"), lane, List.of("FOUND #1", "CREATED #1"), List.of("v"));
        assertThat(svg).doesNotContain("anomaly").contains("... waits for B").contains("&lt;- ERROR 23505");
        parse(svg);
        String bad = SwimlaneSvg.svg(List.of("t"), lane, List.of("DUPLICATE_KEY", "CREATED #1"), List.of("v"));
        assertThat(bad).contains("class=\"anomaly\"");
    }
}
