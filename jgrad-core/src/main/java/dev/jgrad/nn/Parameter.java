package dev.jgrad.nn;

import dev.jgrad.Tensor;

import java.util.Arrays;

/**
 * A slot holding one learnable tensor of a {@link Module}: a leaf that requires grad. Layers read
 * their weights through the slot, so {@link Module#to} can swap in a converted tensor without
 * the layer keeping a stale reference. Created by {@code Module.registerParameter}.
 */
public final class Parameter {
    private Tensor tensor;

    Parameter(String name, Tensor value) {
        this.tensor = leaf(name, value, true);
    }

    /** The current tensor; pass it to operations in forward. */
    public Tensor tensor() {
        return tensor;
    }

    /** Replaces the tensor (e.g. after a dtype conversion), keeping the requires-grad flag. */
    void replace(String name, Tensor value) {
        tensor = leaf(name, value, tensor.requiresGrad());
    }

    private static Tensor leaf(String name, Tensor value, boolean requiresGrad) {
        if (value == null) throw new IllegalArgumentException("parameter '" + name + "': the tensor is null");
        if (!value.dtype().isFloating())
            throw new IllegalArgumentException("parameter '" + name + "': must be a floating-point tensor, got " + value.dtype());
        // a contiguous leaf: optimizers update it in place, and no graph may lead into it
        Tensor leaf = value.isContiguous() && value.isLeaf() ? value : value.detach().contiguousCopy();
        return leaf.requiresGrad(requiresGrad);
    }

    @Override
    public String toString() {
        return "Parameter(" + tensor.dtype() + " " + Arrays.toString(tensor.shape()) + ")";
    }
}
