package dev.jgrad.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class SvgWriterTest {

    private final SvgWriter writer = new SvgWriter();

    @Test
    void isWellFormedSvgWithEveryLabelValueAndGradient() throws Exception {
        var svg = writer.render(Graphs.scalarExpression());
        var doc = Xml.parse(svg);
        var root = doc.getDocumentElement();
        assertEquals("svg", root.getLocalName());
        assertEquals("http://www.w3.org/2000/svg", root.getNamespaceURI());
        var texts = Xml.texts(doc, "text");
        for (var expected : List.of("a", "b", "c", "mul", "add", "scalar", "value 2.0", "grad  -3.0", "value -6.0",
                "grad  2.0", "value 8.0", "grad  1.0", "value (forward)", "grad (backward)")) {
            assertTrue(texts.contains(expected), "missing text '" + expected + "' in " + texts);
        }
        // One group (tooltip, box, text) per node and one curved path per edge.
        assertEquals(6, nodeGroups(doc));
        var edgePaths = Xml.elements(doc, "path").stream().filter(p -> p.getAttribute("d").contains("C")).count();
        assertEquals(6, edgePaths);
        assertTrue(svg.contains("marker-end=\"url(#jgrad-arrow)\""));
    }

    @Test
    void valuesAreGreenAndGradientsRed() throws Exception {
        var doc = Xml.parse(writer.render(Graphs.scalarExpression()));
        for (var text : Xml.elements(doc, "text")) {
            if (text.getTextContent().startsWith("value ")) {
                assertEquals(KindStyle.VALUE_COLOR, text.getAttribute("fill"));
                if (!text.getTextContent().equals("value (forward)")) {
                    assertEquals("preserve", text.getAttributeNS("http://www.w3.org/XML/1998/namespace", "space"),
                            "aligned multi-line values keep their spaces");
                }
            } else if (text.getTextContent().startsWith("grad ")) {
                assertEquals(KindStyle.GRAD_COLOR, text.getAttribute("fill"));
            }
        }
    }

    @Test
    void valueTextSitsAboveGradientTextInsideTheBox() throws Exception {
        var doc = Xml.parse(writer.render(Graphs.scalarExpression()));
        var group = Xml.elements(doc, "g").stream()
                .filter(g -> g.getTextContent().contains("value 2.0") && g.getTextContent().contains("grad  -3.0"))
                .reduce((first, second) -> second).orElseThrow();
        var rect = (Element) group.getElementsByTagNameNS("*", "rect").item(0);
        var top = Double.parseDouble(rect.getAttribute("y"));
        var bottom = top + Double.parseDouble(rect.getAttribute("height"));
        double valueY = 0;
        double gradY = 0;
        var texts = group.getElementsByTagNameNS("*", "text");
        for (var i = 0; i < texts.getLength(); i++) {
            var text = (Element) texts.item(i);
            var y = Double.parseDouble(text.getAttribute("y"));
            assertTrue(y > top && y < bottom, "text inside its box");
            if (text.getTextContent().startsWith("value")) {
                valueY = y;
            } else if (text.getTextContent().startsWith("grad")) {
                gradY = y;
            }
        }
        assertTrue(valueY > 0 && gradY > valueY);
    }

    @Test
    void escapesMarkupInLabelsAndIds() throws Exception {
        var g = GraphModel.builder()
                .node(GraphNode.of("a<b>&\"c'", NodeKind.INPUT, "x < y && z > \"q\" 'r'", "[2]").withValue("<script>alert(1)</script>"))
                .node(GraphNode.of("op", NodeKind.OPERATION, "a&b", "[2]").withGrad("1 < 2"))
                .edge("a<b>&\"c'", "op", "<0>")
                .build();
        var svg = writer.render(g);
        assertFalse(svg.contains("<script"), "markup in values is text, not elements");
        assertFalse(svg.contains("x < y"));
        var doc = Xml.parse(svg);
        var texts = Xml.texts(doc, "text");
        assertTrue(texts.contains("x < y && z > \"q\" 'r'"), texts.toString());
        assertTrue(texts.contains("value <script>alert(1)</script>"), texts.toString());
        assertTrue(texts.contains("a&b"));
        assertTrue(texts.contains("grad  1 < 2"));
        assertTrue(texts.contains("<0>"), "edge label");
        assertTrue(Xml.texts(doc, "title").stream().anyMatch(t -> t.equals("a<b>&\"c' \u2192 op (<0>)")), "edge tooltip with raw ids");
        assertTrue(Xml.elements(doc, "script").isEmpty());
    }

    @Test
    void controlCharactersAndLoneSurrogatesStillGiveWellFormedXml() throws Exception {
        var g = GraphModel.builder()
                .node(GraphNode.of("x", NodeKind.INPUT, "bell\u0007 nul\u0000 " + "\ud800" + " emoji \ud83d\ude00", "[1]"))
                .build();
        var doc = Xml.parse(writer.render(g));
        assertTrue(Xml.texts(doc, "text").contains("bell\ufffd nul\ufffd \ufffd emoji \ud83d\ude00"));
    }

    @Test
    void hasNoScriptsNoExternalReferencesAndOnlyGenericFonts() {
        var svg = writer.render(Graphs.mlp().collapseGroups(1));
        assertFalse(svg.contains("<script"));
        assertFalse(svg.contains("<style"), "inline attributes only");
        assertEquals(1, count(svg, "http://"), "only the SVG namespace: " + svg.lines().filter(l -> l.contains("http")).toList());
        assertFalse(svg.contains("https://"));
        assertFalse(svg.contains("@font-face"));
        assertTrue(svg.contains("font-family=\"monospace\""));
    }

    @Test
    void legendShowsOnlyKindsThatOccur() throws Exception {
        var texts = Xml.texts(Xml.parse(writer.render(Graphs.mlp().collapseGroups(1))), "text");
        assertTrue(texts.containsAll(List.of("input", "module", "output / loss", "data flow")), texts.toString());
        assertFalse(texts.contains("parameter"), "parameters were collapsed into modules");
        var box = texts.stream().filter(t -> t.startsWith("0: ")).findFirst().orElseThrow();
        assertEquals("0: Linear 784->16", box);
    }

    @Test
    void writesAtomicallyAndReplacesOldFiles(@TempDir Path dir) throws Exception {
        var file = dir.resolve("graph.svg");
        Files.writeString(file, "old");
        writer.write(Graphs.mlp(), file);
        Xml.parse(Files.readString(file));
        try (var listing = Files.list(dir)) {
            assertEquals(List.of(file), listing.toList(), "no temporary file left behind");
        }
        var missingDir = dir.resolve("nope").resolve("g.svg");
        var e = assertThrows(IOException.class, () -> writer.write(Graphs.mlp(), missingDir));
        assertTrue(e.getMessage().contains("g.svg") && e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void largeGraphRendersToParsableSvg() throws Exception {
        var svg = writer.render(Graphs.randomDag(600, 30, 30, 5));
        assertEquals(600, nodeGroups(Xml.parse(svg)));
    }

    /** Node boxes are the groups that open with their tooltip. */
    private static long nodeGroups(Document doc) {
        return Xml.elements(doc, "g").stream()
                .filter(g -> g.getFirstChild() instanceof Element first && first.getLocalName().equals("title"))
                .count();
    }

    private static int count(String haystack, String needle) {
        var n = 0;
        for (var i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
