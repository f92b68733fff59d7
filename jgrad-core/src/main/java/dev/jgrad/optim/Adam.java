package dev.jgrad.optim;

import dev.jgrad.Tensor;

import java.util.List;
import java.util.Map;

/**
 * Adam, exactly as {@code torch.optim.Adam} (without amsgrad); weight decay is L2 added to the
 * gradient. Per parameter, at its t-th update:
 * <pre>
 * g = grad + weightDecay * p
 * m = beta1 m + (1 - beta1) g
 * v = beta2 v + (1 - beta2) g^2
 * p = p - lr / (1 - beta1^t) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps)
 * </pre>
 */
public class Adam extends Optimizer {
    private static final List<String> STATE = List.of("step", "exp_avg", "exp_avg_sq");
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    private final boolean decoupled;

    public Adam(List<Tensor> params, double lr) {
        this(params, lr, 0.9, 0.999, 1e-8, 0);
    }

    public Adam(List<Tensor> params, double lr, double beta1, double beta2, double eps, double weightDecay) {
        this("Adam", params, lr, beta1, beta2, eps, weightDecay, false);
    }

    /** With {@code decoupled}, weight decay shrinks the parameters directly (AdamW). */
    Adam(String name, List<Tensor> params, double lr, double beta1, double beta2, double eps, double weightDecay, boolean decoupled) {
        super(name, params, lr);
        if (!(beta1 >= 0 && beta1 < 1)) throw new IllegalArgumentException(name + ": beta1 must be in [0, 1), got " + beta1);
        if (!(beta2 >= 0 && beta2 < 1)) throw new IllegalArgumentException(name + ": beta2 must be in [0, 1), got " + beta2);
        if (!(eps >= 0) || Double.isInfinite(eps)) throw new IllegalArgumentException(name + ": eps must be finite and >= 0, got " + eps);
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) throw new IllegalArgumentException(name + ": weight decay must be finite and >= 0, got " + weightDecay);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.decoupled = decoupled;
    }

    @Override
    protected final List<String> stateNames() {
        return STATE;
    }

    @Override
    protected final void update(int i, Tensor p, Tensor grad) {
        Map<String, Tensor> s = state(i);
        if (s == null) s = initState(i);
        long t = increment(s.get("step"));
        Tensor m = s.get("exp_avg"), v = s.get("exp_avg_sq");
        Tensor work = scratch(i, 0);
        double lr = learningRate();
        Tensor g = grad;
        if (weightDecay != 0) {
            if (decoupled) p.mulInPlace(1 - lr * weightDecay);
            else g = work.copyFrom(grad).addInPlace(p, weightDecay);
        }
        m.mulInPlace(beta1).addInPlace(g, 1 - beta1);
        v.mulInPlace(beta2).addInPlace(InPlace.product(work, g, g), 1 - beta2);
        double bias1 = 1 - Math.pow(beta1, t), bias2 = 1 - Math.pow(beta2, t);
        // work = 1 / (sqrt(v) / sqrt(bias2) + eps), then m * work is the step direction
        InPlace.sqrt(work.copyFrom(v)).mulInPlace(1 / Math.sqrt(bias2)).addInPlace(eps);
        InPlace.reciprocal(work).mulInPlace(m);
        p.addInPlace(work, -lr / bias1);
    }

    public double beta1() {
        return beta1;
    }

    public double beta2() {
        return beta2;
    }

    public double eps() {
        return eps;
    }

    public double weightDecay() {
        return weightDecay;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(lr=" + learningRate() + ", betas=(" + beta1 + ", " + beta2 + "), eps=" + eps
                + ", weightDecay=" + weightDecay + ")";
    }
}
