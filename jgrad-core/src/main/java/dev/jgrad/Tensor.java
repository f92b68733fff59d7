package dev.jgrad;

import dev.jgrad.autograd.Autograd;
import dev.jgrad.autograd.AutogradMeta;
import dev.jgrad.autograd.GradMode;
import dev.jgrad.autograd.Node;
import dev.jgrad.ops.CrossEntropy;
import dev.jgrad.ops.Elementwise;
import dev.jgrad.ops.Indexing;
import dev.jgrad.ops.LinearAlgebra;
import dev.jgrad.ops.Reductions;
import dev.jgrad.ops.Softmax;
import dev.jgrad.ops.Strided;
import dev.jgrad.ops.Views;
import dev.jgrad.tensor.DType;
import dev.jgrad.tensor.Format;
import dev.jgrad.tensor.Generator;
import dev.jgrad.tensor.Shape;
import dev.jgrad.tensor.Storage;
import dev.jgrad.kernels.BinaryOp;
import dev.jgrad.kernels.UnaryOp;

import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * An n-dimensional array that can record the operations applied to it and backpropagate
 * through them. Data lives in a {@link Storage} addressed by shape, strides and offset, so
 * reshape, transpose, narrow and expand are views that copy nothing.
 *
 * <pre>{@code
 * Tensor x = Tensor.scalar(-2.0).requiresGrad(true);
 * Tensor y = Tensor.scalar(5.0).requiresGrad(true);
 * Tensor z = Tensor.scalar(-4.0).requiresGrad(true);
 * Tensor f = x.add(y).mul(z);   // -12
 * f.backward();                 // x.grad() = -4, y.grad() = -4, z.grad() = 3
 * }</pre>
 *
 * This class is the thin front: each operation lives, forward and backward side by side, in a
 * class of {@code dev.jgrad.ops}.
 */
public final class Tensor {
    private final Storage storage;
    private final int[] shape;
    private final int[] strides;
    private final int offset;
    private AutogradMeta meta;
    private String label;

    private Tensor(Storage storage, int[] shape, int[] strides, int offset) {
        this.storage = storage;
        this.shape = shape;
        this.strides = strides;
        this.offset = offset;
    }

    // ---------------------------------------------------------------- factories

    /**
     * A tensor over an existing storage (no copy). Low-level: the caller guarantees that every
     * element addressed by shape, strides and offset lies inside the storage; this is checked.
     */
    public static Tensor create(Storage storage, int[] shape, int[] strides, int offset) {
        if (shape.length != strides.length)
            throw new IllegalArgumentException("create: shape " + Arrays.toString(shape) + " and strides "
                    + Arrays.toString(strides) + " differ in rank");
        int n = Shape.numel(shape);
        if (n > 0) {
            long lo = offset, hi = offset;
            for (int i = 0; i < shape.length; i++) {
                long span = (long) (shape[i] - 1) * strides[i];
                if (span < 0) lo += span; else hi += span;
            }
            if (lo < 0 || hi >= storage.size())
                throw new IllegalArgumentException("create: shape " + Arrays.toString(shape) + " with strides "
                        + Arrays.toString(strides) + " at offset " + offset + " reaches outside a storage of "
                        + storage.size() + " elements");
        }
        return new Tensor(storage, shape.clone(), strides.clone(), offset);
    }

    /** A fresh contiguous tensor over a storage of exactly numel(shape) elements. */
    public static Tensor contiguous(Storage storage, int... shape) {
        int n = Shape.numel(shape);
        if (storage.size() != n)
            throw new IllegalArgumentException("tensor: " + storage.size() + " values do not fill shape "
                    + Arrays.toString(shape) + " (" + n + " elements)");
        return new Tensor(storage, shape.clone(), Shape.contiguousStrides(shape), 0);
    }

    /** float32 data; with no shape, a 1-D tensor. The array is copied. */
    public static Tensor of(float[] data, int... shape) {
        return contiguous(Storage.of(data.clone()), shape.length == 0 ? new int[] {data.length} : shape);
    }

