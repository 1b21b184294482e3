#!/usr/bin/env python3
"""Times `lutnet baseline` against scikit-learn's LogisticRegression on the same features.

Both minimize C * sum(log-loss) + 1/2 |w|^2 (bias not regularized) on the binary task 0-4:5-9 (or,
with --task all, C * sum(cross-entropy) + 1/2 |W|^2 over all ten classes, scikit-learn's multinomial
objective; lutnet then runs Newton-CG) with the images binarized at 128 (byte >= 128 -> 1.0), the features a LUT network sees. scikit-learn runs
its default solver (lbfgs) with its default tolerance and max_iter high enough to converge. Both
run in this one process's session, one after the other, so they see the same machine load.

Not a test: run it by hand on a release build (swift build -c release), e.g.

    python3 Benchmarks/baseline_vs_sklearn.py --repeats 3

Needs numpy and scikit-learn (pip install scikit-learn). Reads the gzipped IDX files itself.
"""

import argparse
import gzip
import json
import os
import platform
import statistics
import subprocess
import sys
import time

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATASETS = {
    "mnist": os.path.join(ROOT, "..", "shared", "datasets", "mnist"),
    "fashion-mnist": "/usr/share/datasets/fashion-mnist",
}


def read_idx(path):
    """An IDX file (gzipped) as a numpy array of unsigned bytes."""
    with gzip.open(path, "rb") as f:
        data = f.read()
    if data[0] != 0 or data[1] != 0 or data[2] != 0x08:
        raise ValueError(f"{path}: not an unsigned-byte IDX file")
    rank = data[3]
    dims = [int.from_bytes(data[4 + 4 * i: 8 + 4 * i], "big") for i in range(rank)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * rank).reshape(dims)


def task_split(folder, prefix, first, threshold, dtype):
    """Features (byte >= threshold) and 0/1 labels (1 for classes not in `first`) of one split."""
    x, labels = multiclass_split(folder, prefix, threshold, dtype)
    return x, (~np.isin(labels, first)).astype(np.int64)


def multiclass_split(folder, prefix, threshold, dtype):
    """Features (byte >= threshold) and the class labels of one split."""
    images = read_idx(os.path.join(folder, f"{prefix}-images-idx3-ubyte.gz"))
    labels = read_idx(os.path.join(folder, f"{prefix}-labels-idx1-ubyte.gz"))
    return (images.reshape(len(images), -1) >= threshold).astype(dtype), labels.astype(np.int64)


def multinomial_objective(coef, intercept, x, y, c):
    """C * sum(cross-entropy) + 1/2 |W|^2 in float64."""
    z = x.astype(np.float64) @ coef.T.astype(np.float64) + intercept
    top = z.max(axis=1, keepdims=True)
    log_norm = top[:, 0] + np.log(np.exp(z - top).sum(axis=1))
    return c * float(np.sum(log_norm - z[np.arange(len(y)), y])) + 0.5 * float(np.sum(coef * coef))


def run_sklearn_multiclass(folder, c, threshold, dtype, tol):
    from sklearn.linear_model import LogisticRegression

    x, y = multiclass_split(folder, "train", threshold, dtype)
    xt, yt = multiclass_split(folder, "t10k", threshold, dtype)
    model = LogisticRegression(C=c, tol=tol, max_iter=100_000)  # lbfgs, multinomial
    start = time.perf_counter()
    model.fit(x, y)
    seconds = time.perf_counter() - start
    return {
        "seconds": seconds,
        "iterations": int(model.n_iter_[0]),
        "converged": int(model.n_iter_[0]) < model.max_iter,
        "train_accuracy": float(model.score(x, y)),
        "test_accuracy": float(model.score(xt, yt)),
        "objective": multinomial_objective(model.coef_, model.intercept_, x, y, c),
    }


def objective(coef, intercept, x, y, c):
    """C * sum(log(1 + e^z) - y z) + 1/2 |w|^2 in float64."""
    z = x.astype(np.float64) @ coef.astype(np.float64) + intercept
    return c * float(np.sum(np.logaddexp(0.0, z) - y * z)) + 0.5 * float(coef @ coef)


def run_sklearn(folder, c, threshold, dtype, tol):
    from sklearn.linear_model import LogisticRegression

    x, y = task_split(folder, "train", [0, 1, 2, 3, 4], threshold, dtype)
    xt, yt = task_split(folder, "t10k", [0, 1, 2, 3, 4], threshold, dtype)
    model = LogisticRegression(C=c, tol=tol, max_iter=100_000)  # lbfgs
    start = time.perf_counter()
    model.fit(x, y)
    seconds = time.perf_counter() - start
    coef, intercept = model.coef_[0], float(model.intercept_[0])
    return {
        "seconds": seconds,
        "iterations": int(model.n_iter_[0]),
        "converged": int(model.n_iter_[0]) < model.max_iter,
        "train_accuracy": float(model.score(x, y)),
        "test_accuracy": float(model.score(xt, yt)),
        "objective": objective(coef, intercept, x, y, c),
    }


def run_lutnet(binary, folder, c, threshold, threads, tolerance, task="0-4:5-9"):
    command = [binary, "baseline", "--data", folder, "--task", task, "--C", str(c),
               "--features", "bits", "--threshold", str(threshold), "--threads", str(threads), "--json"]
    if tolerance is not None:
        command += ["--tolerance", str(tolerance)]
    start = time.perf_counter()
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    wall = time.perf_counter() - start
    report = json.loads(output)
    return {
        "seconds": report["fitSeconds"],
        "wall_seconds": wall,
        "iterations": report["iterations"],
        "cg_steps": report.get("conjugateGradientSteps", 0),
        "passes": report["passes"],
        "converged": report["converged"],
        "gradient": report["gradientMaxNorm"],
        "train_accuracy": report["trainAccuracy"],
        "test_accuracy": report["testAccuracy"],
        "objective": report["objective"],
        "command": " ".join(command),
    }


