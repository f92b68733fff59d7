package dev.jgrad.optim;

import dev.jgrad.Tensor;
import dev.jgrad.kernels.UnaryOp;
import dev.jgrad.ops.Strided;

/** In-place elementwise updates that Tensor does not offer directly; each is one kernel pass. */
final class InPlace {
    private InPlace() {}

    /** t = sqrt(t). */
    static Tensor sqrt(Tensor t) {
        return Strided.inPlaceScalar("sqrt", t, UnaryOp.SQRT, 0);
    }

    /** t = 1 / t. */
    static Tensor reciprocal(Tensor t) {
        return Strided.inPlaceScalar("reciprocal", t, UnaryOp.RDIV_SCALAR, 1);
    }

    /** t = a * b (t may be a or b). */
    static Tensor product(Tensor t, Tensor a, Tensor b) {
        if (t != a) t.copyFrom(a);
        return t.mulInPlace(b);
    }
}
