package dev.jgrad.autograd;

import dev.jgrad.Tensor;
import dev.jgrad.kernels.BinaryOp;
import dev.jgrad.ops.Elementwise;
import dev.jgrad.tensor.DType;
import dev.jgrad.tensor.Generator;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every differentiable operation, first and second order, against central differences in
 * float64: on several shapes, 0-d, broadcasting, non-contiguous views, and a value used twice.
 */
class OpGradCheckTest {

    /** An op case: a name, the input shapes, and how to build inputs (e.g. positive for log). */
    record Case(String name, int[][] shapes, Domain domain, Function<List<Tensor>, Tensor> f) {}

    enum Domain { ANY, POSITIVE, AWAY_FROM_ZERO }

    static int[] s(int... d) {
        return d;
    }

    static Case c(String name, Domain domain, Function<List<Tensor>, Tensor> f, int[]... shapes) {
        return new Case(name, shapes, domain, f);
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        Domain any = Domain.ANY, pos = Domain.POSITIVE, nz = Domain.AWAY_FROM_ZERO;
        // binary ops: same shape, broadcasting (row, column, scalar), 0-d
        for (int[][] shapes : new int[][][] {{s(3, 4), s(3, 4)}, {s(3, 4), s(4)}, {s(3, 1), s(1, 4)}, {s(2, 3, 4), s()}, {s(), s()}}) {
            cases.add(c("add" + Arrays.deepToString(shapes), any, x -> x.get(0).add(x.get(1)), shapes));
            cases.add(c("sub" + Arrays.deepToString(shapes), any, x -> x.get(0).sub(x.get(1)), shapes));
            cases.add(c("mul" + Arrays.deepToString(shapes), any, x -> x.get(0).mul(x.get(1)), shapes));
            cases.add(c("div" + Arrays.deepToString(shapes), nz, x -> x.get(0).div(x.get(1)), shapes));
            cases.add(c("maximum" + Arrays.deepToString(shapes), any, x -> x.get(0).maximum(x.get(1)), shapes));
            cases.add(c("minimum" + Arrays.deepToString(shapes), any, x -> x.get(0).minimum(x.get(1)), shapes));
            cases.add(c("powTensor" + Arrays.deepToString(shapes), pos, x -> x.get(0).pow(x.get(1)), shapes));
            // ReLU's backward: x let through where y > 0 (nz keeps y's sign fixed within eps)
            cases.add(c("gate" + Arrays.deepToString(shapes), nz, x -> Elementwise.binary(BinaryOp.GATE, x.get(0), x.get(1)), shapes));
        }
        for (int[] shape : new int[][] {s(), s(5), s(2, 3), s(2, 3, 4)}) {
            String sh = Arrays.toString(shape);
            cases.add(c("neg" + sh, any, x -> x.get(0).neg(), shape));
            cases.add(c("exp" + sh, any, x -> x.get(0).exp(), shape));
            cases.add(c("log" + sh, pos, x -> x.get(0).log(), shape));
            cases.add(c("sqrt" + sh, pos, x -> x.get(0).sqrt(), shape));
            cases.add(c("abs" + sh, nz, x -> x.get(0).abs(), shape));
            cases.add(c("tanh" + sh, any, x -> x.get(0).tanh(), shape));
            cases.add(c("sigmoid" + sh, any, x -> x.get(0).sigmoid(), shape));
            cases.add(c("relu" + sh, nz, x -> x.get(0).relu(), shape));
            cases.add(c("leakyRelu" + sh, nz, x -> x.get(0).leakyRelu(0.1), shape));
            cases.add(c("sin" + sh, any, x -> x.get(0).sin(), shape));
            cases.add(c("cos" + sh, any, x -> x.get(0).cos(), shape));
            cases.add(c("pow3" + sh, any, x -> x.get(0).pow(3), shape));
            cases.add(c("pow-1.5" + sh, pos, x -> x.get(0).pow(-1.5), shape));
            cases.add(c("clamp" + sh, nz, x -> x.get(0).clamp(-0.5, 0.5), shape));
            cases.add(c("scalarOps" + sh, nz, x -> x.get(0).add(2).mul(3).sub(1).div(4).rsub(2).rdiv(1.5), shape));
            cases.add(c("sum" + sh, any, x -> x.get(0).sum(), shape));
            cases.add(c("mean" + sh, any, x -> x.get(0).mean(), shape));
            cases.add(c("amax" + sh, any, x -> x.get(0).amax(), shape));
            cases.add(c("amin" + sh, any, x -> x.get(0).amin(), shape));
            cases.add(c("logSumExp" + sh, any, x -> x.get(0).logSumExp(), shape));
            cases.add(c("contiguousCopy" + sh, any, x -> x.get(0).contiguousCopy().mul(x.get(0)), shape));
        }
        int[] m = s(3, 4);
        cases.add(c("var", any, x -> x.get(0).var(), s(2, 5)));
        cases.add(c("varDim", any, x -> x.get(0).var(1, true), s(3, 4)));
        for (int dim : new int[] {0, 1, -1}) {
            cases.add(c("sumDim" + dim, any, x -> x.get(0).sum(dim, false), s(3, 4)));
            cases.add(c("sumDimKeep" + dim, any, x -> x.get(0).sum(dim, true), s(3, 4)));
            cases.add(c("meanDim" + dim, any, x -> x.get(0).mean(dim, true), s(3, 4)));
            cases.add(c("amaxDim" + dim, any, x -> x.get(0).amax(dim, false), s(3, 4)));
            cases.add(c("aminDim" + dim, any, x -> x.get(0).amin(dim, true), s(3, 4)));
            cases.add(c("logSumExpDim" + dim, any, x -> x.get(0).logSumExp(dim, false), s(3, 4)));
            cases.add(c("softmax" + dim, any, x -> x.get(0).softmax(dim), s(3, 4)));
            cases.add(c("logSoftmax" + dim, any, x -> x.get(0).logSoftmax(dim), s(3, 4)));
        }
        cases.add(c("sumDims02", any, x -> x.get(0).sum(new int[] {0, 2}, false), s(2, 3, 4)));
        cases.add(c("amaxDims12", any, x -> x.get(0).amax(new int[] {1, 2}, true), s(2, 3, 4)));
        cases.add(c("softmax3d", any, x -> x.get(0).softmax(1), s(2, 3, 4)));
        // matmul: all the NumPy cases
        cases.add(c("matmul2x2", any, x -> x.get(0).matmul(x.get(1)), s(3, 4), s(4, 5)));
        cases.add(c("matmulVecVec", any, x -> x.get(0).matmul(x.get(1)), s(4), s(4)));
        cases.add(c("matmulVecMat", any, x -> x.get(0).matmul(x.get(1)), s(4), s(4, 2)));
        cases.add(c("matmulMatVec", any, x -> x.get(0).matmul(x.get(1)), s(3, 4), s(4)));
        cases.add(c("matmulBatched", any, x -> x.get(0).matmul(x.get(1)), s(2, 3, 4), s(2, 4, 5)));
        cases.add(c("matmulBroadcastBatch", any, x -> x.get(0).matmul(x.get(1)), s(2, 1, 3, 4), s(3, 4, 2)));
        cases.add(c("matmulTransposedViews", any, x -> x.get(0).t().matmul(x.get(1).t()), s(4, 3), s(5, 4)));
        // views and shape ops
        cases.add(c("reshape", any, x -> x.get(0).reshape(4, 3).mul(x.get(0).reshape(4, 3)), m));
        cases.add(c("reshapeOfTranspose", any, x -> x.get(0).t().reshape(-1), m));
        cases.add(c("flatten", any, x -> x.get(0).flatten(1, 2), s(2, 3, 4)));
        cases.add(c("transpose", any, x -> x.get(0).transpose(0, 2).exp(), s(2, 3, 4)));
        cases.add(c("permute", any, x -> x.get(0).permute(2, 0, 1).sigmoid(), s(2, 3, 4)));
        cases.add(c("squeezeUnsqueeze", any, x -> x.get(0).unsqueeze(1).squeeze(1).squeeze().unsqueeze(-1), s(3, 1, 4)));
        cases.add(c("expand", any, x -> x.get(0).expand(2, 3, 4).tanh(), s(3, 1)));
        cases.add(c("narrow", any, x -> x.get(0).narrow(1, 1, 2).mul(x.get(0).narrow(1, 0, 2)), m));
        cases.add(c("select", any, x -> x.get(0).select(0, 1).mul(x.get(0).select(1, -1).sum()), m));
        cases.add(c("cat", any, x -> Tensor.cat(List.of(x.get(0), x.get(1), x.get(0)), 1), s(3, 2), s(3, 4)));
        cases.add(c("stack", any, x -> Tensor.stack(List.of(x.get(0), x.get(1)), 1), s(3, 4), s(3, 4)));
        cases.add(c("where", any, x -> Tensor.where(x.get(0).gt(0), x.get(0).mul(x.get(1)), x.get(1)), m, s(4)));
        cases.add(c("indexSelect", any, x -> x.get(0).indexSelect(0, Tensor.of(new int[] {2, 0, 2})), m));
        cases.add(c("indexSelectDim1", any, x -> x.get(0).indexSelect(1, Tensor.of(new int[] {3, 1})), m));
        cases.add(c("gather", any, x -> x.get(0).gather(1, Tensor.of(new int[] {0, 3, 1, 1, 2, 0}, 3, 2)), m));
        cases.add(c("nonContiguousBinary", any, x -> x.get(0).t().mul(x.get(1)).add(x.get(1).t().t()), s(4, 3), s(3, 4)));
        cases.add(c("usedTwice", any, x -> x.get(0).mul(x.get(0)).add(x.get(0).exp()), m));
        cases.add(c("linear", any, x -> x.get(0).linear(x.get(1), x.get(2)), s(5, 4), s(3, 4), s(3)));
        cases.add(c("linearNoBias3d", any, x -> x.get(0).linear(x.get(1), null), s(2, 5, 4), s(3, 4)));
        cases.add(c("linearRelu", any, x -> x.get(0).linearRelu(x.get(1), x.get(2)), s(5, 4), s(3, 4), s(3)));
        cases.add(c("linearReluNoBias3d", any, x -> x.get(0).linearRelu(x.get(1), null).mul(x.get(0).sum()), s(2, 5, 4), s(3, 4)));
        cases.add(c("linearTransposedInput", any, x -> x.get(0).t().linear(x.get(1), x.get(2)), s(4, 5), s(3, 4), s(3)));
        cases.add(c("crossEntropy", any, x -> x.get(0).crossEntropy(Tensor.of(new int[] {1, 0, 3}))
                .add(dev.jgrad.ops.CrossEntropy.perSample(x.get(0).mul(2), Tensor.of(new int[] {2, 2, 0})).mul(Tensor.of(new double[] {0.5, -1, 2}))), m));
        cases.add(c("crossEntropyLike", any, x -> x.get(0).logSoftmax(1).gather(1, Tensor.of(new int[] {1, 0, 3}, 3, 1)).mean().neg(), m));
        return cases;
    }

