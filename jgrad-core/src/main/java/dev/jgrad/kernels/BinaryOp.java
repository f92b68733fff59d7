package dev.jgrad.kernels;

/** Elementwise z = f(x, y). The comparison ops produce 1 or 0. */
public enum BinaryOp {
    ADD, SUB, MUL, DIV, MAX, MIN, POW,
    /** x &gt; y */ GT,
    /** x &lt; y */ LT,
    /** x == y */ EQ
}
