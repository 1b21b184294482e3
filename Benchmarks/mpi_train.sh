#!/usr/bin/env bash
# Data-parallel training on one machine: MNIST 0-4:5-9, k = 8, 5 x 1024, with 1, 2 and 4 ranks.
# Prints, per configuration, the best of RUNS runs (by wall time): the mean over the five hidden
# layers of rank 0's counting, waiting (barrier before each sum), summing (MPI_Allreduce) and
# evaluating seconds,
# the bytes each rank contributes to the sums per layer, and the training wall time.
# Needs the MPI build: swift build -c release --traits MPI --scratch-path .build-mpi --product lutnet
set -euo pipefail
cd "$(dirname "$0")/.."
lutnet=${LUTNET:-.build-mpi/release/lutnet}
data=${DATA:-../shared/datasets/mnist}
runs=${RUNS:-3}
root=$([ "$(id -u)" = 0 ] && echo --allow-run-as-root || true)
printf "%-6s %-8s %-9s %-9s %-9s %-11s %-13s %s\n" ranks threads count_s wait_s sum_s evaluate_s bytes_summed wall_s
for config in "1 1" "1 2" "2 1" "4 1"; do
    set -- $config
    best=""
    for _ in $(seq "$runs"); do
        json=$(mpirun --oversubscribe $root -np "$1" "$lutnet" train --mpi --data "$data" --task 0-4:5-9 --k 8 \
               --layers 5x1024 --threads "$2" --json 2>/dev/null)
        line=$(python3 -c '
import json, sys
r = json.loads(sys.stdin.read())
t = r["layerTimings"][:-1]
mean = lambda key: sum(x[key] for x in t) / len(t)
print("%.3f %.4f %.4f %.4f %.4f %d" % (r["report"]["seconds"], mean("counting"), mean("waiting"), mean("reduction"),
                                      mean("evaluation"), t[0]["bytesReduced"]))
' <<< "$json")
        if [ -z "$best" ] || python3 -c "import sys; sys.exit(0 if float('${line%% *}') < float('${best%% *}') else 1)"; then best=$line; fi
    done
    read -r wall count wait sum evaluate bytes <<< "$best"
    printf "%-6s %-8s %-9s %-9s %-9s %-11s %-13s %s\n" "$1" "$2" "$count" "$wait" "$sum" "$evaluate" "$bytes" "$wall"
done