    /** float64 data; with no shape, a 1-D tensor. The array is copied. */
    public static Tensor of(double[] data, int... shape) {
        return contiguous(Storage.of(data.clone()), shape.length == 0 ? new int[] {data.length} : shape);
    }

    /** int64 data (indices, labels); with no shape, a 1-D tensor. */
    public static Tensor of(long[] data, int... shape) {
        return contiguous(Storage.of(data.clone()), shape.length == 0 ? new int[] {data.length} : shape);
    }

    /** int64 data (indices, labels); with no shape, a 1-D tensor. */
    public static Tensor of(int[] data, int... shape) {
        long[] longs = new long[data.length];
        for (int i = 0; i < data.length; i++) longs[i] = data[i];
        return contiguous(Storage.of(longs), shape.length == 0 ? new int[] {data.length} : shape);
    }

    /** A 0-d float64 tensor. */
    public static Tensor scalar(double value) {
        return contiguous(Storage.of(new double[] {value}));
    }

    /** A 0-d tensor of the given type. */
    public static Tensor scalar(double value, DType dtype) {
        return full(dtype, value);
    }

    /** Uninitialized-by-contract (actually zeroed) contiguous tensor. */
    public static Tensor empty(DType dtype, int... shape) {
        return contiguous(Storage.allocate(dtype, Shape.numel(shape)), shape);
    }

    public static Tensor zeros(int... shape) {
        return empty(DType.FLOAT32, shape);
    }

    public static Tensor zeros(DType dtype, int... shape) {
        return empty(dtype, shape);
    }

    public static Tensor ones(int... shape) {
        return full(DType.FLOAT32, 1, shape);
    }

    public static Tensor ones(DType dtype, int... shape) {
        return full(dtype, 1, shape);
    }

    public static Tensor full(double value, int... shape) {
        return full(DType.FLOAT32, value, shape);
    }

    public static Tensor full(DType dtype, double value, int... shape) {
        Tensor t = empty(dtype, shape);
        if (value != 0) Strided.fill(t.storage, 0, t.numel(), value);
        return t;
    }

    public static Tensor zerosLike(Tensor t) {
        return empty(t.dtype(), t.shape);
    }

    public static Tensor onesLike(Tensor t) {
        return full(t.dtype(), 1, t.shape);
    }

    public static Tensor fullLike(Tensor t, double value) {
        return full(t.dtype(), value, t.shape);
    }

    /** 0, 1, ..., n-1 as int64. */
    public static Tensor arange(int n) {
        long[] v = new long[n];
        for (int i = 0; i < n; i++) v[i] = i;
        return contiguous(Storage.of(v), n);
    }

