package dev.jgrad.autograd;

import dev.jgrad.Tensor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A user-defined differentiable operation: the forward computation and its backward rule, like
 * {@code torch.autograd.Function}.
 *
 * <pre>{@code
 * class Cube extends Function {
 *     protected Tensor forward(Context ctx, Tensor... in) {
 *         ctx.save(in[0]);
 *         return in[0].mul(in[0]).mul(in[0]);
 *     }
 *     protected Tensor[] backward(Context ctx, Tensor g) {
 *         Tensor x = ctx.saved(0);
 *         return new Tensor[] {g.mul(x.mul(x)).mul(3)};
 *     }
 * }
 * Tensor y = new Cube().apply(x);
 * }</pre>
 * The forward runs with recording off; the backward runs with recording on only when a higher
 * derivative is requested, so writing it with Tensor operations makes it twice differentiable.
 */
public abstract class Function {

    protected abstract Tensor forward(Context ctx, Tensor... inputs);

    /** One gradient per input, in order; null for an input that gets none. */
    protected abstract Tensor[] backward(Context ctx, Tensor gradOutput);

    /** The name shown in errors and graph pictures. */
    public String name() {
        return getClass().getSimpleName();
    }

    public final Tensor apply(Tensor... inputs) {
        Context ctx = new Context();
        Tensor out;
        try (var noGrad = GradMode.set(false)) {
            out = forward(ctx, inputs);
        }
        for (Tensor in : inputs) if (in == out) out = out.alias(); // the output must be a tensor of its own
        return Graph.record(name(), out, ctx.saved, g -> backward(ctx, g), true, inputs);
    }

    /** What forward leaves for backward. */
    public static final class Context {
        private final List<Tensor> saved = new ArrayList<>();
        private final Map<String, Object> values = new HashMap<>();

        public void save(Tensor... tensors) {
            saved.addAll(List.of(tensors));
        }

        public Tensor saved(int i) {
            return saved.get(i);
        }

        public void put(String key, Object value) {
            values.put(key, value);
        }

        @SuppressWarnings("unchecked")
        public <T> T get(String key) {
            return (T) values.get(key);
        }
    }
}
