"""What every peer program shares: command line, timing summaries and the printed lines.

The lines have the same shape as the jgrad runners' (``gemm ...``, ``mlp ...``,
``overhead ...``, ``inference ...``), so compare.py parses every system the same way.
"""

import argparse
import statistics
import time

FEATURES = 784
CLASSES = 10


def parser(description):
    p = argparse.ArgumentParser(description=description)
    sub = p.add_subparsers(dest="workload", required=True)
    g = sub.add_parser("gemm", help="C = A B on square float32 matrices")
    g.add_argument("--n", type=int, default=512)
    g.add_argument("--threads", type=int, default=1)
    g.add_argument("--reps", type=int, default=5)
    m = sub.add_parser("mlp", help="MLP training throughput with plain SGD")
    m.add_argument("--hidden", type=sizes, default=[256])
    m.add_argument("--batch", type=int, default=64)
    m.add_argument("--samples", type=int, default=60000)
    m.add_argument("--epochs", type=int, default=1)
    m.add_argument("--warmup", type=int, default=1)
    m.add_argument("--warmup-samples", type=int, default=0, help="samples per warm-up epoch (0: all)")
    m.add_argument("--threads", type=int, default=1)
    m.add_argument("--lr", type=float, default=0.1)
    m.add_argument("--seed", type=int, default=1)
    o = sub.add_parser("overhead", help="per-operation cost of recording and backward")
    o.add_argument("--chain", type=int, default=10000)
    o.add_argument("--reps", type=int, default=30)
    o.add_argument("--threads", type=int, default=1)
    o.add_argument("--warmup-ms", type=int, default=2000)
    i = sub.add_parser("inference", help="batch-1 forward latency without recording")
    i.add_argument("--hidden", type=sizes, default=[256])
    i.add_argument("--calls", type=int, default=10000)
    i.add_argument("--threads", type=int, default=1)
    i.add_argument("--warmup-ms", type=int, default=2000)
    i.add_argument("--seed", type=int, default=1)
    return p


def sizes(text):
    try:
        values = [int(s) for s in text.split(",")]
    except ValueError:
        values = []
    if not values or any(v <= 0 for v in values):
        raise argparse.ArgumentTypeError(f"expected comma-separated positive integers, got '{text}'")
    return values


def summary(samples):
    return statistics.median(samples), min(samples), max(samples)


def warm_up(fn, millis):
    """Calls fn at least once and until `millis` have passed."""
    end = time.perf_counter() + millis / 1000
    fn()
    while time.perf_counter() < end:
        fn()


def gemm(matmul, a, b, n, threads, reps, config):
    flops = 2.0 * n ** 3
    warm_up(lambda: matmul(a, b), 1000)
    rates = []
    for _ in range(reps):
        t0 = time.perf_counter_ns()
        matmul(a, b)
        rates.append(flops / (time.perf_counter_ns() - t0))
    med, lo, hi = summary(rates)
    print(f"gemm n={n} threads={threads} median_gflops={med:.3f} min={lo:.3f} max={hi:.3f} config={config}")


def mlp(epoch, args, config):
    """Runs `epoch(samples_or_None) -> (samples_done, mean_loss)` as the jgrad runner does."""
    rates = []
    loss = float("nan")
    for e in range(args.warmup + args.epochs):
        warm = e < args.warmup
        limit = args.warmup_samples if warm and args.warmup_samples > 0 else None
        t0 = time.perf_counter()
        done, loss = epoch(limit)
        seconds = time.perf_counter() - t0
        if loss != loss or loss in (float("inf"), float("-inf")):
            raise SystemExit(f"mlp: training diverged, epoch {e + 1} mean loss {loss}")
        if not warm:
            rates.append(done / seconds)
        print(f"epoch {e + 1}{' (warm-up)' if warm else ''} seconds={seconds:.3f} "
              f"samples_per_s={done / seconds:.1f} loss={loss:.4f}")
    med, lo, hi = summary(rates)
    print(f"mlp samples_per_s={med:.1f} min={lo:.1f} max={hi:.1f} loss={loss:.4f} "
          f"hidden={','.join(map(str, args.hidden))} batch={args.batch} "
          f"samples={args.samples // args.batch * args.batch} config={config}")


def inference(predict, args, config):
    """Times `predict(i)` (one batch-1 forward of image i) call by call."""
    warm_up_end = time.perf_counter() + args.warmup_ms / 1000
    i = 0
    while time.perf_counter() < warm_up_end:
        predict(i)
        i += 1
    micros = []
    for i in range(args.calls):
        t0 = time.perf_counter_ns()
        predict(i)
        micros.append((time.perf_counter_ns() - t0) / 1e3)
    med, lo, hi = summary(micros)
    print(f"inference median_us={med:.3f} min={lo:.3f} max={hi:.3f} calls={args.calls} config={config}")


def blas_pool():
    """The BLAS that this process really calls and its kernels, e.g. 'OpenBLAS 0.3.21 Cooperlake,
    2 threads' (through threadpoolctl), or None when that cannot be told."""
    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        return None
    for pool in threadpool_info():
        if pool.get("user_api") == "blas":
            name = {"openblas": "OpenBLAS", "mkl": "MKL", "blis": "BLIS"}.get(pool.get("internal_api"), "BLAS")
            parts = [name, pool.get("version"), pool.get("architecture")]
            return " ".join(p for p in parts if p) + ", " + plural(pool.get("num_threads", 1))
    return None


def plural(threads):
    return f"{threads} thread" if threads == 1 else f"{threads} threads"
