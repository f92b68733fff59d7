"""NumPy peer for the jgrad comparison: GEMM through np.matmul (OpenBLAS), and a multilayer
perceptron whose forward and backward passes are written out by hand.

Run with the interpreter that has Debian's python3-numpy, e.g.
  env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=2 \
      /usr/bin/python3 bench/peers/numpy_peer.py mlp --hidden 256 --batch 64 --threads 2
"""

import numpy as np

import common

try:
    from threadpoolctl import threadpool_limits
except ImportError:  # the OPENBLAS_NUM_THREADS set by compare.py then governs the threads
    threadpool_limits = None


def blas_description(threads):
    pool = common.blas_pool()
    return f"numpy {np.__version__}, " + (pool or f"BLAS with OPENBLAS_NUM_THREADS={threads}")


class Mlp:
    """784 - hidden... - 10 with ReLU between layers; weights [out, in] like jgrad and torch."""

    def __init__(self, rng, hidden):
        widths = [common.FEATURES, *hidden, common.CLASSES]
        # Uniform in +-1/sqrt(in) like torch.nn.Linear and jgrad's benchmark model.
        self.weights = [rng.uniform(-1, 1, (o, i)).astype(np.float32) / np.float32(np.sqrt(i))
                        for i, o in zip(widths[:-1], widths[1:])]
        self.biases = [np.zeros(o, dtype=np.float32) for o in widths[1:]]

    def forward(self, x):
        """Logits, and the input of every layer (what backward needs)."""
        inputs = []
        h = x
        last = len(self.weights) - 1
        for k, (w, b) in enumerate(zip(self.weights, self.biases)):
            inputs.append(h)
            h = h @ w.T + b
            if k < last:
                np.maximum(h, 0, out=h)
        return h, inputs

    def sgd_step(self, x, labels, lr):
        logits, inputs = self.forward(x)
        n = x.shape[0]
        # Softmax cross-entropy: its gradient with respect to the logits is (softmax - onehot) / n.
        shifted = logits - logits.max(axis=1, keepdims=True)
        exp = np.exp(shifted)
        total = exp.sum(axis=1, keepdims=True)
        rows = np.arange(n)
        loss = float(np.mean(np.log(total[:, 0]) - shifted[rows, labels]))
        grad = exp / total
        grad[rows, labels] -= 1
        grad /= n
        for k in range(len(self.weights) - 1, -1, -1):
            w, h = self.weights[k], inputs[k]
            grad_w = grad.T @ h
            grad_b = grad.sum(axis=0)
            if k > 0:
                # ReLU passes the gradient where its output (this layer's input) was positive.
                grad = (grad @ w) * (h > 0)
            w -= np.float32(lr) * grad_w
            self.biases[k] -= np.float32(lr) * grad_b
        return loss


def run_mlp(args):
    rng = np.random.default_rng(args.seed)
    images = rng.random((args.samples, common.FEATURES), dtype=np.float32)
    labels = rng.integers(0, common.CLASSES, args.samples)
    model = Mlp(np.random.default_rng(args.seed + 1), args.hidden)
    shuffle = np.random.default_rng(args.seed + 2)

    def epoch(limit):
        order = shuffle.permutation(args.samples)
        batches = (limit or args.samples) // args.batch
        total = 0.0
        for b in range(batches):
            idx = order[b * args.batch:(b + 1) * args.batch]
            total += model.sgd_step(images[idx], labels[idx], args.lr)
        return batches * args.batch, total / batches

    common.mlp(epoch, args, blas_description(args.threads))


def run_inference(args):
    rng = np.random.default_rng(args.seed)
    images = rng.random((1000, common.FEATURES), dtype=np.float32)
    model = Mlp(np.random.default_rng(args.seed + 1), args.hidden)
    common.inference(lambda i: model.forward(images[i % 1000:i % 1000 + 1])[0][0, 0], args,
                     blas_description(args.threads))


def run_gemm(args):
    rng = np.random.default_rng(42)
    a = rng.standard_normal((args.n, args.n), dtype=np.float32)
    b = rng.standard_normal((args.n, args.n), dtype=np.float32)
    common.gemm(np.matmul, a, b, args.n, args.threads, args.reps, blas_description(args.threads))


def main():
    args = common.parser("NumPy peer of the jgrad benchmarks").parse_args()
    runners = {"gemm": run_gemm, "mlp": run_mlp, "inference": run_inference}
    if args.workload not in runners:
        raise SystemExit(f"numpy_peer: no '{args.workload}' workload: NumPy has no autograd to measure")
    if threadpool_limits is not None:
        with threadpool_limits(limits=args.threads, user_api="blas"):
            runners[args.workload](args)
    else:
        runners[args.workload](args)


if __name__ == "__main__":
    main()
