#!/usr/bin/env bash
# Where the time goes inside oneDNN: runs TrainingBenchmark or EmbeddingBenchmark with DNNL_VERBOSE=1 (oneDNN 2.3,
# as bundled with ND4J 1.0.0-M2.1, reads DNNL_VERBOSE, not ONEDNN_VERBOSE) and sums the execution times by
# primitive, implementation and propagation kind, and the reorders by layout pair and shape.
# Usage (from the repository root):
#   tl-core/src/bench/onednn-profile.sh train [images epochs jobs threads]      (default 1024 1 1 2)
#   tl-core/src/bench/onednn-profile.sh embed [mirror folder] [images]          (default ../shared/mirror 96)
set -euo pipefail
. "$(dirname "$0")/bench-lib.sh"
what=${1:-train}
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if [ "$what" = embed ]; then
  mirror=$(cd "${2:-../shared/mirror}" && pwd)  # absolute: the benchmark runs in tl-core/
  bench=EmbeddingBenchmark
  args="$mirror/resnet50-imagenet-keras.h5 $(bench_images "$mirror") ${3:-96} 32 224 caffe"
else
  bench=TrainingBenchmark
  args="${2:-1024} ${3:-1} ${4:-1} ${5:-2}"
fi
DNNL_VERBOSE=1 run_bench "$bench" "$args" > "$log" 2>&1 || { tail -20 "$log"; exit 1; }
grep -m1 'dnnl_verbose,info,oneDNN' "$log" || true
grep -m1 'dnnl_verbose,info,cpu,isa' "$log" || true
grep 'images/s' "$log" | tail -1
# exec lines: dnnl_verbose,exec,cpu,<primitive>,<implementation>,<prop kind>,<memory descriptors>,...,<shape>,<ms>
grep '^dnnl_verbose,exec' "$log" | awk -F, '
  { key = $4 " " $5 " " $6; t[key] += $NF; n[key]++; total += $NF
    if ($4 == "reorder") { reorder += $NF; split($7, m, " "); r = m[1] " -> " m[2] " " $(NF-1); rt[r] += $NF; rn[r]++ } }
  END {
    for (k in t) printf "%10.1f ms %6.1f%% %6d calls  %s\n", t[k], 100 * t[k] / total, n[k], k | "sort -rn"
    close("sort -rn")
    printf "%10.1f ms in oneDNN (warm-up included), of which reorders %.1f ms (%.1f%%); largest reorders:\n", total, reorder, 100 * reorder / total
    for (k in rt) printf "%10.1f ms %6d calls  %s\n", rt[k], rn[k], k | "sort -rn | head -8"
  }'
