package dev.jgrad.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DotWriterTest {

    private final DotWriter writer = new DotWriter();

    @Test
    void containsEveryNodeAndEdgeLeftToRight() {
        var dot = writer.render(Graphs.scalarExpression());
        assertTrue(dot.startsWith("digraph \"jgrad\" {"));
        assertTrue(dot.contains("rankdir=LR"));
        assertTrue(dot.contains("\"a\" [shape=record, label=\"a|scalar|value\\ 2.0\\l|grad\\ \\ -3.0\\l\""), dot);
        assertTrue(dot.contains("\"e\" [shape=Mrecord, label=\"mul|scalar|"), "operations are rounded records");
        assertTrue(dot.contains("\"f\" [shape=record") && dot.contains("peripheries=2"), "the loss has a double outline");
        for (var edge : List.of("\"a\" -> \"e\" [label=\"0\"];", "\"a\" -> \"f\" [label=\"1\"];", "\"d\" -> \"f\" [label=\"0\"];")) {
            assertTrue(dot.contains(edge), "missing " + edge);
        }
        assertEquals(6, dot.lines().filter(l -> l.contains(" -> ")).count());
        assertTrue(dot.strip().endsWith("}"));
    }

    @Test
    void modulesBecomeClusters() {
        var dot = writer.render(Graphs.mlp());
        assertTrue(dot.contains("subgraph \"cluster_0\" {"));
        assertTrue(dot.contains("label=\"0: Linear 784->16\""), "cluster label uses the description");
        assertTrue(dot.contains("subgraph \"cluster_2\" {"));
        var cluster = dot.substring(dot.indexOf("subgraph \"cluster_0\""), dot.indexOf("subgraph \"cluster_1\""));
        assertTrue(cluster.contains("\"W0\"") && cluster.contains("\"mm0\"") && !cluster.contains("\"relu\" ["));
    }

    @Test
    void escapesQuotesBackslashesAndRecordSyntax() {
        var g = GraphModel.builder()
                .node(GraphNode.of("id \"q\" \\", NodeKind.INPUT, "{a|b} <p> & \"q\"", "[2]").withValue("x\\y"))
                .node(GraphNode.of("op", NodeKind.OPERATION, "f", ""))
                .edge("id \"q\" \\", "op", "say \"hi\"")
                .build();
        var dot = writer.render(g);
        assertTrue(dot.contains("\"id \\\"q\\\" \\\\\" [shape=record"), dot);
        assertTrue(dot.contains("label=\"\\{a\\|b\\}\\ \\<p\\>\\ &\\ \\\"q\\\"|[2]|value\\ x\\\\y\\l\""), dot);
        assertTrue(dot.contains("[label=\"say \\\"hi\\\"\"]"), dot);
    }

    @Test
    void graphvizAcceptsTheOutputWhenInstalled(@TempDir Path dir) throws Exception {
        var dotBinary = onPath("dot");
        Assumptions.assumeTrue(dotBinary != null, "Graphviz 'dot' not on PATH: syntax check against Graphviz skipped");
        var input = dir.resolve("g.dot");
        var tricky = GraphModel.builder()
                .node(GraphNode.of("id \"q\" \\", NodeKind.INPUT, "{a|b} <p> & \"q\"", "[2]").withValue("1\n2").inGroup("m.0"))
                .node(GraphNode.of("op", NodeKind.OPERATION, "f", "").withGrad("0.5"))
                .edge("id \"q\" \\", "op", "say \"hi\"")
                .build();
        for (var model : List.of(Graphs.mlp(), tricky)) {
            writer.write(model, input);
            var process = new ProcessBuilder(dotBinary.toString(), "-Tsvg", input.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "dot finishes");
            var output = Files.readString(dir.resolve("out.txt"));
            assertEquals(0, process.exitValue(), output);
            assertFalse(output.contains("Warning") || output.contains("Error"), output);
            var texts = Xml.texts(Xml.parse(output), "text");
            if (model == tricky) {
                assertTrue(texts.contains("{a|b} <p> & \"q\""), "record escapes undone by Graphviz: " + texts);
                assertTrue(texts.contains("say \"hi\""), texts.toString());
                assertTrue(texts.contains("m.0"), "nested cluster label");
            } else {
                assertTrue(texts.containsAll(List.of("matmul", "cross_entropy", "0: Linear 784->16")), texts.toString());
            }
        }
    }

    static Path onPath(String program) {
        for (var dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            var candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
