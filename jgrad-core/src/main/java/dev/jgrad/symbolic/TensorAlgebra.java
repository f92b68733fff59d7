package dev.jgrad.symbolic;

import dev.jgrad.Tensor;

import java.util.List;

/**
 * Evaluates a symbolic expression as tensor operations, so that autograd records it: the bridge
 * between {@link Expression#fold} and {@link Tensor}. Constants are float64 0-d tensors; with
 * tensor variables of any shape the expression is applied elementwise, with broadcasting.
 */
public final class TensorAlgebra implements Expression.Algebra<Tensor> {
    public static final TensorAlgebra INSTANCE = new TensorAlgebra();

    private TensorAlgebra() {}

    @Override
    public Tensor constant(double value) {
        return Tensor.scalar(value);
    }

    @Override
    public Tensor add(Tensor a, Tensor b) {
        return a.add(b);
    }

    @Override
    public Tensor sub(Tensor a, Tensor b) {
        return a.sub(b);
    }

    @Override
    public Tensor mul(Tensor a, Tensor b) {
        return a.mul(b);
    }

    @Override
    public Tensor div(Tensor a, Tensor b) {
        return a.div(b);
    }

    @Override
    public Tensor pow(Tensor base, double exponent) {
        return base.pow(exponent);
    }

    @Override
    public Tensor pow(Tensor base, Tensor exponent) {
        return base.pow(exponent);
    }

    @Override
    public Tensor neg(Tensor a) {
        return a.neg();
    }

    @Override
    public Tensor function(String name, List<Tensor> args) {
        Tensor x = args.get(0);
        return switch (name) {
            case "exp" -> x.exp();
            case "log" -> x.log();
            case "sqrt" -> x.sqrt();
            case "sin" -> x.sin();
            case "cos" -> x.cos();
            case "tanh" -> x.tanh();
            case "sigmoid" -> x.sigmoid();
            case "relu" -> x.relu();
            case "abs" -> x.abs();
            case "sign" -> x.sign();
            case "step" -> x.gt(0.0);
            case "max" -> x.maximum(args.get(1));
            case "min" -> x.minimum(args.get(1));
            default -> throw new IllegalArgumentException("no tensor operation for the function '" + name + "'");
        };
    }
}