    static List<Tensor> inputs(Case cs, long seed) {
        Generator gen = new Generator(seed);
        List<Tensor> in = new ArrayList<>();
        for (int[] shape : cs.shapes()) {
            Tensor t = Tensor.randn(DType.FLOAT64, gen, shape);
            t = switch (cs.domain()) {
                case ANY -> t;
                case POSITIVE -> t.abs().add(0.5);
                case AWAY_FROM_ZERO -> t.add(t.sign().mul(0.2)); // keep kinks of relu/abs/clamp out of reach of eps
            };
            in.add(t.detach().requiresGrad(true));
        }
        return in;
    }

    @TestFactory
    Stream<DynamicTest> firstOrder() {
        return cases().stream().map(cs -> DynamicTest.dynamicTest(cs.name(), () -> {
            GradCheck.Result r = GradCheck.check(cs.f(), inputs(cs, 42), GradCheck.Options.defaults());
            assertTrue(r.passed(), cs.name() + ": " + r);
        }));
    }

    @TestFactory
    Stream<DynamicTest> secondOrder() {
        return cases().stream().map(cs -> DynamicTest.dynamicTest(cs.name(), () -> {
            GradCheck.Result r = GradCheck.checkSecondOrder(cs.f(), inputs(cs, 7), GradCheck.Options.defaults().withTolerance(1e-5));
            assertTrue(r.passed(), cs.name() + ": " + r);
        }));
    }
}
