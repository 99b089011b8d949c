#!/usr/bin/env bash
# Where a training step's time goes inside oneDNN: runs TrainingBenchmark with DNNL_VERBOSE=1 (oneDNN 2.3, as
# bundled with ND4J 1.0.0-M2.1, reads DNNL_VERBOSE, not ONEDNN_VERBOSE) and sums the execution times by primitive,
# implementation and propagation kind, beside the benchmark's own wall time.
# Usage (from the repository root): tl-core/src/bench/onednn-profile.sh [images] [epochs] [jobs] [threads]
set -euo pipefail
args="${1:-512} ${2:-1} ${3:-1} ${4:-1}"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
DNNL_VERBOSE=1 mvn -B -q -ntp -pl tl-core -Pbench test-compile exec:exec -Dbench=TrainingBenchmark \
  -Dbench.args="$args" > "$log" 2>&1 || { tail -20 "$log"; exit 1; }
grep -m1 'dnnl_verbose,info,oneDNN' "$log" || true
grep -m1 'dnnl_verbose,info,cpu,isa' "$log" || true
grep 'images/s' "$log" | tail -1
# exec lines: dnnl_verbose,exec,cpu,<primitive>,<implementation>,<prop kind>,...,<milliseconds>
grep '^dnnl_verbose,exec' "$log" | awk -F, '
  { key = $4 " " $5 " " $6; t[key] += $NF; n[key]++; total += $NF
    if ($4 == "reorder") reorder += $NF }
  END {
    for (k in t) printf "%10.1f ms %6.1f%% %6d calls  %s\n", t[k], 100 * t[k] / total, n[k], k | "sort -rn"
    close("sort -rn")
    printf "%10.1f ms in oneDNN (warm-up epoch included), of which reorders %.1f ms (%.1f%%)\n", total, reorder, 100 * reorder / total
  }'
