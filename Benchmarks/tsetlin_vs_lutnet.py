#!/usr/bin/env python3
"""A Tsetlin machine (pyTsetlinMachine) beside LUTNet's networks on the same bits.

Both read MNIST binarized at 128 (byte >= 128 -> 1), the paper's 784 input bits. For MNIST
0-4:5-9 and for the ten digits, the script trains pyTsetlinMachine's MultiClassTsetlinMachine for
--epochs epochs (one `fit(..., epochs=1, incremental=True)` call each), printing the test accuracy
and the seconds after every epoch, then runs `lutnet train` with the paper and best presets on the
same task in the same session, so that every figure sees the same machine load. The Tsetlin
machine runs on one core (the package's C code is single-threaded); lutnet on --threads.

Not a test: run it by hand on a release build (swift build -c release --traits MPI), e.g.

    python3 Benchmarks/tsetlin_vs_lutnet.py --epochs 3 --clauses 2000

Needs numpy and pyTsetlinMachine (pip install pybind11 wheel, then pip install
--no-build-isolation pyTsetlinMachine). Reads the gzipped IDX files itself.
"""

import argparse
import json
import os
import subprocess
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from baseline_vs_sklearn import read_idx  # noqa: E402  (the same IDX reader)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MNIST = os.path.join(ROOT, "..", "shared", "datasets", "mnist")


def split(folder, prefix, threshold):
    """The bits (byte >= threshold, as uint32 0/1) and the digit of every example of one split."""
    images = read_idx(os.path.join(folder, f"{prefix}-images-idx3-ubyte.gz"))
    labels = read_idx(os.path.join(folder, f"{prefix}-labels-idx1-ubyte.gz"))
    return (images.reshape(len(images), -1) >= threshold).astype(np.uint32), labels.astype(np.uint32)


def tsetlin(x, y, tx, ty, clauses, t, s, epochs):
    """Accuracy and cumulative seconds after each epoch of a multi-class Tsetlin machine."""
    from pyTsetlinMachine.tm import MultiClassTsetlinMachine
    machine = MultiClassTsetlinMachine(clauses, t, s)
    rows, seconds = [], 0.0
    for epoch in range(1, epochs + 1):
        start = time.perf_counter()
        machine.fit(x, y, epochs=1, incremental=True)
        seconds += time.perf_counter() - start
        accuracy = float((machine.predict(tx) == ty).mean())
        rows.append({"epoch": epoch, "test_accuracy": accuracy, "train_seconds": seconds})
        print(f"  epoch {epoch}: test accuracy {accuracy:.4f}, {seconds:.1f} s of training", file=sys.stderr, flush=True)
    return rows


def lutnet(binary, data, task, preset, threads, seed):
    """Test accuracy and training seconds of `lutnet train --preset PRESET` on the task."""
    command = [binary, "train", "--data", data, "--task", task, "--preset", preset, "--threads", str(threads),
               "--seed", str(seed), "--json"]
    result = json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)
    if "groups" in result and result["groups"]:  # a binary task read through its classes
        return result["groups"]["testAccuracy"], result["seconds"]
    if "report" in result:  # a binary network
        return result["report"]["testAccuracy"], result["report"]["seconds"]
    return result["test"]["accuracy"], result["seconds"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", default=MNIST, help="MNIST folder (gzipped IDX files)")
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--clauses", type=int, default=2000, help="clauses per class")
    parser.add_argument("--T", type=int, default=50)
    parser.add_argument("--s", type=float, default=10.0)
    parser.add_argument("--threads", type=int, default=2, help="lutnet's worker threads")
    parser.add_argument("--seeds", type=int, default=1, help="lutnet seeds 0..N-1 per preset")
    parser.add_argument("--lutnet", default=os.path.join(ROOT, ".build", "release", "lutnet"))
    parser.add_argument("--tasks", default="0-4:5-9,all", help="comma-separated: 0-4:5-9 and/or all")
    args = parser.parse_args()

    x, digits = split(args.data, "train", 128)
    tx, tdigits = split(args.data, "t10k", 128)
    report = {"clauses": args.clauses, "T": args.T, "s": args.s, "epochs": args.epochs, "tasks": {}}
    for task in args.tasks.split(","):
        y, ty = (digits, tdigits) if task == "all" else ((digits >= 5).astype(np.uint32), (tdigits >= 5).astype(np.uint32))
        print(f"{task}: Tsetlin machine, {args.clauses} clauses per class, T {args.T}, s {args.s}", file=sys.stderr, flush=True)
        rows = tsetlin(x, y, tx, ty, args.clauses, args.T, args.s, args.epochs)
        luts = {}
        for preset in ("paper", "best"):
            runs = [lutnet(args.lutnet, args.data, task, preset, args.threads, seed) for seed in range(args.seeds)]
            luts[preset] = {"test_accuracy": sum(a for a, _ in runs) / len(runs),
                            "train_seconds_median": sorted(s for _, s in runs)[len(runs) // 2], "seeds": len(runs)}
            print(f"  lutnet --preset {preset}: test accuracy {luts[preset]['test_accuracy']:.4f}, "
                  f"{luts[preset]['train_seconds_median']:.2f} s", file=sys.stderr, flush=True)
        report["tasks"][task] = {"tsetlin": rows, "lutnet": luts}
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
