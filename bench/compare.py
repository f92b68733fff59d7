"""Runs jgrad, NumPy and PyTorch on the same workloads, interleaved, and prints a markdown table.

Started by compare.sh, which installs the peers and builds jgrad first; see README.md. Needs only
the standard library: the peers run in their own processes under /usr/bin/python3.
"""

import argparse
import datetime
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
PEERS = BENCH / "peers"
PYTHON = "/usr/bin/python3"
SYSTEMS = ("jgrad", "numpy", "torch")
# This machine pins OpenBLAS to its AVX2 kernels through these; the peers run without them so
# that OpenBLAS picks the best kernels for the CPU (they are kept for jgrad, which ignores them).
PINNING = ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")
# PyTorch's intra-op threads each call a multi-threaded OpenBLAS: more than one oversubscribes the
# two cores, so torch trains and infers with one intra-op thread and OpenBLAS's default threads.
TORCH_INTRA_OP = 1
TRAIN_THREADS = 2
RUN_TIMEOUT_S = 3600


@dataclass(frozen=True)
class Metric:
    label: str
    key: str
    unit: str
    higher_is_better: bool


@dataclass
class Case:
    workload: str
    metrics: list
    commands: dict  # system -> (argv, extra env)
    results: dict = field(default_factory=dict)  # system -> list of {key: value}
    configs: dict = field(default_factory=dict)  # system -> configuration text
    failures: dict = field(default_factory=dict)  # system -> message


def java_command(main_class, threads, args, heap=None):
    java = Path(os.environ["JAVA_HOME"], "bin", "java") if os.environ.get("JAVA_HOME") else "java"
    cp = os.pathsep.join(str(ROOT / p) for p in
                         ("jgrad-bench/target/classes", "jgrad-core/target/classes", "jgrad-bench/target/lib/*"))
    argv = [str(java), "--add-modules", "jdk.incubator.vector", f"-Djgrad.threads={threads}"]
    if heap:
        # the memory check keeps the default collector: the serial one's young generation takes a
        # fixed third of a small heap, leaving too little room for the 188 MB of images
        argv.append(f"-Xmx{heap}")
    elif main_class == "GemmRunner":
        # G1 starts the large matrices at region boundaries; under the serial collector
        # single-thread GEMM at n = 1024 measured about 15% lower (see bench/README.md)
        pass
    else:
        # the serial collector: jgrad allocates large short-lived arrays (activations, gradients),
        # which G1 on a default-sized heap treats as humongous objects; W2 ran 2.6x faster with it
        argv.append("-XX:+UseSerialGC")
    argv += ["-cp", cp, f"dev.jgrad.bench.{main_class}", *args, "--threads", str(threads)]
    return argv, {}


def peer_command(peer, workload, threads, blas_threads, args):
    argv = [PYTHON, str(PEERS / f"{peer}_peer.py"), workload, *args, "--threads", str(threads)]
    return argv, {"OPENBLAS_NUM_THREADS": str(blas_threads)}


def gemm_runner():
    """The dedicated GEMM runner when the build has it, else the matmul fallback in Workloads."""
    built = ROOT / "jgrad-bench/target/classes/dev/jgrad/bench/GemmRunner.class"
    return "GemmRunner" if built.exists() else "Workloads"


