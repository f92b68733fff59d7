package dev.jgrad.ops;

import dev.jgrad.Tensor;
import dev.jgrad.autograd.Graph;
import dev.jgrad.tensor.DType;
import dev.jgrad.tensor.Shape;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static dev.jgrad.ops.Elementwise.grads;

/**
 * Shape operations. Reshape of contiguous data, transpose, permute, squeeze, unsqueeze, expand
 * and narrow are views over the same storage; cat and copies allocate. The backward of each is
 * the inverse shape operation.
 */
public final class Views {
    private Views() {}

    private static Tensor view(Tensor x, int[] shape, int[] strides, int offset) {
        return Tensor.create(x.storage(), shape, strides, offset);
    }

    public static Tensor reshape(Tensor x, int... newShape) {
        int[] shape = inferShape(x, newShape);
        int[] from = x.shape();
        if (Arrays.equals(shape, from)) return x;
        Tensor src = x.isContiguous() ? x : copy(x);
        Tensor y = view(src, shape, Shape.contiguousStrides(shape), src.storageOffset());
        return Graph.record("reshape", y, g -> grads(g.reshape(from)), src);
    }

    private static int[] inferShape(Tensor x, int[] newShape) {
        int[] shape = newShape.clone();
        int infer = -1;
        long known = 1;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] == -1) {
                if (infer >= 0) throw new IllegalArgumentException("reshape: only one dimension can be -1 in " + Arrays.toString(newShape));
                infer = i;
            } else if (shape[i] < 0) {
                throw new IllegalArgumentException("reshape: negative dimension in " + Arrays.toString(newShape));
            } else {
                known *= shape[i];
            }
        }
        int n = x.numel();
        if (infer >= 0) {
            if (known == 0 || n % known != 0)
                throw new IllegalArgumentException("reshape: cannot reshape " + Arrays.toString(x.shape()) + " (" + n
                        + " elements) into " + Arrays.toString(newShape));
            shape[infer] = (int) (n / known);
        } else if (known != n) {
            throw new IllegalArgumentException("reshape: cannot reshape " + Arrays.toString(x.shape()) + " (" + n
                    + " elements) into " + Arrays.toString(newShape) + " (" + known + " elements)");
        }
        return shape;
    }

    public static Tensor flatten(Tensor x, int start, int end) {
        int rank = x.dim();
        if (rank == 0) return reshape(x, 1);
        int s = Shape.normalizeDim("flatten", start, rank), e = Shape.normalizeDim("flatten", end, rank);
        if (s > e) throw new IllegalArgumentException("flatten: start dim " + start + " comes after end dim " + end);
        int[] shape = x.shape();
        int[] out = new int[rank - (e - s)];
        int k = 0;
        for (int i = 0; i < s; i++) out[k++] = shape[i];
        int merged = 1;
        for (int i = s; i <= e; i++) merged *= shape[i];
        out[k++] = merged;
        for (int i = e + 1; i < rank; i++) out[k++] = shape[i];
        return reshape(x, out);
    }

    public static Tensor transpose(Tensor x, int dim0, int dim1) {
        int rank = x.dim();
        int a = Shape.normalizeDim("transpose", dim0, rank), b = Shape.normalizeDim("transpose", dim1, rank);
        if (rank == 0 || a == b) return x;
        int[] perm = new int[rank];
        for (int i = 0; i < rank; i++) perm[i] = i;
        perm[a] = b;
        perm[b] = a;
        return permuteView("transpose", x, perm, g -> grads(g.transpose(a, b)));
    }

    public static Tensor permute(Tensor x, int... dims) {
        int rank = x.dim();
        if (dims.length != rank)
            throw new IllegalArgumentException("permute: " + Arrays.toString(dims) + " does not list the " + rank
                    + " dims of shape " + Arrays.toString(x.shape()));
        int[] perm = new int[rank];
        boolean[] seen = new boolean[rank];
        for (int i = 0; i < rank; i++) {
            perm[i] = Shape.normalizeDim("permute", dims[i], rank);
            if (seen[perm[i]]) throw new IllegalArgumentException("permute: dim " + dims[i] + " repeats in " + Arrays.toString(dims));
            seen[perm[i]] = true;
        }
        int[] inverse = new int[rank];
        for (int i = 0; i < rank; i++) inverse[perm[i]] = i;
        return permuteView("permute", x, perm, g -> grads(g.permute(inverse)));
    }

    private static Tensor permuteView(String name, Tensor x, int[] perm, dev.jgrad.autograd.BackwardFn rule) {
        int[] shape = x.shape(), strides = x.stride();
        int[] ns = new int[perm.length], nt = new int[perm.length];
        for (int i = 0; i < perm.length; i++) {
            ns[i] = shape[perm[i]];
            nt[i] = strides[perm[i]];
        }
        return Graph.record(name, view(x, ns, nt, x.storageOffset()), rule, x);
    }

    public static Tensor squeeze(Tensor x) {
        int[] shape = x.shape();
        int kept = 0;
        for (int s : shape) if (s != 1) kept++;
        if (kept == shape.length) return x;
        int[] ns = new int[kept], nt = new int[kept];
        int[] strides = x.stride();
        for (int i = 0, k = 0; i < shape.length; i++) {
            if (shape[i] != 1) {
                ns[k] = shape[i];
                nt[k++] = strides[i];
            }
        }
        return Graph.record("squeeze", view(x, ns, nt, x.storageOffset()), g -> grads(g.reshape(shape)), x);
    }

    public static Tensor squeeze(Tensor x, int dim) {
        int rank = x.dim();
        if (rank == 0) return x;
        int d = Shape.normalizeDim("squeeze", dim, rank);
        int[] shape = x.shape();
        if (shape[d] != 1) return x;
        int[] ns = remove(shape, d), nt = remove(x.stride(), d);
        return Graph.record("squeeze", view(x, ns, nt, x.storageOffset()), g -> grads(g.reshape(shape)), x);
    }

    public static Tensor unsqueeze(Tensor x, int dim) {
        int rank = x.dim();
        int d = Shape.normalizeDim("unsqueeze", dim, rank + 1);
        int[] shape = x.shape(), strides = x.stride();
        int[] ns = new int[rank + 1], nt = new int[rank + 1];
        for (int i = 0, k = 0; i <= rank; i++) {
            if (i == d) {
                ns[i] = 1;
                nt[i] = d < rank ? strides[d] * shape[d] : 1;
            } else {
                ns[i] = shape[k];
                nt[i] = strides[k++];
            }
        }
        return Graph.record("unsqueeze", view(x, ns, nt, x.storageOffset()), g -> grads(g.reshape(shape)), x);
    }

    private static int[] remove(int[] a, int d) {
        int[] out = new int[a.length - 1];
        for (int i = 0, k = 0; i < a.length; i++) if (i != d) out[k++] = a[i];
        return out;
    }

    public static Tensor expand(Tensor x, int... newShape) {
        int[] shape = x.shape(), strides = x.stride();
        if (newShape.length < shape.length)
            throw new IllegalArgumentException("expand: cannot expand shape " + Arrays.toString(shape) + " to fewer dims "
                    + Arrays.toString(newShape));
        int lead = newShape.length - shape.length;
        int[] ns = new int[newShape.length], nt = new int[newShape.length];
        for (int i = 0; i < newShape.length; i++) {
            int want = newShape[i];
            if (i < lead) {
                if (want < 0) throw new IllegalArgumentException("expand: -1 is not allowed for a new leading dim in " + Arrays.toString(newShape));
                ns[i] = want;
                nt[i] = 0;
                continue;
            }
            int have = shape[i - lead];
            if (want == -1 || want == have) {
                ns[i] = have;
                nt[i] = strides[i - lead];
            } else if (have == 1) {
                ns[i] = want;
                nt[i] = 0;
            } else {
                throw new IllegalArgumentException("expand: shape " + Arrays.toString(shape) + " cannot be expanded to "
                        + Arrays.toString(newShape) + " (dim " + i + " has size " + have + ", not 1)");
            }
        }
        if (Arrays.equals(ns, shape)) return x;
        return Graph.record("expand", view(x, ns, nt, x.storageOffset()), g -> grads(g.sumTo(shape)), x);
    }

    public static Tensor narrow(Tensor x, int dim, int start, int length) {
        int d = Shape.normalizeDim("narrow", dim, x.dim());
        int[] shape = x.shape();
        if (start < 0 || length < 0 || start + length > shape[d])
            throw new IllegalArgumentException("narrow: range [" + start + ", " + (start + length) + ") is outside dim " + dim
                    + " of size " + shape[d] + " (shape " + Arrays.toString(shape) + ")");
        if (start == 0 && length == shape[d]) return x;
        int[] ns = shape.clone();
        ns[d] = length;
        Tensor y = view(x, ns, x.stride(), x.storageOffset() + start * x.stride()[d]);
        return Graph.record("narrow", y, g -> grads(embed(g, shape, d, start)), x);
    }

    /** The inverse of narrow: g placed at [start, start + len) of dim d in zeros of the given shape. */
    static Tensor embed(Tensor g, int[] shape, int d, int start) {
        Tensor out = Tensor.zeros(g.dtype(), shape);
        int len = g.shape()[d];
        Strided.copy(g, view(out, g.shape(), out.stride(), start * out.stride()[d]));
        return Graph.record("pad", out, gg -> grads(gg.narrow(d, start, len)), g);
    }

    public static Tensor select(Tensor x, int dim, int index) {
        int d = Shape.normalizeDim("select", dim, x.dim());
        int size = x.shape()[d];
        int i = index < 0 ? index + size : index;
        if (i < 0 || i >= size)
            throw new IllegalArgumentException("select: index " + index + " is out of range for dim " + dim + " of size " + size);
        return squeeze(narrow(x, d, i, 1), d);
    }

    public static Tensor cat(List<Tensor> tensors, int dim) {
        if (tensors.isEmpty()) throw new IllegalArgumentException("cat: no tensors given");
        Tensor first = tensors.get(0);
        int rank = first.dim();
        if (rank == 0) throw new IllegalArgumentException("cat: 0-d tensors cannot be concatenated; use stack");
        int d = Shape.normalizeDim("cat", dim, rank);
        DType dt = first.dtype();
        for (Tensor t : tensors) dt = DType.promote(dt, t.dtype());
        int[] shape = first.shape();
        int total = 0;
        for (int k = 0; k < tensors.size(); k++) {
            int[] s = tensors.get(k).shape();
            boolean ok = s.length == rank;
            for (int i = 0; ok && i < rank; i++) ok = i == d || s[i] == shape[i];
            if (!ok)
                throw new IllegalArgumentException("cat: tensor " + k + " has shape " + Arrays.toString(s)
                        + ", which does not match " + Arrays.toString(shape) + " outside dim " + d);
            total += s[d];
        }
        int[] outShape = shape.clone();
        outShape[d] = total;
        Tensor out = Tensor.empty(dt, outShape);
        List<Tensor> inputs = new ArrayList<>();
        int[] starts = new int[tensors.size()], lengths = new int[tensors.size()];
        int at = 0;
        for (int k = 0; k < tensors.size(); k++) {
            Tensor t = dt.isFloating() ? tensors.get(k).to(dt) : tensors.get(k);
            int len = t.shape()[d];
            Strided.copy(t, view(out, t.shape(), out.stride(), at * out.stride()[d]));
            starts[k] = at;
            lengths[k] = len;
            at += len;
            inputs.add(t);
        }
        if (!dt.isFloating()) return out;
        return Graph.record("cat", out, g -> {
            Tensor[] parts = new Tensor[starts.length];
            for (int k = 0; k < parts.length; k++) parts[k] = g.narrow(d, starts[k], lengths[k]);
            return parts;
        }, inputs.toArray(Tensor[]::new));
    }

    public static Tensor stack(List<Tensor> tensors, int dim) {
        if (tensors.isEmpty()) throw new IllegalArgumentException("stack: no tensors given");
        int[] shape = tensors.get(0).shape();
        int d = Shape.normalizeDim("stack", dim, shape.length + 1);
        List<Tensor> parts = new ArrayList<>(tensors.size());
        for (int k = 0; k < tensors.size(); k++) {
            Tensor t = tensors.get(k);
            if (!Arrays.equals(t.shape(), shape))
                throw new IllegalArgumentException("stack: tensor " + k + " has shape " + Arrays.toString(t.shape())
                        + ", expected " + Arrays.toString(shape));
            parts.add(t.unsqueeze(d));
        }
        return cat(parts, d);
    }

    /** A contiguous copy with storage of its own. */
    public static Tensor copy(Tensor x) {
        Tensor y = Strided.materialize(x, x.dtype());
        return Graph.record("contiguous", y, g -> grads(g), x);
    }
}
