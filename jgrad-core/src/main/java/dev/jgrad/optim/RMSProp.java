package dev.jgrad.optim;

import dev.jgrad.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * RMSProp, exactly as {@code torch.optim.RMSprop}:
 * <pre>
 * g = grad + weightDecay * p
 * sq = alpha sq + (1 - alpha) g^2
 * avg = sqrt(sq) + eps, or when centered: ga = alpha ga + (1 - alpha) g, avg = sqrt(sq - ga^2) + eps
 * with momentum: buf = momentum buf + g / avg, p = p - lr buf; otherwise p = p - lr g / avg
 * </pre>
 */
public final class RMSProp extends Optimizer {
    private final double alpha;
    private final double eps;
    private final double weightDecay;
    private final double momentum;
    private final boolean centered;
    private final List<String> stateNames;

    /** PyTorch's defaults: alpha 0.99, eps 1e-8, no weight decay, no momentum, not centered. */
    public RMSProp(List<Tensor> params, double lr) {
        this(params, lr, 0.99, 1e-8, 0, 0, false);
    }

    public RMSProp(List<Tensor> params, double lr, double alpha, double eps, double weightDecay, double momentum, boolean centered) {
        super("RMSProp", params, lr);
        if (!(alpha >= 0 && alpha <= 1)) throw new IllegalArgumentException("RMSProp: alpha must be in [0, 1], got " + alpha);
        if (!(eps >= 0) || Double.isInfinite(eps)) throw new IllegalArgumentException("RMSProp: eps must be finite and >= 0, got " + eps);
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) throw new IllegalArgumentException("RMSProp: weight decay must be finite and >= 0, got " + weightDecay);
        if (!(momentum >= 0) || Double.isInfinite(momentum)) throw new IllegalArgumentException("RMSProp: momentum must be finite and >= 0, got " + momentum);
        this.alpha = alpha;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.momentum = momentum;
        this.centered = centered;
        List<String> names = new ArrayList<>(List.of("step", "square_avg"));
        if (momentum > 0) names.add("momentum_buffer");
        if (centered) names.add("grad_avg");
        this.stateNames = List.copyOf(names);
    }

    @Override
    protected List<String> stateNames() {
        return stateNames;
    }

    @Override
    protected void update(int i, Tensor p, Tensor grad) {
        Map<String, Tensor> s = state(i);
        if (s == null) s = initState(i);
        increment(s.get("step"));
        Tensor g = weightDecay == 0 ? grad : scratch(i, 1).copyFrom(grad).addInPlace(p, weightDecay);
        Tensor sq = s.get("square_avg");
        Tensor work = scratch(i, 0);
        sq.mulInPlace(alpha).addInPlace(InPlace.product(work, g, g), 1 - alpha);
        if (centered) {
            Tensor ga = s.get("grad_avg").mulInPlace(alpha).addInPlace(g, 1 - alpha);
            InPlace.product(work, ga, ga).mulInPlace(-1).addInPlace(sq); // sq - ga^2
        } else {
            work.copyFrom(sq);
        }
        InPlace.reciprocal(InPlace.sqrt(work).addInPlace(eps)).mulInPlace(g); // g / avg
        if (momentum > 0) {
            Tensor buf = s.get("momentum_buffer").mulInPlace(momentum).addInPlace(work);
            p.addInPlace(buf, -learningRate());
        } else {
            p.addInPlace(work, -learningRate());
        }
    }

    @Override
    public String toString() {
        return "RMSProp(lr=" + learningRate() + ", alpha=" + alpha + ", eps=" + eps + ", weightDecay=" + weightDecay
                + ", momentum=" + momentum + (centered ? ", centered" : "") + ")";
    }
}
