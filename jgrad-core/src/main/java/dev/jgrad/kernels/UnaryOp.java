package dev.jgrad.kernels;

/**
 * Elementwise maps y = f(x; a, b). The parameters a and b are used only by the ops that name them.
 * The comparison ops produce 1 or 0 and exist for the masks that backward rules need.
 */
public enum UnaryOp {
    /** x */ COPY,
    /** -x */ NEG,
    /** e^x */ EXP,
    /** ln x */ LOG,
    /** sqrt x */ SQRT,
    /** |x| */ ABS,
    /** sign(x) in {-1, 0, 1} */ SIGN,
    /** tanh x */ TANH,
    /** 1 / (1 + e^-x) */ SIGMOID,
    /** max(x, 0) */ RELU,
    /** x &gt; 0 ? x : a x */ LEAKY_RELU,
    /** x + a */ ADD_SCALAR,
    /** a x */ MUL_SCALAR,
    /** a / x */ RDIV_SCALAR,
    /** x^a */ POW,
    /** min(max(x, a), b) */ CLAMP,
    /** x &gt; a ? 1 : 0 */ GT_SCALAR,
    /** a &lt;= x &lt;= b ? 1 : 0 */ IN_RANGE,
    /** x &gt; 0 ? 1 : a (the derivative of leaky ReLU) */ STEP,
    /** sin x */ SIN,
    /** cos x */ COS
}
