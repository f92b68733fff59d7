package dev.jgrad.cli;

import dev.jgrad.viz.AutogradGraph;
import dev.jgrad.Tensor;
import dev.jgrad.autograd.GraphView;
import dev.jgrad.symbolic.Expression;
import dev.jgrad.viz.DotWriter;
import dev.jgrad.viz.SvgWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * An expression evaluated as tensor operations: the forward value, every gradient by backward,
 * and (with --out) a picture of the recorded graph with values and gradients on its nodes.
 */
@Command(name = "graph", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Builds the computation graph of an expression, runs forward and backward, prints the value and",
                "every gradient, and draws the graph (SVG, or Graphviz DOT for a .dot file).",
                "Example: jgrad graph \"(x + y) * z\" --at x=-2,y=5,z=-4 --out f.svg"})
final class GraphCommand implements Callable<Integer> {
    @ParentCommand
    private Main main;

    @Parameters(index = "0", paramLabel = "EXPRESSION", description = "e.g. \"(x + y) * z\" or \"sigmoid(w*x + b)\"")
    private String text;

    @Option(names = "--at", split = ",", paramLabel = "VAR=VALUE", required = true,
            description = "A value for every variable.")
    private Map<String, Double> at = new LinkedHashMap<>();

    @Option(names = "--out", paramLabel = "FILE", description = "Write the graph: *.svg (default format) or *.dot.")
    private Path outFile;

    @Override
    public Integer call() throws IOException {
        var out = main.out();
        Expression f = Symbolic.parse(text);
        Symbolic.requireValues(f, at);
        Map<String, Tensor> leaves = new LinkedHashMap<>();
        at.forEach((name, value) -> leaves.put(name, Tensor.scalar(value).requiresGrad(true).label(name)));
        Tensor value = Symbolic.fold(f, leaves).label("f");
        out.printf(Locale.ROOT, "f = %s%nat %s: f = %s%n", f, Symbolic.point(at), Numbers.precise(value.item()));
        if (value.requiresGrad()) {
            GraphView.retainAllGrads(value);
            value.backward();
        }
        for (String v : at.keySet()) {
            if (!f.variables().contains(v)) continue;
            Tensor g = leaves.get(v).grad();
            out.printf(Locale.ROOT, "df/d%s = %s%n", v, Numbers.precise(g == null ? 0 : g.item()));
        }
        if (outFile != null) {
            var model = AutogradGraph.of(value, Map.of());
            boolean dot = outFile.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".dot");
            if (dot) new DotWriter().write(model, outFile);
            else new SvgWriter().write(model, outFile);
            out.printf("graph: %s (%d nodes, %d edges)%n", outFile, model.nodes().size(), model.edges().size());
        }
        return Main.OK;
    }
}
