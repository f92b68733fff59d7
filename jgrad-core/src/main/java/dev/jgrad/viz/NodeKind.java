package dev.jgrad.viz;

/** What a node of a {@link GraphModel} stands for; writers pick shape and colour from it. */
public enum NodeKind {
    /** A leaf fed from outside: a batch of inputs or targets. */
    INPUT,
    /** A trainable leaf (weight, bias): the tensors whose gradients an optimizer uses. */
    PARAMETER,
    /** A leaf that needs no gradient (a literal, a mask, a hyper-parameter). */
    CONSTANT,
    /** The result of one differentiable operation. */
    OPERATION,
    /** The root of the backward pass, usually the loss. */
    OUTPUT,
    /** A collapsed group of nodes (an nn module) drawn as one box. */
    MODULE;

    /** True for the kinds that hold data rather than compute it. */
    public boolean isData() {
        return this == INPUT || this == PARAMETER || this == CONSTANT;
    }
}
