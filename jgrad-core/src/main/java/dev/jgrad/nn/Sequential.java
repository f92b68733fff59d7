package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.autograd.Graph;

import java.util.ArrayList;
import java.util.List;

/** Layers applied one after another; the children are named 0, 1, 2, ... as in PyTorch. */
public final class Sequential extends Module {
    private final List<Module> layers = new ArrayList<>();

    public Sequential(Module... layers) {
        for (Module m : layers) add(m);
    }

    public Sequential(List<? extends Module> layers) {
        for (Module m : layers) add(m);
    }

    /** Appends a layer named by its position. */
    public Sequential add(Module layer) {
        layers.add(registerModule(Integer.toString(layers.size()), layer));
        return this;
    }

    public Module get(int index) {
        if (index < 0 || index >= layers.size())
            throw new IndexOutOfBoundsException("Sequential.get: index " + index + " is out of range for " + layers.size() + " layers");
        return layers.get(index);
    }

    public int size() {
        return layers.size();
    }

    /** The layers in order (read-only). */
    public List<Module> layers() {
        return List.copyOf(layers);
    }

    @Override
    public Tensor forward(Tensor input) {
        Tensor x = input;
        for (int i = 0; i < layers.size(); i++) x = apply(i, layers.get(i), x);
        return x;
    }

    @Override
    protected Tensor summarize(Tensor input, String path, List<Summary.Row> rows) {
        Tensor x = input;
        for (int i = 0; i < layers.size(); i++) {
            Module layer = layers.get(i);
            String name = path.isEmpty() ? Integer.toString(i) : path + "." + i;
            try {
                x = layer.summarize(x, name, rows);
            } catch (IllegalArgumentException e) {
                throw located(i, layer, e);
            }
        }
        return x;
    }

    private static Tensor apply(int i, Module layer, Tensor x) {
        try (var scope = Graph.enterScope(Integer.toString(i))) {
            return layer.forward(x);
        } catch (IllegalArgumentException e) {
            throw located(i, layer, e);
        }
    }

    /** Names the failing layer, so a shape error deep in a model says where it happened. */
    private static IllegalArgumentException located(int i, Module layer, IllegalArgumentException e) {
        return new IllegalArgumentException("Sequential layer " + i + " (" + layer.getClass().getSimpleName() + "): "
                + e.getMessage(), e);
    }
}
