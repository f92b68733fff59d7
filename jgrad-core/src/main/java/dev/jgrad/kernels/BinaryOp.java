package dev.jgrad.kernels;

/** Elementwise z = f(x, y). The comparison ops produce 1 or 0. */
public enum BinaryOp {
    ADD, SUB, MUL, DIV, MAX, MIN, POW,
    /** x &gt; y */ GT,
    /** x &lt; y */ LT,
    /** x == y */ EQ,
    /** y &gt; 0 ? x : 0: a gradient x let through where y, a ReLU's input, was positive */ GATE
}
