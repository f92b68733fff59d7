package dev.jgrad.autograd;

import dev.jgrad.Tensor;

import java.util.List;

/** Records operations as they run (define-by-run). */
public final class Graph {
    /** The module path (e.g. "0" or "encoder.1") that operations recorded now belong to. */
    private static final ThreadLocal<String> SCOPE = ThreadLocal.withInitial(() -> "");

    private Graph() {}

    /**
     * Operations recorded until the scope closes belong to the child module {@code name} of the
     * current one; graph pictures use this to fold a module into one box.
     */
    public static GradMode.Scope enterScope(String name) {
        String previous = SCOPE.get();
        SCOPE.set(previous.isEmpty() ? name : previous + "." + name);
        return () -> SCOPE.set(previous);
    }

    /** Records {@code out = name(inputs)} with a backward rule that uses no saved tensor. */
    public static Tensor record(String name, Tensor out, BackwardFn rule, Tensor... inputs) {
        return record(name, out, List.of(), rule, inputs);
    }

    /**
     * Records {@code out = name(inputs)} if grad mode is on and any input requires grad.
     * {@code saved} lists the tensors the rule reads, checked for in-place changes at backward.
     */
    public static Tensor record(String name, Tensor out, List<Tensor> saved, BackwardFn rule, Tensor... inputs) {
        return record(name, out, saved, rule, false, inputs);
    }

    static Tensor record(String name, Tensor out, List<Tensor> saved, BackwardFn rule, boolean userRule, Tensor... inputs) {
        if (GradMode.isAnomalyDetection()) Anomaly.checkForward(name, out);
        if (!GradMode.isEnabled()) return out;
        for (Tensor in : inputs) {
            if (in.requiresGrad()) {
                AutogradMeta meta = out.autogradMeta();
                meta.gradFn = new Node(name, SCOPE.get(), inputs, saved, rule, userRule);
                meta.requiresGrad = true;
                return out;
            }
        }
        return out;
    }
}
