package io.github.gocbench.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** Test helpers that read chart files back: SVG text content, parsed as XML. */
final class ChartFiles {

    private ChartFiles() {
    }

    /** Parses an SVG file as XML (fails on malformed XML) and returns its title and every text element. */
    static List<String> svgTexts(Path svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(Files.readAllBytes(svg)));
        if (!"svg".equals(doc.getDocumentElement().getLocalName())) {
            throw new IOException(svg + ": root element is " + doc.getDocumentElement().getLocalName());
        }
        List<String> texts = new ArrayList<>();
        for (String tag : List.of("title", "text")) {
            NodeList nodes = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", tag);
            for (int i = 0; i < nodes.getLength(); i++) {
                texts.add(nodes.item(i).getTextContent());
            }
        }
        return texts;
    }
}
