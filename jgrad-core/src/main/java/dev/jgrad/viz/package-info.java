/**
 * Pictures of computation graphs and training runs, for seeing every value and every gradient.
 *
 * <p>{@link dev.jgrad.viz.GraphModel} describes a graph independently of any tensor class: nodes
 * with kind, label, shape, value and gradient texts ({@link dev.jgrad.viz.TensorText} formats raw
 * data), and edges from inputs to consumers. {@link dev.jgrad.viz.LayeredLayout} places it left to
 * right, {@link dev.jgrad.viz.SvgWriter} draws it as standalone SVG and
 * {@link dev.jgrad.viz.DotWriter} exports it to Graphviz. {@link dev.jgrad.viz.GraphModel#collapseGroups}
 * folds modules into single boxes so whole networks stay readable.
 * {@link dev.jgrad.viz.TrainingReport} turns a {@link dev.jgrad.viz.RunRecord} into a self-contained
 * HTML page with curves, confusion matrix and misclassified images.
 *
 * <pre>{@code
 * var graph = GraphModel.builder()
 *         .node(GraphNode.of("x", NodeKind.INPUT, "x", "scalar").withValue("3").withGrad("6"))
 *         .node(GraphNode.of("y", NodeKind.OUTPUT, "mul", "scalar").withValue("9").withGrad("1"))
 *         .edge("x", "y", "0")
 *         .edge("x", "y", "1")          // x * x: x is used twice, its grad is the sum
 *         .build();
 * new SvgWriter().write(graph, Path.of("square.svg"));
 * }</pre>
 *
 * <p>Everything here uses only the JDK: {@code java.xml} (StAX) for markup and {@code java.desktop}
 * ({@code javax.imageio}) for the PNG thumbnails.
 */
package dev.jgrad.viz;