    /** start, start+step, ... below end, as float32. */
    public static Tensor arange(double start, double end, double step) {
        if (step == 0 || (end - start) / step < 0)
            throw new IllegalArgumentException("arange: step " + step + " does not lead from " + start + " to " + end);
        int n = (int) Math.ceil((end - start) / step);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) (start + i * step);
        return contiguous(Storage.of(v), n);
    }

    /** The n x n identity, float32. */
    public static Tensor eye(int n) {
        return eye(DType.FLOAT32, n);
    }

    public static Tensor eye(DType dtype, int n) {
        Tensor t = empty(dtype, n, n);
        for (int i = 0; i < n; i++) t.storage.set(i * n + i, 1);
        return t;
    }

    /** Uniform in [0, 1), float32. */
    public static Tensor rand(Generator gen, int... shape) {
        return rand(DType.FLOAT32, gen, shape);
    }

    public static Tensor rand(DType dtype, Generator gen, int... shape) {
        Tensor t = empty(dtype, shape);
        for (int i = 0, n = t.numel(); i < n; i++) t.storage.set(i, gen.nextDouble());
        return t;
    }

    public static Tensor rand(long seed, int... shape) {
        return rand(new Generator(seed), shape);
    }

    /** Standard normal, float32. */
    public static Tensor randn(Generator gen, int... shape) {
        return randn(DType.FLOAT32, gen, shape);
    }

    public static Tensor randn(DType dtype, Generator gen, int... shape) {
        Tensor t = empty(dtype, shape);
        for (int i = 0, n = t.numel(); i < n; i++) t.storage.set(i, gen.nextGaussian());
        return t;
    }

    public static Tensor randn(long seed, int... shape) {
        return randn(new Generator(seed), shape);
    }

    // ---------------------------------------------------------------- layout and data

    public int[] shape() {
        return shape.clone();
    }

    /** The size of one dimension; negative dims count from the end. */
    public int size(int dim) {
        return shape[Shape.normalizeDim("size", dim, shape.length)];
    }

    public int dim() {
        return shape.length;
    }

    public int numel() {
        return Shape.numel(shape);
    }

    public DType dtype() {
        return storage.dtype();
    }

    public int[] stride() {
        return strides.clone();
    }

    public int storageOffset() {
        return offset;
    }

    public Storage storage() {
        return storage;
    }

    public boolean isContiguous() {
        return Shape.isContiguous(shape, strides);
    }

    /** The elements in row-major order, converted to float. */
    public float[] toFloatArray() {
        Tensor c = contiguous();
        if (c.dtype() == DType.FLOAT32 && c.offset == 0 && c.storage.size() == c.numel()) return c.storage.floats().clone();
        float[] out = new float[numel()];
        for (int i = 0; i < out.length; i++) out[i] = (float) c.storage.get(c.offset + i);
        return out;
    }

    /** The elements in row-major order, converted to double. */
    public double[] toDoubleArray() {
        Tensor c = contiguous();
        double[] out = new double[numel()];
        for (int i = 0; i < out.length; i++) out[i] = c.storage.get(c.offset + i);
        return out;
    }

    /** The elements in row-major order, converted to long. */
    public long[] toLongArray() {
        Tensor c = contiguous();
        long[] out = new long[numel()];
        for (int i = 0; i < out.length; i++) out[i] = (long) c.storage.get(c.offset + i);
        return out;
    }

    /** The value of a one-element tensor. */
    public double item() {
        if (numel() != 1)
            throw new IllegalStateException("item: only a one-element tensor has an item, got shape " + Arrays.toString(shape));
        return storage.get(offset);
    }

    /** The element at a full index. */
    public double get(int... index) {
        return storage.get(elementOffset("get", index));
    }

    /** Writes one element in place (a version bump, like every in-place write). */
    public Tensor set(double value, int... index) {
        checkInPlace("set");
        storage.set(elementOffset("set", index), value);
        storage.bumpVersion();
        return this;
    }

    private int elementOffset(String op, int[] index) {
        if (index.length != shape.length)
            throw new IllegalArgumentException(op + ": index " + Arrays.toString(index) + " has " + index.length
                    + " components for a tensor of shape " + Arrays.toString(shape));
        int o = offset;
        for (int i = 0; i < index.length; i++) {
            int k = index[i] < 0 ? index[i] + shape[i] : index[i];
            if (k < 0 || k >= shape[i])
                throw new IndexOutOfBoundsException(op + ": index " + Arrays.toString(index) + " is out of bounds for shape "
                        + Arrays.toString(shape));
            o += k * strides[i];
        }
        return o;
    }

    /** True when no element is NaN or infinite. */
    public boolean isFinite() {
        return Strided.allFinite(this);
    }

    /** Same shape and |a - b| <= atol + rtol |b| everywhere (NaNs never match). */
    public boolean allClose(Tensor other, double rtol, double atol) {
        if (!Arrays.equals(shape, other.shape)) return false;
        double[] a = toDoubleArray(), b = other.toDoubleArray();
        for (int i = 0; i < a.length; i++) {
            if (!(Math.abs(a[i] - b[i]) <= atol + rtol * Math.abs(b[i]))) {
                if (a[i] == b[i]) continue; // equal infinities
                return false;
            }
        }
        return true;
    }

    public boolean allClose(Tensor other) {
        return allClose(other, 1e-5, 1e-8);
    }

    // ---------------------------------------------------------------- autograd

    /** The gradient bookkeeping; created on first use. */
    public AutogradMeta autogradMeta() {
        if (meta == null) meta = new AutogradMeta();
        return meta;
    }

    public boolean requiresGrad() {
        return meta != null && meta.requiresGrad();
    }

    /** Marks this leaf as a variable whose gradient is wanted; returns this. */
    public Tensor requiresGrad(boolean value) {
        autogradMeta().setRequiresGrad(this, value);
        return this;
    }

    /** The accumulated gradient, or null before any backward reached this tensor. */
    public Tensor grad() {
        return meta == null ? null : meta.grad();
    }

    public void setGrad(Tensor grad) {
        if (grad != null && !Arrays.equals(grad.shape, shape))
            throw new IllegalArgumentException("setGrad: gradient of shape " + Arrays.toString(grad.shape)
                    + " for a tensor of shape " + Arrays.toString(shape));
        autogradMeta().setGrad(grad);
    }

    /** Clears the accumulated gradient (sets it to null, PyTorch's default). */
    public void zeroGrad() {
        zeroGrad(true);
    }

    /**
     * Clears the accumulated gradient: sets it to null, or with {@code setToNone} false fills it
     * with zeros and keeps it, like PyTorch's {@code zero_grad(set_to_none=False)}. A kept buffer
     * is written in place by the next backward (a linear layer's weight gradient is accumulated
     * straight into it), so a training loop stops allocating a weight-sized array per step.
     * Anyone holding the old grad tensor then sees it change.
     */
    public void zeroGrad(boolean setToNone) {
        if (meta == null) return;
        Tensor g = meta.grad();
        if (setToNone || g == null || g.requiresGrad()) {
            meta.setGrad(null);
        } else {
            g.zero();
        }
    }

    /** The operation that produced this tensor, or null for a leaf. */
    public Node gradFn() {
        return meta == null ? null : meta.gradFn();
    }

    public boolean isLeaf() {
        return gradFn() == null;
    }

    /** Keeps the gradient of this non-leaf in {@code grad()} at the next backward. */
    public Tensor retainGrad() {
        autogradMeta().retainGrad();
        return this;
    }

    /** Calls {@code hook} with the gradient as it flows through; a non-null result replaces it. */
    public Tensor registerHook(UnaryOperator<Tensor> hook) {
        autogradMeta().addHook(hook);
        return this;
    }

    /** Backpropagates from this one-element tensor. */
    public void backward() {
        Autograd.backward(this, null, false, false);
    }

    /** Backpropagates {@code gradient} (the shape of this tensor) from this tensor. */
    public void backward(Tensor gradient) {
        Autograd.backward(this, gradient, false, false);
    }

    public void backward(Tensor gradient, boolean retainGraph) {
        Autograd.backward(this, gradient, retainGraph, false);
    }

    /** The same data, cut from the graph. */
    public Tensor detach() {
        return alias();
    }

    /** A new tensor object over the same data, with no autograd state. */
    public Tensor alias() {
        Tensor t = new Tensor(storage, shape, strides, offset);
        t.label = label;
        return t;
    }

    /** A scope in which nothing is recorded: {@code try (var g = Tensor.noGrad()) {...}}. */
    public static GradMode.Scope noGrad() {
        return GradMode.set(false);
    }

    /** A name shown in graph pictures and printouts. */
    public Tensor label(String name) {
        this.label = name;
        return this;
    }

    public String label() {
        return label;
    }

    // ---------------------------------------------------------------- elementwise

    public Tensor add(Tensor other) { return Elementwise.binary(BinaryOp.ADD, this, other); }
    public Tensor sub(Tensor other) { return Elementwise.binary(BinaryOp.SUB, this, other); }
    public Tensor mul(Tensor other) { return Elementwise.binary(BinaryOp.MUL, this, other); }
    public Tensor div(Tensor other) { return Elementwise.binary(BinaryOp.DIV, this, other); }
    public Tensor maximum(Tensor other) { return Elementwise.binary(BinaryOp.MAX, this, other); }
    public Tensor minimum(Tensor other) { return Elementwise.binary(BinaryOp.MIN, this, other); }
    /** Elementwise power with a tensor exponent (the base must be positive where the exponent is not an integer). */
    public Tensor pow(Tensor exponent) { return Elementwise.binary(BinaryOp.POW, this, exponent); }

    public Tensor add(double s) { return Elementwise.unary(UnaryOp.ADD_SCALAR, this, s, 0); }
    public Tensor sub(double s) { return Elementwise.unary(UnaryOp.ADD_SCALAR, this, -s, 0); }
    public Tensor mul(double s) { return Elementwise.unary(UnaryOp.MUL_SCALAR, this, s, 0); }
    public Tensor div(double s) { return Elementwise.unary(UnaryOp.MUL_SCALAR, this, 1 / s, 0); }
    /** s - this. */
    public Tensor rsub(double s) { return Elementwise.unary(UnaryOp.NEG, this, 0, 0).add(s); }
    /** s / this. */
    public Tensor rdiv(double s) { return Elementwise.unary(UnaryOp.RDIV_SCALAR, this, s, 0); }
    public Tensor pow(double p) { return Elementwise.unary(UnaryOp.POW, this, p, 0); }
    public Tensor neg() { return Elementwise.unary(UnaryOp.NEG, this, 0, 0); }
    public Tensor exp() { return Elementwise.unary(UnaryOp.EXP, this, 0, 0); }
    public Tensor log() { return Elementwise.unary(UnaryOp.LOG, this, 0, 0); }
    public Tensor sqrt() { return Elementwise.unary(UnaryOp.SQRT, this, 0, 0); }
    public Tensor abs() { return Elementwise.unary(UnaryOp.ABS, this, 0, 0); }
    public Tensor sign() { return Elementwise.unary(UnaryOp.SIGN, this, 0, 0); }
    public Tensor tanh() { return Elementwise.unary(UnaryOp.TANH, this, 0, 0); }
    public Tensor sigmoid() { return Elementwise.unary(UnaryOp.SIGMOID, this, 0, 0); }
    public Tensor relu() { return Elementwise.unary(UnaryOp.RELU, this, 0, 0); }
    public Tensor leakyRelu(double slope) { return Elementwise.unary(UnaryOp.LEAKY_RELU, this, slope, 0); }
    public Tensor sin() { return Elementwise.unary(UnaryOp.SIN, this, 0, 0); }
    public Tensor cos() { return Elementwise.unary(UnaryOp.COS, this, 0, 0); }
    public Tensor clamp(double min, double max) { return Elementwise.unary(UnaryOp.CLAMP, this, min, max); }

    /** 1 where this &gt; other, else 0 (not differentiable). */
    public Tensor gt(Tensor other) { return Elementwise.compare(BinaryOp.GT, this, other); }
    public Tensor lt(Tensor other) { return Elementwise.compare(BinaryOp.LT, this, other); }
    public Tensor eq(Tensor other) { return Elementwise.compare(BinaryOp.EQ, this, other); }
    public Tensor gt(double s) { return Elementwise.compare(UnaryOp.GT_SCALAR, this, s); }

    /** cond ? a : b elementwise, with broadcasting; cond is nonzero for true. */
    public static Tensor where(Tensor cond, Tensor a, Tensor b) { return Elementwise.where(cond, a, b); }

    /** A copy converted to another element type (differentiable between float types). */
    public Tensor to(DType dtype) { return Elementwise.to(this, dtype); }

    // ---------------------------------------------------------------- linear algebra

    /** Matrix product with NumPy semantics: 1-D and 2-D operands, and batches with broadcast batch dims. */
    public Tensor matmul(Tensor other) { return LinearAlgebra.matmul(this, other); }

    /**
     * this W^T + b, the fully connected layer, fused into one GEMM; bias may be null. For a few
     * input rows (up to 12) and a float32 weight that does not require grad (a frozen model), the
     * weight is packed once and kept until it is written in place, and every such call reads the
     * packed copy row by row: about twice as fast for one row, 5-10x for 2-8 rows, with the same
     * bits as those rows of a large batch.
     */
    public Tensor linear(Tensor weight, Tensor bias) { return LinearAlgebra.linear(this, weight, bias); }

    /**
     * relu(this W^T + b) as one operation, for the hidden layers of a multilayer perceptron: the
     * ReLU is applied to the layer's output in place and its gradient folded into the layer's
     * backward, saving an activation-sized array and a graph node per layer. Same values and
     * gradients as {@code linear(weight, bias).relu()}.
     */
    public Tensor linearRelu(Tensor weight, Tensor bias) { return LinearAlgebra.linearRelu(this, weight, bias); }

    /** Mean softmax cross-entropy of these [batch, classes] logits against int64 labels, fused and stable. */
    public Tensor crossEntropy(Tensor labels) { return CrossEntropy.perSample(this, labels).mean(); }

    // ---------------------------------------------------------------- shape and views

    public Tensor reshape(int... newShape) { return Views.reshape(this, newShape); }
    public Tensor view(int... newShape) { return Views.reshape(this, newShape); }
    public Tensor flatten() { return Views.reshape(this, numel()); }
    /** Merges dims start..end (inclusive) into one. */
    public Tensor flatten(int start, int end) { return Views.flatten(this, start, end); }
    public Tensor transpose(int dim0, int dim1) { return Views.transpose(this, dim0, dim1); }
    /** The transpose of a matrix. */
    public Tensor t() { return Views.transpose(this, 0, 1); }
    public Tensor permute(int... dims) { return Views.permute(this, dims); }
    public Tensor squeeze() { return Views.squeeze(this); }
    public Tensor squeeze(int dim) { return Views.squeeze(this, dim); }
    public Tensor unsqueeze(int dim) { return Views.unsqueeze(this, dim); }
    public Tensor expand(int... newShape) { return Views.expand(this, newShape); }
    /** Length elements of one dim, from start: a view. */
    public Tensor narrow(int dim, int start, int length) { return Views.narrow(this, dim, start, length); }
    /** One index of one dim, removing that dim: a view. */
    public Tensor select(int dim, int index) { return Views.select(this, dim, index); }
    public static Tensor cat(List<Tensor> tensors, int dim) { return Views.cat(tensors, dim); }
    public static Tensor stack(List<Tensor> tensors, int dim) { return Views.stack(tensors, dim); }
    /** This tensor if contiguous, else a contiguous copy (differentiable). */
    public Tensor contiguous() { return isContiguous() ? this : Views.copy(this); }
    /** Always a fresh contiguous copy with storage of its own (differentiable). */
    public Tensor contiguousCopy() { return Views.copy(this); }
    /** Sums a broadcast tensor back to a shape it was broadcast from. */
    public Tensor sumTo(int... targetShape) { return Reductions.sumTo(this, targetShape); }

    // ---------------------------------------------------------------- indexing

    /** Picks entries of one dim by an int64 index tensor. */
    public Tensor indexSelect(int dim, Tensor index) { return Indexing.indexSelect(this, dim, index); }
    /** out[i][j] = this[i][index[i][j]] (for dim 1), like torch.gather. */
    public Tensor gather(int dim, Tensor index) { return Indexing.gather(this, dim, index); }

    // ---------------------------------------------------------------- reductions

    public Tensor sum() { return Reductions.sum(this, null, false); }
    public Tensor sum(int dim, boolean keepDim) { return Reductions.sum(this, new int[] {dim}, keepDim); }
    public Tensor sum(int[] dims, boolean keepDim) { return Reductions.sum(this, dims, keepDim); }
    public Tensor mean() { return Reductions.mean(this, null, false); }
    public Tensor mean(int dim, boolean keepDim) { return Reductions.mean(this, new int[] {dim}, keepDim); }
    public Tensor mean(int[] dims, boolean keepDim) { return Reductions.mean(this, dims, keepDim); }
    public Tensor amax() { return Reductions.amax(this, null, false); }
    public Tensor amax(int dim, boolean keepDim) { return Reductions.amax(this, new int[] {dim}, keepDim); }
    public Tensor amax(int[] dims, boolean keepDim) { return Reductions.amax(this, dims, keepDim); }
    public Tensor amin() { return Reductions.amin(this, null, false); }
    public Tensor amin(int dim, boolean keepDim) { return Reductions.amin(this, new int[] {dim}, keepDim); }
    public Tensor amin(int[] dims, boolean keepDim) { return Reductions.amin(this, dims, keepDim); }
    /** Unbiased variance (divides by n - 1), like torch.var. */
    public Tensor var() { return Reductions.var(this, null, false); }
    public Tensor var(int dim, boolean keepDim) { return Reductions.var(this, new int[] {dim}, keepDim); }
    public Tensor var(int[] dims, boolean keepDim) { return Reductions.var(this, dims, keepDim); }
    public Tensor logSumExp() { return Softmax.logSumExp(this, null, false); }
    public Tensor logSumExp(int dim, boolean keepDim) { return Softmax.logSumExp(this, new int[] {dim}, keepDim); }
    public Tensor softmax(int dim) { return Softmax.softmax(this, dim); }
    public Tensor logSoftmax(int dim) { return Softmax.logSoftmax(this, dim); }
    /** Index of the largest element of the flattened tensor, int64 (not differentiable). */
    public Tensor argmax() { return Reductions.argmax(flatten(), 0, false); }
    public Tensor argmax(int dim, boolean keepDim) { return Reductions.argmax(this, dim, keepDim); }

    // ---------------------------------------------------------------- in place

    /** this += other (broadcast to this shape). For optimizers and gradient accumulation. */
    public Tensor addInPlace(Tensor other) { return Strided.inPlace("addInPlace", this, BinaryOp.ADD, other, 1); }
    /** this += alpha * other. */
    public Tensor addInPlace(Tensor other, double alpha) { return Strided.inPlace("addInPlace", this, BinaryOp.ADD, other, alpha); }
    public Tensor subInPlace(Tensor other) { return Strided.inPlace("subInPlace", this, BinaryOp.ADD, other, -1); }
    public Tensor mulInPlace(Tensor other) { return Strided.inPlace("mulInPlace", this, BinaryOp.MUL, other, 1); }
    public Tensor mulInPlace(double s) { return Strided.inPlaceScalar("mulInPlace", this, UnaryOp.MUL_SCALAR, s); }
    public Tensor addInPlace(double s) { return Strided.inPlaceScalar("addInPlace", this, UnaryOp.ADD_SCALAR, s); }
    public Tensor fill(double value) { return Strided.inPlaceFill(this, value); }
    public Tensor zero() { return Strided.inPlaceFill(this, 0); }
    /** Copies other's values (broadcast, converted) into this tensor. */
    public Tensor copyFrom(Tensor other) { return Strided.copyInto(this, other); }

    /** In-place writes are not recorded, so they are refused where backward could see them. */
    public void checkInPlace(String op) {
        if (GradMode.isEnabled() && requiresGrad())
            throw new IllegalStateException(op + ": a tensor that requires grad (shape " + Arrays.toString(shape)
                    + ") cannot be changed in place while recording; do it inside Tensor.noGrad() or on detach()");
    }

    // ---------------------------------------------------------------- printing

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("tensor(");
        sb.append(Format.format(storage, shape, strides, offset, 7));
        if (dtype() != DType.FLOAT32) sb.append(", dtype=").append(dtype());
        Node fn = gradFn();
        if (fn != null) sb.append(", gradFn=").append(fn);
        else if (requiresGrad()) sb.append(", requiresGrad=true");
        return sb.append(')').toString();
    }
}
