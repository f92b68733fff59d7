package dev.jgrad.nn;

import dev.jgrad.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The layer table of a module: each reported layer with its output shape and parameter count,
 * plus totals. Built by a forward pass on zeros in eval mode with recording off, so it neither
 * changes the model nor draws from any dropout generator.
 *
 * <pre>
 * Sequential: 3 layers
 * Layer  Type                Output shape  Params
 * -----------------------------------------------
 * input                      [N, 784]
 * 0      Linear(784 -> 256)  [N, 256]      200,960
 * ...
 * </pre>
 */
public record Summary(String modelName, int[] inputShape, List<Row> rows, long totalParameters,
                      long trainableParameters, long parameterBytes) {

    /** One layer: its dotted name, its one-line description, its output shape (batch dim 1), its parameters. */
    public record Row(String name, String type, int[] outputShape, long parameters) {
        public Row {
            outputShape = outputShape.clone();
        }

        @Override
        public int[] outputShape() {
            return outputShape.clone();
        }
    }

    public Summary {
        inputShape = inputShape.clone();
        rows = List.copyOf(rows);
    }

    @Override
    public int[] inputShape() {
        return inputShape.clone();
    }

    public static Summary of(Module module, int... inputShape) {
        for (int d : inputShape)
            if (d <= 0) throw new IllegalArgumentException("summary: input shape " + Arrays.toString(inputShape)
                    + " must have positive sizes (give it without the batch dimension)");
        int[] shape = new int[inputShape.length + 1];
        shape[0] = 1;
        System.arraycopy(inputShape, 0, shape, 1, inputShape.length);

        Map<Module, Boolean> modes = new IdentityHashMap<>();
        List<Module> order = new ArrayList<>(module.namedModules().values());
        for (Module m : order) modes.put(m, m.isTraining());
        List<Row> rows = new ArrayList<>();
        try (var g = Tensor.noGrad()) {
            module.eval();
            module.summarize(Tensor.zeros(module.dtype(), shape), "", rows);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("summary: the forward pass of " + module.getClass().getSimpleName()
                    + " on zeros of shape " + Arrays.toString(shape) + " failed: " + e.getMessage(), e);
        } finally {
            for (Module m : order) m.train(modes.get(m)); // pre-order: a child's own mode is restored after its parent's
        }
        long total = 0, trainable = 0, bytes = 0;
        for (Tensor p : module.parameters()) {
            total += p.numel();
            if (p.requiresGrad()) trainable += p.numel();
            bytes += (long) p.numel() * p.dtype().byteSize();
        }
        return new Summary(module.getClass().getSimpleName(), inputShape, rows, total, trainable, bytes);
    }

    private static String shape(int[] s) {
        StringBuilder sb = new StringBuilder("[N");
        for (int i = 1; i < s.length; i++) sb.append(", ").append(s[i]);
        return sb.append(']').toString();
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    @Override
    public String toString() {
        List<String[]> table = new ArrayList<>();
        table.add(new String[] {"Layer", "Type", "Output shape", "Params"});
        int[] in = new int[inputShape.length + 1];
        System.arraycopy(inputShape, 0, in, 1, inputShape.length);
        table.add(new String[] {"input", "", shape(in), ""});
        for (Row r : rows)
            table.add(new String[] {r.name().isEmpty() ? "(model)" : r.name(), r.type(),
                    r.outputShape().length == 0 ? "[]" : shape(r.outputShape()), count(r.parameters())});
        int[] w = new int[4];
        for (String[] row : table) for (int i = 0; i < 4; i++) w[i] = Math.max(w[i], row[i].length());
        int width = w[0] + w[1] + w[2] + w[3] + 6;
        StringBuilder sb = new StringBuilder();
        sb.append(modelName).append(": ").append(rows.size()).append(rows.size() == 1 ? " layer\n" : " layers\n");
        for (int r = 0; r < table.size(); r++) {
            String[] row = table.get(r);
            String line = String.format(Locale.ROOT, "%-" + w[0] + "s  %-" + w[1] + "s  %-" + w[2] + "s  %" + w[3] + "s",
                    row[0], row[1], row[2], row[3]);
            sb.append(line.stripTrailing()).append('\n');
            if (r == 0) sb.append("-".repeat(width)).append('\n');
        }
        sb.append("=".repeat(width)).append('\n');
        sb.append("Total params: ").append(count(totalParameters)).append('\n');
        sb.append("Trainable params: ").append(count(trainableParameters)).append('\n');
        sb.append("Non-trainable params: ").append(count(totalParameters - trainableParameters)).append('\n');
        sb.append(String.format(Locale.ROOT, "Parameter memory: %.1f KiB", parameterBytes / 1024.0)).append('\n');
        return sb.toString();
    }
}
