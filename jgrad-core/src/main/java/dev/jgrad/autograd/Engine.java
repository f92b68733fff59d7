package dev.jgrad.autograd;

import dev.jgrad.Tensor;
import dev.jgrad.tensor.Storage;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Reverse-mode differentiation: a topological sort of the recorded graph (iterative, so a chain
 * of any length fits), then one loop from the outputs back to the leaves applying each node's
 * rule and summing gradients where a value fans out.
 */
final class Engine {
    private Engine() {}

    /**
     * Backpropagates {@code rootGrads} from {@code roots}. With {@code capture} null, gradients of
     * leaves (and of tensors that retain grad) are accumulated into their {@code grad()}; otherwise
     * the gradients of the captured tensors are returned and no {@code grad()} is touched.
     */
    static Tensor[] run(Tensor[] roots, Tensor[] rootGrads, boolean retainGraph, boolean createGraph, Tensor[] capture) {
        var pass = new Pass(capture, retainGraph, createGraph);
        List<Tensor> order = topologicalOrder(roots);
        try (var mode = GradMode.set(createGraph)) {
            for (int i = 0; i < roots.length; i++) pass.grads.merge(roots[i], rootGrads[i], Tensor::add);
            for (int k = order.size() - 1; k >= 0; k--) pass.visit(order.get(k));
        }
        return pass.captured;
    }

    /**
     * One backward pass: the gradients summed so far for tensors not yet visited, and what it
     * returns. Visiting a node is a method of its own, run once per node, so the JIT compiles it
     * early in training; as the body of run()'s loop it made one large compilation (0.55 s of C2
     * time) that a training loop calling backward once per step only reached in its second epoch.
     */
    private static final class Pass {
        final Map<Tensor, Tensor> grads = new IdentityHashMap<>();
        final Tensor[] captured;
        private final Map<Tensor, Integer> captureIndex = new IdentityHashMap<>();
        private final Ownership owned;
        private final boolean retainGraph, createGraph;

        Pass(Tensor[] capture, boolean retainGraph, boolean createGraph) {
            if (capture != null) for (int i = 0; i < capture.length; i++) captureIndex.putIfAbsent(capture[i], i);
            this.captured = capture == null ? null : new Tensor[capture.length];
            this.owned = capture == null && !createGraph ? new Ownership() : null;
            this.retainGraph = retainGraph;
            this.createGraph = createGraph;
        }

        /** Hooks, then accumulation or capture, then the node's rule, whose results go to its inputs. */
        void visit(Tensor t) {
            Tensor g = grads.remove(t);
            if (g == null) return;
            AutogradMeta meta = t.autogradMeta();
            if (meta.hooks != null) for (UnaryOperator<Tensor> hook : meta.hooks) {
                Tensor replaced = hook.apply(g);
                if (replaced != null) g = replaced;
            }
            if (captured != null) {
                Integer slot = captureIndex.get(t);
                if (slot != null) captured[slot] = g;
            }
            Node node = meta.gradFn;
            if (captured == null && (node == null || meta.retainGrad))
                accumulate(meta, g, createGraph, owned != null && node == null && meta.hooks == null && owned.solelyHeld(g));
            if (node == null) return;
            boolean anomaly = GradMode.isAnomalyDetection();
            Tensor[] inputGrads;
            Tensor[] into = owned != null && !anomaly && node.accumulates() ? accumulationTargets(node) : null;
            try (var quiet = GradMode.anomalyDetection(false)) { // the rule's own ops are checked as a whole below
                inputGrads = node.runBackward(g, into);
            }
            for (int i = 0; i < inputGrads.length; i++) {
                Tensor gi = inputGrads[i];
                Tensor input = node.input(i);
                if (gi == null || !input.requiresGrad()) continue;
                if (!Arrays.equals(gi.shape(), input.shape()))
                    throw new IllegalStateException(node.name() + ": backward produced a gradient of shape "
                            + Arrays.toString(gi.shape()) + " for input " + i + " of shape " + Arrays.toString(input.shape()));
                if (gi.dtype() != input.dtype()) gi = gi.to(input.dtype());
                if (anomaly) Anomaly.checkBackward(node, i, gi);
                if (owned != null) owned.note(gi, node.userRule());
                grads.merge(input, gi, Tensor::add);
            }
            if (!retainGraph) node.release();
        }
    }