def cases(quick):
    gemm_sizes = (256, 512, 1024) if quick else (256, 512, 1024, 2048)
    gemm_reps = {256: 20, 512: 10, 1024: 5, 2048: 3}
    w2_samples = 6400 if quick else 60000
    # W3 is "otherwise as W2": a whole warm-up epoch, as the workload defines it (the JIT needs
    # it: a part of an epoch leaves the per-step code to be compiled inside the timed epoch).
    w3_samples, w3_warmup = (2560, 1280) if quick else (60000, 0)
    # The recording path needs ~2 s of warm-up before C2 has compiled it, also in --quick.
    overhead = ["--reps", "10" if quick else "30", "--warmup-ms", "2000"]
    calls = ["--calls", "2000" if quick else "10000", "--warmup-ms", "1000" if quick else "2000"]
    gflops = [Metric("GEMM", "median_gflops", "GFLOPS", True)]
    out = []
    runner = gemm_runner()
    for n in gemm_sizes:
        for t in (1, 2):
            args = ["--n", str(n), "--reps", str(gemm_reps[n])]
            out.append(Case(f"W1 GEMM {n}x{n}, {t} thread{'s' if t > 1 else ''}", gflops, {
                "jgrad": java_command(runner, t, args),
                "numpy": peer_command("numpy", "gemm", t, t, args),
                "torch": peer_command("torch", "gemm", t, t, args)}))

    def mlp_case(name, hidden, batch, samples, warmup_samples):
        args = ["--hidden", hidden, "--batch", str(batch), "--samples", str(samples),
                "--epochs", "1", "--warmup", "1", "--warmup-samples", str(warmup_samples)]
        return Case(name, [Metric("train", "samples_per_s", "samples/s", True)], {
            "jgrad": java_command("MlpTrainRunner", TRAIN_THREADS, args),
            "numpy": peer_command("numpy", "mlp", TRAIN_THREADS, TRAIN_THREADS, args),
            "torch": peer_command("torch", "mlp", TORCH_INTRA_OP, TRAIN_THREADS, args)})

    out.append(mlp_case(f"W2 MLP 784-256-10 train, batch 64, {w2_samples} samples", "256", 64, w2_samples, 0))
    out.append(mlp_case(f"W3 MLP 784-1024-1024-10 train, batch 256, {w3_samples} samples",
                        "1024,1024", 256, w3_samples, w3_warmup))
    out.append(Case("W4 autograd overhead", [
        Metric("W4a chain of 10,000 scalar mul/add, forward+backward", "chain_us_per_op", "us/op", False),
        Metric("W4b one recorded 1-element add", "single_add_us", "us/op", False)], {
        "jgrad": java_command("OverheadRunner", 1, overhead),
        "torch": peer_command("torch", "overhead", TORCH_INTRA_OP, TRAIN_THREADS, overhead)}))
    out.append(Case("W5 inference 784-256-10, batch 1, no grad", [
        Metric("latency", "median_us", "us/call", False)], {
        "jgrad": java_command("InferenceRunner", TRAIN_THREADS, calls),
        "numpy": peer_command("numpy", "inference", TRAIN_THREADS, TRAIN_THREADS, calls),
        "torch": peer_command("torch", "inference", TORCH_INTRA_OP, TRAIN_THREADS, calls)}))
    return out


def peer_env(extra):
    env = {k: v for k, v in os.environ.items() if k not in PINNING}
    env.update(extra)
    return env


RESULT_LINE = re.compile(r"^(gemm|mlp|overhead|inference) (.*)$")


def parse(stdout):
    """The key=value pairs of the last result line; config= runs to the end of the line."""
    for line in reversed(stdout.splitlines()):
        m = RESULT_LINE.match(line.strip())
        if m:
            body, _, config = m.group(2).partition(" config=")
            values = dict(kv.split("=", 1) for kv in body.split() if "=" in kv)
            return values, config.strip()
    return None, None


