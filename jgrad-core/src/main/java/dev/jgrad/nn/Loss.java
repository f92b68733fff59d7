package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.autograd.Function;
import dev.jgrad.tensor.DType;
import dev.jgrad.tensor.Storage;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Loss functions, PyTorch-compatible in their definitions and defaults (mean reduction).
 * Classification losses take scores [N, C] and int64 class labels [N] in 0..C-1.
 */
public final class Loss {
    private Loss() {}

    // ---------------------------------------------------------------- classification

    /** Mean cross-entropy of softmax(logits) against the labels. */
    public static Tensor crossEntropy(Tensor logits, Tensor labels) {
        return crossEntropy(logits, labels, Reduction.MEAN);
    }

    /**
     * Cross-entropy fused as log-softmax + negative log-likelihood: per sample
     * logsumexp(x) - x[label], with the row maximum subtracted first, so logits of 1e4 give finite
     * values and gradients. The gradient is softmax(x) - onehot(label).
     */
    public static Tensor crossEntropy(Tensor logits, Tensor labels, Reduction reduction) {
        return reduction.apply(dev.jgrad.ops.CrossEntropy.perSample(logits, labels));
    }

    public static Tensor nll(Tensor logProbs, Tensor labels) {
        return nll(logProbs, labels, Reduction.MEAN);
    }

    /** Negative log-likelihood: -logProbs[i, label_i], for log-probabilities such as logSoftmax(1). */
    public static Tensor nll(Tensor logProbs, Tensor labels, Reduction reduction) {
        checkLabels("nll", logProbs, labels);
        int n = logProbs.size(0);
        return reduction.apply(logProbs.gather(1, labels.reshape(n, 1)).reshape(n).neg());
    }

    public static Tensor multiclassHinge(Tensor scores, Tensor labels) {
        return multiclassHinge(scores, labels, 1, Reduction.MEAN);
    }

    public static Tensor multiclassHinge(Tensor scores, Tensor labels, Reduction reduction) {
        return multiclassHinge(scores, labels, 1, reduction);
    }

    /**
     * The multiclass SVM loss: per sample sum over j != label of max(0, s_j - s_label + margin).
     * (PyTorch's multi_margin_loss additionally divides each sample's sum by C.)
     */
    public static Tensor multiclassHinge(Tensor scores, Tensor labels, double margin, Reduction reduction) {
        checkLabels("multiclassHinge", scores, labels);
        if (!Double.isFinite(margin)) throw new IllegalArgumentException("multiclassHinge: margin must be finite, got " + margin);
        int n = scores.size(0);
        Tensor correct = scores.gather(1, labels.reshape(n, 1));
        // the j == label term is max(0, margin), a constant: subtracting it leaves the sum over j != label
        Tensor perSample = scores.sub(correct).add(margin).relu().sum(1, false).sub(Math.max(margin, 0));
        return reduction.apply(perSample);
    }

    // ---------------------------------------------------------------- regression and binary

    public static Tensor mse(Tensor prediction, Tensor target) {
        return mse(prediction, target, Reduction.MEAN);
    }

    /** Squared error (prediction - target)^2, averaged by default as PyTorch's MSELoss. */
    public static Tensor mse(Tensor prediction, Tensor target, Reduction reduction) {
        checkSameShape("mse", prediction, target);
        Tensor d = prediction.sub(target);
        return reduction.apply(d.mul(d));
    }

    public static Tensor binaryCrossEntropyWithLogits(Tensor logits, Tensor targets) {
        return binaryCrossEntropyWithLogits(logits, targets, Reduction.MEAN);
    }

    /**
     * -[y log sigmoid(x) + (1 - y) log(1 - sigmoid(x))] computed stably as
     * max(x, 0) - x y + log(1 + e^-|x|); targets y in [0, 1], same shape as the logits.
     */
    public static Tensor binaryCrossEntropyWithLogits(Tensor logits, Tensor targets, Reduction reduction) {
        checkSameShape("binaryCrossEntropyWithLogits", logits, targets);
        return reduction.apply(new BinaryCrossEntropyWithLogits().apply(logits, targets.to(logits.dtype())));
    }

    // ---------------------------------------------------------------- regularization

    /**
     * (lambda / 2) times the sum of squares of the tensors. Its gradient is lambda * w, the same
     * as an optimizer's weight decay lambda.
     */
    public static Tensor l2Penalty(List<Tensor> parameters, double lambda) {
        if (parameters.isEmpty()) throw new IllegalArgumentException("l2Penalty: no parameters given");
        Tensor total = null;
        for (Tensor p : parameters) {
            Tensor sq = p.mul(p).sum();
            total = total == null ? sq : total.add(sq);
        }
        return total.mul(lambda / 2);
    }

    /** {@link #l2Penalty(List, double)} over the weights of a module (parameters named "weight"); biases are not penalized. */
    public static Tensor l2Penalty(Module module, double lambda) {
        List<Tensor> weights = module.namedParameters().entrySet().stream()
                .filter(e -> e.getKey().equals("weight") || e.getKey().endsWith(".weight"))
                .map(Map.Entry::getValue).toList();
        if (weights.isEmpty()) throw new IllegalArgumentException("l2Penalty: " + module.getClass().getSimpleName() + " has no weight parameters");
        return l2Penalty(weights, lambda);
    }

    // ---------------------------------------------------------------- checks

    private static long[] checkLabels(String op, Tensor scores, Tensor labels) {
        return dev.jgrad.ops.CrossEntropy.checkLabels(op, scores, labels);
    }

    private static void checkSameShape(String op, Tensor a, Tensor b) {
        if (!a.dtype().isFloating() || !b.dtype().isFloating())
            throw new IllegalArgumentException(op + ": inputs must be floating-point, got " + a.dtype() + " and " + b.dtype());
        if (!Arrays.equals(a.shape(), b.shape()))
            throw new IllegalArgumentException(op + ": prediction of shape " + Arrays.toString(a.shape())
                    + " and target of shape " + Arrays.toString(b.shape()) + " differ (no broadcasting: reshape one of them)");
    }

    // ---------------------------------------------------------------- fused operations

    /** Elementwise max(x, 0) - x y + log1p(e^-|x|); gradients (sigmoid(x) - y) and -x. */
    private static final class BinaryCrossEntropyWithLogits extends Function {
        @Override
        public String name() {
            return "binaryCrossEntropyWithLogits";
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            Tensor x = in[0], y = in[1];
            ctx.save(x, y);
            double[] xs = x.toDoubleArray(), ys = y.toDoubleArray(), out = new double[xs.length];
            for (int i = 0; i < xs.length; i++)
                out[i] = Math.max(xs[i], 0) - xs[i] * ys[i] + Math.log1p(Math.exp(-Math.abs(xs[i])));
            return Tensor.contiguous(Storage.of(out), x.shape()).to(x.dtype());
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor g) {
            Tensor x = ctx.saved(0), y = ctx.saved(1);
            return new Tensor[] {
                    x.requiresGrad() ? g.mul(x.sigmoid().sub(y)) : null,
                    y.requiresGrad() ? g.mul(x).neg() : null};
        }
    }
}
