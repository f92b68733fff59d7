package dev.jgrad.autograd;

import dev.jgrad.Tensor;

import java.util.List;

/** Records operations as they run (define-by-run). */
public final class Graph {
    private Graph() {}

    /** Records {@code out = name(inputs)} with a backward rule that uses no saved tensor. */
    public static Tensor record(String name, Tensor out, BackwardFn rule, Tensor... inputs) {
        return record(name, out, List.of(), rule, inputs);
    }

    /**
     * Records {@code out = name(inputs)} if grad mode is on and any input requires grad.
     * {@code saved} lists the tensors the rule reads, checked for in-place changes at backward.
     */
    public static Tensor record(String name, Tensor out, List<Tensor> saved, BackwardFn rule, Tensor... inputs) {
        if (GradMode.isAnomalyDetection()) Anomaly.checkForward(name, out);
        if (!GradMode.isEnabled()) return out;
        for (Tensor in : inputs) {
            if (in.requiresGrad()) {
                AutogradMeta meta = out.autogradMeta();
                meta.gradFn = new Node(name, inputs, saved, rule);
                meta.requiresGrad = true;
                return out;
            }
        }
        return out;
    }
}