def run(argv, extra_env, system, log):
    env = peer_env(extra_env) if system != "jgrad" else dict(os.environ)
    log.append(f"$ {' '.join(f'{k}={v}' for k, v in extra_env.items())} {' '.join(argv)}")
    try:
        proc = subprocess.run(argv, env=env, cwd=ROOT, capture_output=True, text=True, timeout=RUN_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        log.append(f"timed out after {RUN_TIMEOUT_S} s")
        return None, None, f"timed out after {RUN_TIMEOUT_S} s"
    log.append(proc.stdout.rstrip())
    if proc.stderr.strip():
        log.append("stderr: " + proc.stderr.rstrip())
    values, config = parse(proc.stdout)
    if proc.returncode != 0 or values is None:
        tail = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        return None, None, f"exit {proc.returncode}: {tail}"
    return values, config, None


def fallback_config(argv):
    """For a runner that does not print config=: the thread count it was started with."""
    threads = next((a.split("=", 1)[1] for a in argv if a.startswith("-Djgrad.threads=")), None)
    if threads is None and "--threads" in argv:
        threads = argv[argv.index("--threads") + 1]
    return f"{threads} thread{'s' if threads != '1' else ''}" if threads else ""


def measure(all_cases, reps, log):
    for case in all_cases:
        for rep in range(reps):
            for system in SYSTEMS:
                if system not in case.commands or system in case.failures:
                    continue
                argv, extra = case.commands[system]
                values, config, error = run(argv, extra, system, log)
                if error:
                    case.failures[system] = error
                    print(f"  {case.workload} | {system} rep {rep + 1}: FAILED {error}", file=sys.stderr)
                    continue
                case.results.setdefault(system, []).append(values)
                case.configs.setdefault(system, config or fallback_config(argv))
                shown = ", ".join(f"{m.key}={values.get(m.key)}" for m in case.metrics)
                print(f"  {case.workload} | {system} rep {rep + 1}/{reps}: {shown}", file=sys.stderr, flush=True)


def memory_check(quick, log):
    samples = "6400" if quick else "60000"
    argv, extra = java_command("MlpTrainRunner", TRAIN_THREADS, [
        "--hidden", "256", "--batch", "64", "--samples", samples, "--epochs", "5", "--warmup", "0"], heap="256m")
    log.append(f"$ {' '.join(argv)}")
    proc = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, timeout=RUN_TIMEOUT_S)
    log.append(proc.stdout.rstrip() + ("\nstderr: " + proc.stderr.rstrip() if proc.stderr.strip() else ""))
    line = next((l for l in proc.stdout.splitlines() if l.startswith("memory ")), None)
    if proc.returncode != 0 or line is None:
        tail = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        return f"Memory check (W2, 5 epochs of {samples} samples, -Xmx256m): FAILED, exit {proc.returncode}: {tail}"
    v = dict(kv.split("=", 1) for kv in line.split()[1:])
    heaps = v["heap_mb"].replace(",", ", ")
    return (f"Memory check (W2, 5 epochs of {samples} samples, -Xmx256m): post-GC heap after each epoch "
            f"{heaps} MB (before training, with the data: {v['baseline_mb']} MB), "
            f"max/min {v['max_over_min']} -> **{v['verdict']}**")


def fmt(x):
    return f"{x:.0f}" if x >= 1000 else f"{x:.1f}" if x >= 10 else f"{x:.2f}" if x >= 1 else f"{x:.3f}"


def table(all_cases):
    rows = ["| Workload | System | Configuration | Median (min-max) | Unit | jgrad advantage (>1 = jgrad better) |",
            "|---|---|---|---|---|---|"]
    for case in all_cases:
        for metric in case.metrics:
            name = case.workload if len(case.metrics) == 1 else f"{case.workload}: {metric.label}"
            samples = {s: [float(v[metric.key]) for v in runs if metric.key in v]
                       for s, runs in case.results.items()}
            jgrad = statistics.median(samples["jgrad"]) if samples.get("jgrad") else None
            for system in SYSTEMS:
                if system not in case.commands:
                    continue
                config = case.configs.get(system, "").replace("|", "/")
                if not samples.get(system):
                    why = case.failures.get(system, "no result").replace("|", "/")
                    rows.append(f"| {name} | {system} | {config} | failed: {why} | {metric.unit} | |")
                    continue
                values = samples[system]
                med = statistics.median(values)
                if system == "jgrad":
                    ratio = "-"
                elif jgrad is None:
                    ratio = "n/a"
                else:
                    ratio = f"{(jgrad / med if metric.higher_is_better else med / jgrad):.2f}x"
                spread = f"{fmt(med)} ({fmt(min(values))}-{fmt(max(values))})"
                rows.append(f"| {name} | {system} | {config} | {spread} | {metric.unit} | {ratio} |")
    return "\n".join(rows)


def command_output(argv, env=None):
    try:
        proc = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=120)
        return (proc.stdout + proc.stderr).strip()
    except (OSError, subprocess.TimeoutExpired) as e:
        return f"unavailable ({e})"