def format_times(runs):
    return ", ".join("%.3f" % r["seconds"] for r in runs)


def machine():
    model = cores = "?"
    try:
        for line in subprocess.run(["lscpu"], capture_output=True, text=True).stdout.splitlines():
            if line.startswith("Model name:"):
                model = line.split(":", 1)[1].strip()
            if line.startswith("CPU(s):"):
                cores = line.split(":", 1)[1].strip()
    except OSError:
        pass
    memory = "?"
    try:
        with open("/proc/meminfo") as f:
            kib = int(f.readline().split()[1])
        memory = f"{kib / 2**20:.1f} GiB"
    except OSError:
        pass
    return f"{model}, {cores} CPUs, {memory}, {platform.system()} {platform.release()}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lutnet", default=os.path.join(ROOT, ".build", "release", "lutnet"),
                        help="the release build of lutnet")
    parser.add_argument("--datasets", nargs="+", default=list(DATASETS), choices=list(DATASETS))
    parser.add_argument("--C", dest="c", type=float, default=1.0)
    parser.add_argument("--threshold", type=int, default=128)
    parser.add_argument("--threads", type=int, nargs="+", default=[1, 2],
                        help="lutnet worker thread counts to time")
    parser.add_argument("--repeats", type=int, default=3, help="runs of each; the median time is shown")
    parser.add_argument("--sklearn-dtype", default="float64", choices=["float64", "float32"])
    parser.add_argument("--sklearn-tol", type=float, nargs="+", default=[1e-4],
                        help="scikit-learn tolerances: the first (its default) timed --repeats times, "
                             "the others once, as references for the converged accuracy and objective")
    parser.add_argument("--task", default="0-4:5-9", choices=["0-4:5-9", "all"],
                        help="the binary task, or all ten classes (multinomial)")
    args = parser.parse_args()
    multiclass = args.task == "all"
    fit_sklearn = run_sklearn_multiclass if multiclass else run_sklearn

    if not os.access(args.lutnet, os.X_OK):
        sys.exit(f"{args.lutnet}: no release build; run swift build -c release first")
    import sklearn
    import threadpoolctl

    print(f"machine: {machine()}")
    print(f"scikit-learn {sklearn.__version__}, numpy {np.__version__}, python {platform.python_version()}")
    pools = threadpoolctl.threadpool_info()
    print("scikit-learn thread pools: "
          + ", ".join(f"{p['internal_api']} {p['num_threads']} threads" for p in pools))
    print(f"C = {args.c}, task {args.task}, bits = byte >= {args.threshold}, {args.repeats} runs each (median time)")

    for name in args.datasets:
        folder = os.path.normpath(DATASETS[name])
        if not os.path.isdir(folder):
            print(f"\n{name}: {folder} is absent, skipped")
            continue
        print(f"\n== {name} ({folder})")
        dtype = np.dtype(args.sklearn_dtype)
        sk = [fit_sklearn(folder, args.c, args.threshold, dtype, args.sklearn_tol[0])
              for _ in range(args.repeats)]
        rows = [(f"scikit-learn lbfgs {args.sklearn_dtype}, tol {args.sklearn_tol[0]:g}", sk)]
        for tol in args.sklearn_tol[1:]:
            rows.append((f"scikit-learn lbfgs {args.sklearn_dtype}, tol {tol:g}",
                         [fit_sklearn(folder, args.c, args.threshold, dtype, tol)]))
        first_lutnet = len(rows)
        for threads in args.threads:
            for tolerance in [None, 1e-4]:
                runs = [run_lutnet(args.lutnet, folder, args.c, args.threshold, threads, tolerance, args.task)
                        for _ in range(args.repeats)]
                label = f"lutnet {threads} thread{'s' if threads > 1 else ''}"
                default = "1e-5" if multiclass else "1e-6"
                label += f", tol {default} (default)" if tolerance is None else ", tol 1e-4"
                rows.append((label, runs))
        print(f"{'solver':44} {'seconds':>8} {'iter':>6} {'passes':>6} {'conv':>5} "
              f"{'train':>7} {'test':>7} {'objective':>14}")
        sk_time = statistics.median(r["seconds"] for r in sk)
        for label, runs in rows:
            first = runs[0]
            seconds = statistics.median(r["seconds"] for r in runs)
            passes = str(first["passes"]) if "passes" in first else "-"
            print(f"{label:44} {seconds:8.3f} {first['iterations']:6d} {passes:>6} "
                  f"{'yes' if first['converged'] else 'NO':>5} {first['train_accuracy']:7.4f} "
                  f"{first['test_accuracy']:7.4f} {first['objective']:14.4f}"
                  + ("" if label.startswith("scikit") else f"   {sk_time / seconds:5.1f}x faster"))
        for label, runs in rows[first_lutnet:]:
            print(f"  {label}: {runs[0]['cg_steps']} CG steps (binary), final max|grad|/(C n) = "
                  f"{runs[0]['gradient']:.2e}, times {format_times(runs)} s; "
                  f"command: {runs[0]['command']}")
        print(f"  scikit-learn (tol {args.sklearn_tol[0]:g}) times {format_times(sk)} s")


if __name__ == "__main__":
    main()
