package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.tensor.DType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A building block of a network, like {@code torch.nn.Module}: it owns named parameters and
 * named child modules, and maps an input tensor to an output in {@link #forward}.
 *
 * <p>Names follow PyTorch's state-dict conventions: a {@link Linear} has {@code weight} [out, in]
 * and {@code bias} [out]; a child's entries are prefixed with its name and a dot, so the
 * parameters of {@code Sequential(Linear, ReLU, Linear)} are {@code 0.weight, 0.bias, 2.weight,
 * 2.bias}.
 *
 * <pre>{@code
 * class Affine extends Module {
 *     private final Parameter scale = registerParameter("scale", Tensor.ones(3));
 *     public Tensor forward(Tensor x) { return x.mul(scale.tensor()); }
 * }
 * }</pre>
 */
public abstract class Module {
    private final Map<String, Parameter> parameters = new LinkedHashMap<>();
    private final Map<String, Module> children = new LinkedHashMap<>();
    private boolean training = true;

    public abstract Tensor forward(Tensor input);

    // ---------------------------------------------------------------- registration

    /** Adds a learnable tensor under {@code name}; it becomes a leaf that requires grad. */
    protected final Parameter registerParameter(String name, Tensor value) {
        checkNewName(name);
        Parameter p = new Parameter(name, value);
        parameters.put(name, p);
        return p;
    }

    /** Adds a child module whose parameters appear as {@code name.<child name>}. */
    protected final <M extends Module> M registerModule(String name, M module) {
        checkNewName(name);
        if (module == null) throw new IllegalArgumentException(getClass().getSimpleName() + ": child module '" + name + "' is null");
        if (module == this) throw new IllegalArgumentException(getClass().getSimpleName() + ": a module cannot be its own child");
        children.put(name, module);
        return module;
    }

    private void checkNewName(String name) {
        String owner = getClass().getSimpleName();
        if (name == null || name.isEmpty() || name.contains("."))
            throw new IllegalArgumentException(owner + ": invalid name '" + name + "' (must be non-empty and contain no '.')");
        if (parameters.containsKey(name) || children.containsKey(name))
            throw new IllegalArgumentException(owner + ": the name '" + name + "' is already taken");
    }

    // ---------------------------------------------------------------- traversal

    /** All parameters of this module and its descendants, in registration order. */
    public final List<Tensor> parameters() {
        return List.copyOf(namedParameters().values());
    }

    /**
     * Parameters by dotted name ({@code 0.weight}), in registration order, depth first. A tensor
     * shared by several modules (tied weights) is listed once, under its first name.
     */
    public final LinkedHashMap<String, Tensor> namedParameters() {
        LinkedHashMap<String, Tensor> out = new LinkedHashMap<>();
        collectParameters("", out, Collections.newSetFromMap(new IdentityHashMap<>()));
        return out;
    }

    private void collectParameters(String prefix, Map<String, Tensor> out, Set<Tensor> seen) {
        parameters.forEach((name, p) -> {
            if (seen.add(p.tensor())) out.put(prefix + name, p.tensor());
        });
        children.forEach((name, child) -> child.collectParameters(prefix + name + ".", out, seen));
    }

    /** The direct children by name. */
    public final Map<String, Module> children() {
        return Collections.unmodifiableMap(children);
    }

    /** This module (under the name "") and all descendants by dotted name, depth first. */
    public final LinkedHashMap<String, Module> namedModules() {
        LinkedHashMap<String, Module> out = new LinkedHashMap<>();
        collectModules("", this, out);
        return out;
    }

    private static void collectModules(String name, Module m, Map<String, Module> out) {
        out.put(name, m);
        m.children.forEach((childName, child) -> collectModules(name.isEmpty() ? childName : name + "." + childName, child, out));
    }

    /** The number of scalar parameters. */
    public final long numParameters() {
        long n = 0;
        for (Tensor p : parameters()) n += p.numel();
        return n;
    }

    /** The element type of the parameters (float32 for a module without any). */
    public final DType dtype() {
        for (Tensor p : parameters()) return p.dtype();
        return DType.FLOAT32;
    }

    // ---------------------------------------------------------------- modes and gradients

    /** Training mode (the default) for this module and all descendants: dropout is active. */
    public final Module train() {
        return train(true);
    }

    public final Module train(boolean mode) {
        for (Module m : namedModules().values()) m.training = mode;
        return this;
    }

    /** Evaluation mode for this module and all descendants: dropout is the identity. */
    public final Module eval() {
        return train(false);
    }

    public final boolean isTraining() {
        return training;
    }

    /**
     * Turns gradient tracking of every parameter on or off, like PyTorch's
     * {@code requires_grad_(False)}. A frozen model is one to serve: its weights count as
     * constants, and a {@link Linear} layer packs its weight once for fast single inputs (see
     * {@link Tensor#linear}). Unfreeze before training again.
     */
    public final Module requiresGrad(boolean requiresGrad) {
        for (Tensor p : parameters()) p.requiresGrad(requiresGrad);
        return this;
    }

    /** Clears the gradients of all parameters (sets them to null, like PyTorch's default). */
    public final void zeroGrad() {
        zeroGrad(true);
    }

    /** Clears the gradients of all parameters; with {@code setToNone} false, zeroes and keeps them: see {@link Tensor#zeroGrad(boolean)}. */
    public final void zeroGrad(boolean setToNone) {
        for (Tensor p : parameters()) p.zeroGrad(setToNone);
    }

    /**
     * Converts every parameter to another element type, in place of the old ones (build
     * optimizers after converting). Float64 is what gradient checks need.
     */
    public final Module to(DType dtype) {
        if (!dtype.isFloating()) throw new IllegalArgumentException("to: parameters must stay floating-point, got " + dtype);
        for (var entry : namedModules().entrySet()) {
            for (var p : entry.getValue().parameters.entrySet()) {
                Tensor t = p.getValue().tensor();
                if (t.dtype() == dtype) continue;
                Tensor converted;
                try (var g = Tensor.noGrad()) {
                    converted = t.detach().to(dtype);
                }
                p.getValue().replace(p.getKey(), converted);
            }
        }
        return this;
    }

    // ---------------------------------------------------------------- state

    /**
     * The parameters by dotted name, detached from autograd; the tensors share storage with the
     * parameters (copy them to keep a snapshot).
     */
    public final LinkedHashMap<String, Tensor> stateDict() {
        LinkedHashMap<String, Tensor> out = new LinkedHashMap<>();
        namedParameters().forEach((name, t) -> out.put(name, t.detach()));
        return out;
    }

    /**
     * Copies values into the parameters, converting the element type if needed. Every name must
     * match and every shape must agree; otherwise nothing is changed and the error lists all
     * missing, unexpected and mismatched entries.
     */
    public final void loadStateDict(Map<String, Tensor> state) {
        if (state == null) throw new IllegalArgumentException("loadStateDict: the state dict is null");
        LinkedHashMap<String, Tensor> own = namedParameters();
        List<String> problems = new ArrayList<>();
        TreeSet<String> missing = new TreeSet<>(own.keySet());
        missing.removeAll(state.keySet());
        TreeSet<String> unexpected = new TreeSet<>(state.keySet());
        unexpected.removeAll(own.keySet());
        if (!missing.isEmpty()) problems.add("missing " + missing);
        if (!unexpected.isEmpty()) problems.add("unexpected " + unexpected);
        own.forEach((name, p) -> {
            Tensor t = state.get(name);
            if (t == null) return;
            if (!Arrays.equals(t.shape(), p.shape()))
                problems.add("'" + name + "' has shape " + Arrays.toString(t.shape()) + ", the model expects " + Arrays.toString(p.shape()));
            else if (!t.dtype().isFloating())
                problems.add("'" + name + "' is " + t.dtype() + ", not floating-point");
        });
        if (!problems.isEmpty())
            throw new IllegalArgumentException("loadStateDict into " + getClass().getSimpleName() + ": " + String.join("; ", problems));
        try (var g = Tensor.noGrad()) {
            own.forEach((name, p) -> p.copyFrom(state.get(name)));
        }
    }

    // ---------------------------------------------------------------- description

    /**
     * A Keras-like table of layers, output shapes and parameter counts, found by running a
     * forward pass on zeros of shape [1, inputShape...] (inputShape excludes the batch dim).
     */
    public final String summary(int... inputShape) {
        return Summary.of(this, inputShape).toString();
    }

    /**
     * Runs forward for {@link #summary}, appending one row per reported layer. A container
     * overrides this to report its children instead of itself.
     */
    protected Tensor summarize(Tensor input, String path, List<Summary.Row> rows) {
        Tensor out = forward(input);
        rows.add(new Summary.Row(path, oneLine(), out.shape(), numParameters()));
        return out;
    }

    /** The arguments shown between the parentheses of {@link #toString}, e.g. "784 -> 256". */
    protected String extraRepr() {
        return "";
    }

    private String oneLine() {
        return getClass().getSimpleName() + "(" + extraRepr() + ")";
    }

    /** PyTorch-style: one line for a leaf, an indented list of children for a container. */
    @Override
    public String toString() {
        if (children.isEmpty()) return oneLine();
        StringBuilder sb = new StringBuilder(getClass().getSimpleName()).append("(");
        if (!extraRepr().isEmpty()) sb.append(extraRepr());
        sb.append('\n');
        children.forEach((name, child) ->
                sb.append("  (").append(name).append("): ").append(child.toString().replace("\n", "\n  ")).append('\n'));
        return sb.append(')').toString();
    }
}