def environment():
    cpu = "unknown CPU"
    info = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    fields = dict(re.findall(r"^(model name|cpu family|model)\s*:\s*(.*)$", info, re.M))
    if fields:
        cpu = f"{fields.get('model name', '?')} (family {fields.get('cpu family', '?')}, model {fields.get('model', '?')}" \
              f"{', AVX-512' if 'avx512f' in info else ''}), {os.cpu_count()} logical CPUs"
    java = java_command("Workloads", 1, [])[0][0]
    props = command_output([java, "-XshowSettings:properties", "-version"])
    jdk = " ".join(re.findall(r"java\.(?:vm\.name|runtime\.version) = (.*)", props)) or props.splitlines()[-1]
    probe = ("from threadpoolctl import threadpool_info\n"
             "print('; '.join(f\"{p['internal_api']} {p['version']} core {p['architecture']}\" "
             "for p in threadpool_info() if p['user_api'] == 'blas') or 'no BLAS found')")
    import_numpy = "import numpy\n" + probe
    best = command_output([PYTHON, "-c", import_numpy], peer_env({}))
    pinned = command_output([PYTHON, "-c", import_numpy], dict(os.environ))
    return cpu, jdk, best, pinned


def write_atomically(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".", suffix=".tmp")
    with os.fdopen(fd, "w") as f:
        f.write(text)
    # mkstemp makes the file owner-only; the report gets the permissions of any new file
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)
    os.replace(tmp, path)


def main():
    p = argparse.ArgumentParser(description="Compare jgrad with NumPy and PyTorch (see bench/README.md)")
    p.add_argument("--reps", type=int, default=None, help="process-level repetitions per system (default 3, 1 with --quick)")
    p.add_argument("--quick", action="store_true", help="smaller sizes and fewer samples: a few minutes")
    p.add_argument("--only", default="", help="comma-separated workload prefixes to run, e.g. W1,W4")
    p.add_argument("--no-memory-check", action="store_true", help="skip the -Xmx256m training run")
    p.add_argument("--out", type=Path, default=BENCH / "results" / "latest.md")
    args = p.parse_args()
    reps = args.reps if args.reps is not None else (1 if args.quick else 3)
    if reps < 1:
        p.error("--reps must be at least 1")

    all_cases = cases(args.quick)
    if args.only:
        wanted = [w.strip() for w in args.only.split(",") if w.strip()]
        all_cases = [c for c in all_cases if any(c.workload.startswith(w) for w in wanted)]
    cpu, jdk, best, pinned = environment()
    started = datetime.datetime.now().astimezone()
    load_before = os.getloadavg()[0]
    print(f"jgrad comparison: {len(all_cases)} cases x {reps} reps x up to {len(SYSTEMS)} systems "
          f"(jgrad GEMM through {gemm_runner()})", file=sys.stderr, flush=True)
    log = []
    measure(all_cases, reps, log)
    memory = None if args.no_memory_check or args.only else memory_check(args.quick, log)
    load_after = os.getloadavg()[0]

    header = [
        f"# jgrad vs NumPy and PyTorch{' (quick)' if args.quick else ''}",
        "",
        f"- Date: {started:%Y-%m-%d %H:%M %Z}; {reps} process-level repetition{'s' if reps > 1 else ''} per system, "
        "interleaved jgrad, numpy, torch; each value is that process's own median after warm-up",
        f"- CPU: {cpu}; {platform.system()} {platform.release()}; 1-minute load average {load_before:.1f} "
        f"before, {load_after:.1f} after (above ~2 the numbers are noisy)",
        f"- JDK: {jdk}",
        f"- Peers' BLAS with OPENBLAS_CORETYPE/OPENBLAS_L2_SIZE unset: {best} "
        f"(with this machine's pinning it would be: {pinned})",
        f"- Ratios: throughput jgrad/peer, times peer/jgrad, so > 1 means jgrad is better",
        "",
        table(all_cases),
    ]
    if memory:
        header += ["", memory]
    report = "\n".join(header) + "\n"
    print(report)
    write_atomically(args.out, report)
    write_atomically(args.out.with_suffix(".log"), "\n".join(log) + "\n")
    print(f"written to {args.out} (raw runner output in {args.out.with_suffix('.log').name})", file=sys.stderr)
    if any(c.failures for c in all_cases) or (memory and "FAILED" in memory):
        sys.exit(1)


if __name__ == "__main__":
    main()
