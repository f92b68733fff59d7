package dev.jgrad.optim;

import dev.jgrad.Tensor;
import dev.jgrad.tensor.DType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Updates parameters from their gradients, like {@code torch.optim.Optimizer} (one group).
 * Updates run in place inside no-grad and reuse per-parameter buffers, so a step allocates
 * nothing proportional to the model after the first.
 *
 * <p>The state is a flat map of tensors, ready for a safetensors file: {@code lr} (0-d float64),
 * {@code step} (0-d int64, the number of {@link #step} calls) and {@code state.<i>.<name>} for the
 * buffers of parameter i (e.g. {@code state.0.exp_avg}), named as in PyTorch.
 */
public abstract class Optimizer {
    private final String name;
    private final List<Tensor> params;
    private final List<Map<String, Tensor>> state;
    private final Tensor[][] scratch;
    private double learningRate;
    private long steps;

    protected Optimizer(String name, List<Tensor> params, double learningRate) {
        this.name = name;
        if (params == null || params.isEmpty()) throw new IllegalArgumentException(name + ": no parameters to optimize");
        Map<Tensor, Integer> seen = new IdentityHashMap<>();
        for (int i = 0; i < params.size(); i++) {
            Tensor p = params.get(i);
            if (p == null) throw new IllegalArgumentException(name + ": parameter " + i + " is null");
            if (!p.requiresGrad() || !p.isLeaf())
                throw new IllegalArgumentException(name + ": parameter " + i + " of shape " + Arrays.toString(p.shape())
                        + " must be a leaf that requires grad");
            Integer before = seen.put(p, i);
            if (before != null) throw new IllegalArgumentException(name + ": parameters " + before + " and " + i + " are the same tensor");
        }
        this.params = List.copyOf(params);
        this.state = new ArrayList<>(Collections.nCopies(params.size(), null));
        this.scratch = new Tensor[params.size()][];
        setLearningRate(learningRate);
    }

    /** One update of every parameter that has a gradient (the others are skipped). */
    public final void step() {
        try (var g = Tensor.noGrad()) {
            steps++;
            for (int i = 0; i < params.size(); i++) {
                Tensor p = params.get(i), grad = p.grad();
                if (grad != null) update(i, p, grad);
            }
        }
    }

    /** Updates parameter {@code index} in place; called with recording off. */
    protected abstract void update(int index, Tensor param, Tensor grad);

    /** The buffers this configuration keeps per parameter, by their state-dict names. */
    protected abstract List<String> stateNames();

    /** Clears the gradients (sets them to null, PyTorch's default), so the next backward starts afresh. */
    public final void zeroGrad() {
        zeroGrad(true);
    }

    /** Clears the gradients; with {@code setToNone} false, zeroes and keeps them: see {@link Tensor#zeroGrad(boolean)}. */
    public final void zeroGrad(boolean setToNone) {
        for (Tensor p : params) p.zeroGrad(setToNone);
    }

    public final double learningRate() {
        return learningRate;
    }

    public final void setLearningRate(double lr) {
        if (!(lr >= 0) || Double.isInfinite(lr)) throw new IllegalArgumentException(name + ": learning rate must be finite and >= 0, got " + lr);
        this.learningRate = lr;
    }

    /** The number of {@link #step} calls so far (restored by {@link #loadStateDict}). */
    public final long stepCount() {
        return steps;
    }

    public final List<Tensor> parameters() {
        return params;
    }

    // ---------------------------------------------------------------- per-parameter buffers

    /** The buffers of parameter {@code index}, or null before its first update. */
    protected final Map<String, Tensor> state(int index) {
        return state.get(index);
    }

    /** Creates the buffers of parameter {@code index}, all zeros except "step", a 0-d int64 counter. */
    protected final Map<String, Tensor> initState(int index) {
        Tensor p = params.get(index);
        Map<String, Tensor> s = new LinkedHashMap<>();
        for (String n : stateNames()) s.put(n, n.equals("step") ? Tensor.zeros(DType.INT64) : Tensor.zerosLike(p));
        state.set(index, s);
        return s;
    }

    /** A work buffer shaped like parameter {@code index}, not part of the saved state. */
    protected final Tensor scratch(int index, int which) {
        Tensor[] s = scratch[index];
        if (s == null || s.length <= which) scratch[index] = s = Arrays.copyOf(s == null ? new Tensor[0] : s, which + 1);
        if (s[which] == null) s[which] = Tensor.zerosLike(params.get(index));
        return s[which];
    }

    /** Adds one to a 0-d int64 step counter and returns the new value. */
    protected static long increment(Tensor counter) {
        long v = (long) counter.item() + 1;
        counter.fill(v);
        return v;
    }

    // ---------------------------------------------------------------- state

    /** A snapshot (copies) of the learning rate, step count and per-parameter buffers. */
    public final LinkedHashMap<String, Tensor> stateDict() {
        LinkedHashMap<String, Tensor> out = new LinkedHashMap<>();
        out.put("lr", Tensor.scalar(learningRate, DType.FLOAT64));
        out.put("step", Tensor.scalar(steps, DType.INT64));
        try (var g = Tensor.noGrad()) {
            for (int i = 0; i < state.size(); i++) {
                Map<String, Tensor> s = state.get(i);
                if (s == null) continue;
                for (var e : s.entrySet()) out.put("state." + i + "." + e.getKey(), e.getValue().contiguousCopy());
            }
        }
        return out;
    }

    /**
     * Restores a {@link #stateDict}: learning rate, step count and buffers (copied). Validates
     * everything first; on any problem nothing changes and the error lists them all.
     */
    public final void loadStateDict(Map<String, Tensor> dict) {
        if (dict == null) throw new IllegalArgumentException(name + ".loadStateDict: the state dict is null");
        List<String> problems = new ArrayList<>();
        Tensor lr = dict.get("lr"), step = dict.get("step");
        if (lr == null || lr.numel() != 1) problems.add("'lr' must be a one-element tensor");
        if (step == null || step.numel() != 1) problems.add("'step' must be a one-element tensor");
        List<String> names = stateNames();
        List<Map<String, Tensor>> loaded = new ArrayList<>(Collections.nCopies(params.size(), null));
        TreeSet<String> unexpected = new TreeSet<>();
        for (var e : dict.entrySet()) {
            String key = e.getKey();
            if (key.equals("lr") || key.equals("step")) continue;
            String[] parts = key.split("\\.", 3);
            int index = parts.length == 3 && parts[0].equals("state") ? parseIndex(parts[1]) : -1;
            if (index < 0 || index >= params.size() || !names.contains(parts[2])) {
                unexpected.add(key);
                continue;
            }
            Tensor t = e.getValue();
            boolean counter = parts[2].equals("step");
            int[] expected = counter ? new int[0] : params.get(index).shape();
            if (counter ? t.numel() != 1 : !Arrays.equals(t.shape(), expected)) {
                problems.add("'" + key + "' has shape " + Arrays.toString(t.shape()) + ", expected " + Arrays.toString(expected));
                continue;
            }
            if (loaded.get(index) == null) loaded.set(index, new LinkedHashMap<>());
            loaded.get(index).put(parts[2], t);
        }
        if (!unexpected.isEmpty()) problems.add("unexpected " + unexpected + (names.isEmpty() ? " (this configuration keeps no buffers)" : " (buffers here: " + names + ")"));
        for (int i = 0; i < loaded.size(); i++) {
            Map<String, Tensor> s = loaded.get(i);
            if (s == null) continue;
            TreeSet<String> missing = new TreeSet<>(names);
            missing.removeAll(s.keySet());
            if (!missing.isEmpty()) problems.add("parameter " + i + " lacks " + missing);
        }
        if (!problems.isEmpty()) throw new IllegalArgumentException(name + ".loadStateDict: " + String.join("; ", problems));

        setLearningRate(lr.item());
        steps = (long) step.item();
        try (var g = Tensor.noGrad()) {
            for (int i = 0; i < params.size(); i++) {
                Map<String, Tensor> s = loaded.get(i);
                if (s == null) {
                    state.set(i, null);
                    continue;
                }
                Map<String, Tensor> copy = new LinkedHashMap<>();
                for (String n : names) {
                    Tensor src = s.get(n);
                    copy.put(n, n.equals("step")
                            ? Tensor.scalar(Math.rint(src.item()), DType.INT64)
                            : src.detach().to(params.get(i).dtype()).contiguousCopy());
                }
                state.set(i, copy);
            }
        }
    }

    private static int parseIndex(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public String toString() {
        return name + "(lr=" + learningRate + ", " + params.size() + " parameters)";
    }
}
