"""PyTorch peer for the jgrad comparison: torch.matmul, nn.Sequential trained with optim.SGD and
F.cross_entropy, autograd on 0-d tensors, and no-grad inference.

Run with the interpreter that has Debian's python3-torch, e.g.
  /usr/bin/python3 bench/peers/torch_peer.py overhead --threads 1
"""

import time

import torch
import torch.nn.functional as F
from torch import nn

import common


def configuration():
    """Intra-op threads and, separately, the threads of the BLAS that torch calls for GEMM."""
    blas = common.blas_pool() or "BLAS " + next(
        (item.split("=", 1)[1] for item in torch.__config__.show().replace(",", " ").split()
         if item.startswith("BLAS_INFO=")), "unknown")
    threads = torch.get_num_threads()
    return f"torch {torch.__version__}, {threads} intra-op thread{'s' if threads > 1 else ''}, {blas}"


def make_model(hidden):
    widths = [common.FEATURES, *hidden]
    layers = []
    for i, o in zip(widths[:-1], widths[1:]):
        layers += [nn.Linear(i, o), nn.ReLU()]
    layers.append(nn.Linear(widths[-1], common.CLASSES))
    return nn.Sequential(*layers)


def run_gemm(args):
    gen = torch.Generator().manual_seed(42)
    a = torch.randn(args.n, args.n, generator=gen)
    b = torch.randn(args.n, args.n, generator=gen)
    common.gemm(torch.matmul, a, b, args.n, args.threads, args.reps, configuration())


def run_mlp(args):
    gen = torch.Generator().manual_seed(args.seed)
    images = torch.rand(args.samples, common.FEATURES, generator=gen)
    labels = torch.randint(0, common.CLASSES, (args.samples,), generator=gen)
    torch.manual_seed(args.seed + 1)
    model = make_model(args.hidden)
    opt = torch.optim.SGD(model.parameters(), lr=args.lr)
    shuffle = torch.Generator().manual_seed(args.seed + 2)

    def epoch(limit):
        order = torch.randperm(args.samples, generator=shuffle)
        batches = (limit or args.samples) // args.batch
        total = 0.0
        for b in range(batches):
            idx = order[b * args.batch:(b + 1) * args.batch]
            opt.zero_grad(set_to_none=True)
            loss = F.cross_entropy(model(images[idx]), labels[idx])
            loss.backward()
            opt.step()
            total += loss.item()
        return batches * args.batch, total / batches

    common.mlp(epoch, args, configuration())


def run_overhead(args):
    mul_by, add_by = torch.tensor(0.999), torch.tensor(0.001)

    def chain():
        t0 = time.perf_counter_ns()
        x = torch.tensor(1.0, requires_grad=True)
        y = x
        for i in range(args.chain):
            y = y * mul_by if i % 2 == 0 else y + add_by
        y.backward()
        return time.perf_counter_ns() - t0

    adds = 10000
    x, c = torch.ones(1, requires_grad=True), torch.tensor([2.0])

    def add_block():
        t0 = time.perf_counter_ns()
        for _ in range(adds):
            x + c
        return time.perf_counter_ns() - t0

    common.warm_up(chain, args.warmup_ms)
    chain_us = [chain() / 1e3 / args.chain for _ in range(args.reps)]
    common.warm_up(add_block, args.warmup_ms)
    add_us = [add_block() / 1e3 / adds for _ in range(args.reps)]
    cm, clo, chi = common.summary(chain_us)
    am, alo, ahi = common.summary(add_us)
    print(f"overhead chain_us_per_op={cm:.4f} chain_min={clo:.4f} chain_max={chi:.4f} "
          f"single_add_us={am:.4f} add_min={alo:.4f} add_max={ahi:.4f} config={configuration()}")


def run_inference(args):
    gen = torch.Generator().manual_seed(args.seed)
    images = torch.rand(1000, common.FEATURES, generator=gen)
    torch.manual_seed(args.seed + 1)
    # served frozen, as jgrad's runner serves its model
    model = make_model(args.hidden).eval().requires_grad_(False)
    with torch.no_grad():
        common.inference(lambda i: model(images[i % 1000:i % 1000 + 1])[0, 0].item(), args, configuration())


def main():
    args = common.parser("PyTorch peer of the jgrad benchmarks").parse_args()
    torch.set_num_threads(args.threads)
    {"gemm": run_gemm, "mlp": run_mlp, "overhead": run_overhead, "inference": run_inference}[args.workload](args)


if __name__ == "__main__":
    main()
