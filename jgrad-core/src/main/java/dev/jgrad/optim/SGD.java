package dev.jgrad.optim;

import dev.jgrad.Tensor;

import java.util.List;
import java.util.Map;

/**
 * Stochastic gradient descent with optional momentum (heavy-ball or Nesterov), dampening and
 * weight decay (L2, added to the gradient), exactly as {@code torch.optim.SGD}:
 * <pre>
 * g = grad + weightDecay * p
 * buf = g                                    (first step)
 * buf = momentum * buf + (1 - dampening) * g (later steps)
 * g = nesterov ? g + momentum * buf : buf
 * p = p - lr * g
 * </pre>
 */
public final class SGD extends Optimizer {
    private static final String BUFFER = "momentum_buffer";
    private final double momentum;
    private final double dampening;
    private final boolean nesterov;
    private final double weightDecay;

    public SGD(List<Tensor> params, double lr) {
        this(params, lr, 0, 0, false, 0);
    }

    public SGD(List<Tensor> params, double lr, double momentum) {
        this(params, lr, momentum, 0, false, 0);
    }

    public SGD(List<Tensor> params, double lr, double momentum, double dampening, boolean nesterov, double weightDecay) {
        super("SGD", params, lr);
        if (!(momentum >= 0) || Double.isInfinite(momentum)) throw new IllegalArgumentException("SGD: momentum must be finite and >= 0, got " + momentum);
        if (!(dampening >= 0 && dampening <= 1)) throw new IllegalArgumentException("SGD: dampening must be in [0, 1], got " + dampening);
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) throw new IllegalArgumentException("SGD: weight decay must be finite and >= 0, got " + weightDecay);
        if (nesterov && (momentum == 0 || dampening != 0))
            throw new IllegalArgumentException("SGD: Nesterov momentum needs momentum > 0 and zero dampening");
        this.momentum = momentum;
        this.dampening = dampening;
        this.nesterov = nesterov;
        this.weightDecay = weightDecay;
    }

    @Override
    protected List<String> stateNames() {
        return momentum == 0 ? List.of() : List.of(BUFFER);
    }

    @Override
    protected void update(int i, Tensor p, Tensor grad) {
        Tensor d = grad;
        if (weightDecay != 0) d = scratch(i, 0).copyFrom(grad).addInPlace(p, weightDecay);
        if (momentum != 0) {
            Map<String, Tensor> s = state(i);
            Tensor buf;
            if (s == null) {
                buf = initState(i).get(BUFFER).copyFrom(d);
            } else {
                buf = s.get(BUFFER).mulInPlace(momentum).addInPlace(d, 1 - dampening);
            }
            if (nesterov) {
                if (d == grad) d = scratch(i, 0).copyFrom(grad);
                d.addInPlace(buf, momentum);
            } else {
                d = buf;
            }
        }
        p.addInPlace(d, -learningRate());
    }

    public double momentum() {
        return momentum;
    }

    public boolean nesterov() {
        return nesterov;
    }

    public double weightDecay() {
        return weightDecay;
    }

    @Override
    public String toString() {
        return "SGD(lr=" + learningRate() + ", momentum=" + momentum + (nesterov ? ", nesterov" : "")
                + (dampening != 0 ? ", dampening=" + dampening : "") + ", weightDecay=" + weightDecay + ")";
    }
}