    /**
     * The grads of the node's leaf inputs that its rule may add into in place: existing, dense
     * buffers of the input's shape and type that no hook needs to see first. Null if there are none.
     */
    private static Tensor[] accumulationTargets(Node node) {
        Tensor[] into = null;
        for (int i = 0; i < node.inputCount(); i++) {
            Tensor input = node.input(i);
            AutogradMeta meta = input.autogradMeta();
            Tensor grad = meta.grad;
            if (meta.gradFn != null || !meta.requiresGrad || meta.hooks != null || grad == null || grad.requiresGrad()
                    || grad.dtype() != input.dtype() || !Arrays.equals(grad.shape(), input.shape()) || !grad.isContiguous()
                    || grad.storageOffset() != 0 || grad.numel() != grad.storage().size())
                continue;
            if (into == null) into = new Tensor[node.inputCount()];
            into[i] = grad;
        }
        return into;
    }

    private static void accumulate(AutogradMeta meta, Tensor g, boolean createGraph, boolean adopt) {
        if (createGraph) {
            meta.grad = meta.grad == null ? g : meta.grad.add(g);
        } else if (meta.grad == null) {
            // own storage: g may be a broadcast view or shared with another input
            meta.grad = adopt ? g.detach() : g.detach().contiguousCopy();
        } else {
            meta.grad.addInPlace(g.detach());
        }
    }

    /**
     * Which gradient storages this backward pass made and handed to one tensor only. Such a
     * gradient can become a leaf's grad as it is, instead of as a copy (PyTorch steals a gradient
     * whose reference count is one for the same reason): on a training step that is a
     * weight-sized allocation and copy saved per parameter. Storages made before the pass (the
     * seed, saved tensors), passed to two inputs, or returned by a user's {@link Function} are
     * never adopted.
     */
    private static final class Ownership {
        private final long start = Storage.nextSerial();
        private final Map<Storage, Integer> holders = new IdentityHashMap<>();

        void note(Tensor gradient, boolean userRule) {
            holders.merge(gradient.storage(), userRule ? 2 : 1, Integer::sum);
        }

        boolean solelyHeld(Tensor g) {
            Storage s = g.storage();
            return s.serial() >= start && holders.getOrDefault(s, 0) <= 1 && g.isContiguous()
                    && g.storageOffset() == 0 && g.numel() == s.size();
        }
    }

    /** Post-order of the tensors reachable from the roots through tensors that require grad. */
    private static List<Tensor> topologicalOrder(Tensor[] roots) {
        List<Tensor> order = new ArrayList<>();
        Map<Tensor, Boolean> seen = new IdentityHashMap<>();
        ArrayDeque<Tensor> stack = new ArrayDeque<>();
        ArrayDeque<int[]> next = new ArrayDeque<>();
        for (Tensor root : roots) {
            if (seen.put(root, Boolean.TRUE) != null) continue;
            stack.push(root);
            next.push(new int[1]);
            while (!stack.isEmpty()) {
                Tensor t = stack.peek();
                int[] cursor = next.peek();
                Node node = t.autogradMeta().gradFn;
                if (node != null && cursor[0] < node.inputCount()) {
                    Tensor child = node.input(cursor[0]++);
                    if (child.requiresGrad() && seen.put(child, Boolean.TRUE) == null) {
                        stack.push(child);
                        next.push(new int[1]);
                    }
                } else {
                    stack.pop();
                    next.pop();
                    order.add(t);
                }
            }
        }
        return order;
    }
}
