package dev.jgrad.autograd;

import dev.jgrad.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Entry points of reverse-mode differentiation. */
public final class Autograd {
    private Autograd() {}

    /**
     * Backpropagates from {@code root}, accumulating dL/dx into {@code grad()} of every leaf that
     * requires grad. {@code gradient} may be null for a one-element root.
     */
    public static void backward(Tensor root, Tensor gradient, boolean retainGraph, boolean createGraph) {
        Engine.run(new Tensor[] {root}, new Tensor[] {seed("backward", root, gradient)}, retainGraph, createGraph, null);
    }

    /**
     * The gradients of {@code output} (one element) with respect to {@code inputs}, without touching
     * their {@code grad()}. With {@code createGraph} the result is itself differentiable (and the
     * graph is retained), which gives second and higher derivatives.
     */
    public static List<Tensor> grad(Tensor output, List<Tensor> inputs, boolean createGraph) {
        return grad(List.of(output), null, inputs, createGraph, createGraph, false);
    }

    /**
     * The general form: sum over outputs of gradOutput_i . d(output_i)/d(inputs). An input that the
     * outputs do not depend on gives null if {@code allowUnused}, an error otherwise.
     */
    public static List<Tensor> grad(List<Tensor> outputs, List<Tensor> gradOutputs, List<Tensor> inputs,
                                    boolean retainGraph, boolean createGraph, boolean allowUnused) {
        Tensor[] roots = outputs.toArray(Tensor[]::new);
        Tensor[] seeds = new Tensor[roots.length];
        for (int i = 0; i < roots.length; i++)
            seeds[i] = seed("grad", roots[i], gradOutputs == null ? null : gradOutputs.get(i));
        Tensor[] targets = inputs.toArray(Tensor[]::new);
        for (int i = 0; i < targets.length; i++)
            if (!targets[i].requiresGrad())
                throw new IllegalArgumentException("grad: input " + i + " does not require grad");
        Tensor[] result = Engine.run(roots, seeds, retainGraph, createGraph, targets);
        List<Tensor> out = new ArrayList<>(result.length);
        for (int i = 0; i < result.length; i++) {
            if (result[i] == null && !allowUnused)
                throw new IllegalArgumentException("grad: input " + i + " (shape " + Arrays.toString(targets[i].shape())
                        + ") is not used in the graph of the outputs; pass allowUnused=true to get null");
            out.add(result[i]);
        }
        return out;
    }

    /** A scope in which operations are not recorded: {@code try (var g = Autograd.noGrad()) {...}}. */
    public static GradMode.Scope noGrad() {
        return GradMode.set(false);
    }

    public static GradMode.Scope enableGrad() {
        return GradMode.set(true);
    }

    /** A scope in which the first NaN or infinity, forward or backward, raises an error naming the op. */
    public static GradMode.Scope detectAnomaly() {
        return GradMode.anomalyDetection(true);
    }

    private static Tensor seed(String op, Tensor root, Tensor gradient) {
        if (!root.requiresGrad())
            throw new IllegalStateException(op + ": the tensor of shape " + Arrays.toString(root.shape())
                    + " does not require grad and has no grad function");
        if (gradient == null) {
            if (root.numel() != 1)
                throw new IllegalArgumentException(op + ": a gradient can be implied only for a one-element output, got shape "
                        + Arrays.toString(root.shape()) + "; pass the gradient explicitly");
            return Tensor.onesLike(root);
        }
        if (!Arrays.equals(gradient.shape(), root.shape()))
            throw new IllegalArgumentException(op + ": gradient of shape " + Arrays.toString(gradient.shape())
                    + " does not match the output shape " + Arrays.toString(root.shape()));
        return gradient.detach().to(root.dtype());
    }
}
