package dev.jgrad.autograd;

import dev.jgrad.Tensor;

import java.util.List;

/**
 * One recorded operation: its name, its inputs, and its backward rule. The tensors the rule
 * needs are listed as saved, with their storage versions at record time, so an in-place write
 * to one of them is detected before the rule runs. Released (rule and saved tensors dropped)
 * after backward unless the graph is retained.
 */
public final class Node {
    private final String name;
    private final String scope;
    private final Tensor[] inputs;
    private BackwardFn rule;
    private Tensor[] saved;
    private int[] savedVersions;
    private final boolean userRule;

    Node(String name, String scope, Tensor[] inputs, List<Tensor> saved, BackwardFn rule, boolean userRule) {
        this.name = name;
        this.userRule = userRule;
        this.scope = scope;
        this.inputs = inputs;
        this.rule = rule;
        this.saved = saved.toArray(Tensor[]::new);
        this.savedVersions = new int[this.saved.length];
        for (int i = 0; i < this.saved.length; i++) savedVersions[i] = this.saved[i].storage().version();
    }

    /** The operation's name, e.g. "mul". */
    public String name() {
        return name;
    }

    /** The path of the module whose forward recorded this operation ("" outside any). */
    public String scope() {
        return scope;
    }

    /** The operation's inputs, in argument order. */
    public List<Tensor> inputs() {
        return List.of(inputs);
    }

    Tensor input(int i) {
        return inputs[i];
    }

    int inputCount() {
        return inputs.length;
    }

    /**
     * True for a {@link Function} written by a user, whose backward may return tensors it also
     * keeps: the engine never adopts those as a leaf's grad.
     */
    boolean userRule() {
        return userRule;
    }

    boolean isReleased() {
        return rule == null;
    }

    /** Whether the rule can add gradients into buffers it is given (see {@link AccumulatingBackwardFn}). */
    boolean accumulates() {
        return rule instanceof AccumulatingBackwardFn;
    }

    Tensor[] runBackward(Tensor grad) {
        return runBackward(grad, null);
    }

    /** Runs the rule; {@code into}, when not null, offers buffers as {@link AccumulatingBackwardFn} describes. */
    Tensor[] runBackward(Tensor grad, Tensor[] into) {
        if (rule == null)
            throw new IllegalStateException(name + ": trying to backward through the graph a second time "
                    + "(its saved values were freed after the first backward); pass retainGraph=true to the first call");
        for (int i = 0; i < saved.length; i++) {
            int now = saved[i].storage().version();
            if (now != savedVersions[i])
                throw new IllegalStateException(name + ": a tensor of shape " + java.util.Arrays.toString(saved[i].shape())
                        + " needed for backward was modified by an in-place operation (version " + now
                        + ", expected " + savedVersions[i] + ")");
        }
        Tensor[] grads = into != null && rule instanceof AccumulatingBackwardFn acc ? acc.apply(grad, into) : rule.apply(grad);
        if (grads.length != inputs.length)
            throw new IllegalStateException(name + ": backward returned " + grads.length + " gradients for "
                    + inputs.length + " inputs");
        return grads;
    }

    void release() {
        rule = null;
        saved = null;
        savedVersions = null;
    }

    @Override
    public String toString() {
        return name + "Backward";
    }
}
