package dev.jgrad.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SymbolicCommandsTest {
    @TempDir
    Path dir;

    @Test
    void graphPrintsTheLectureGradientsAndDrawsTheGraph() throws Exception {
        Path svg = dir.resolve("f.svg");
        var r = Cli.run("graph", "(x + y) * z", "--at", "x=-2,y=5,z=-4", "--out", svg.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("f = -12"), r.toString());
        assertTrue(r.out().contains("df/dx = -4\ndf/dy = -4\ndf/dz = 3\n"), r.toString());
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        assertEquals("svg", doc.getDocumentElement().getTagName());
        String text = Files.readString(svg);
        assertTrue(text.contains(">x<") || text.contains(">x "), "the variables are labeled in the picture");

        Path dot = dir.resolve("f.dot");
        var d = Cli.run("graph", "sigmoid(w*x + b)", "--at", "w=0.5,x=2,b=-1", "--out", dot.toString());
        assertEquals(0, d.code(), d.toString());
        assertTrue(Files.readString(dot).startsWith("digraph"), "a .dot file gets Graphviz text");
        assertTrue(d.out().contains("df/dw = 0.5") && d.out().contains("df/db = 0.25"), d.toString());
    }

    @Test
    void diffComparesSymbolicAutogradAndNumericalValues() {
        var r = Cli.run("diff", "sigmoid(w*x + b)", "--wrt", "w,b", "--at", "w=0.5,x=2,b=-1");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("df/dw = x * sigmoid(w * x + b) * (1 - sigmoid(w * x + b))"), r.toString());
        assertTrue(r.out().contains("f = 0.5"), r.toString());
        var row = r.out().lines().filter(l -> l.startsWith("df/dw ") && !l.contains("=")).findFirst().orElseThrow().trim().split("\\s+");
        assertEquals("0.5", row[1], "symbolic");
        assertEquals("0.5", row[2], "autograd");
        assertEquals(0.5, Double.parseDouble(row[3]), 1e-8, "numerical");
        assertEquals("0", row[4], "symbolic and autograd agree exactly here");
        assertTrue(Double.parseDouble(row[5]) < 1e-8, r.toString());
    }

    @Test
    void diffWithoutAPointPrintsDerivativesOnly() {
        var r = Cli.run("diff", "x^3 - 2*x", "--latex");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("df/dx = 3 * x^2 - 2"), r.toString());
        assertTrue(r.out().contains("\\frac{\\partial f}{\\partial x}"), r.toString());
    }

    @Test
    void badExpressionsAndPointsAreInputErrors() {
        var parse = Cli.run("diff", "log(x");
        assertEquals(2, parse.code(), parse.toString());
        assertTrue(parse.err().contains("column 6") && parse.err().contains("^"), parse.toString());

        var missing = Cli.run("graph", "x * y", "--at", "x=1");
        assertEquals(2, missing.code(), missing.toString());
        assertTrue(missing.err().contains("--at") && missing.err().contains("y"), missing.toString());

        var domain = Cli.run("diff", "log(x)", "--at", "x=-1");
        assertEquals(2, domain.code(), domain.toString());
        assertTrue(domain.err().contains("log"), domain.toString());

        var notANumber = Cli.run("diff", "x", "--at", "x=abc");
        assertEquals(2, notANumber.code(), notANumber.toString());
        assertTrue(notANumber.err().contains("--at"), notANumber.toString());
    }
}
