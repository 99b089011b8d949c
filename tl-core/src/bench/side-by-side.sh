#!/usr/bin/env bash
# Ours against PyTorch on this machine, in one invocation: training the paper's CNN and the ResNet50 embedding.
# Usage (from the repository root): tl-core/src/bench/side-by-side.sh [train|embed|all] [mirror folder]
# Needs Debian's python3-torch and python3-torchvision (apt-get install python3-torch python3-torchvision).
# Both sides see the same shapes and batch sizes; the PyTorch rate is the better of 1 process x 2 threads and
# 2 processes x 1 thread, ours the better of the same two layouts (tl.jobs x threads).
set -euo pipefail
. "$(dirname "$0")/bench-lib.sh"
what=${1:-all}
mirror=$(cd "${2:-../shared/mirror}" && pwd)  # absolute: the benchmarks run in tl-core/
py=/usr/bin/python3
peer=tl-core/src/bench/python/torch_peer.py
images=${TRAIN_IMAGES:-2048}
epochs=${TRAIN_EPOCHS:-2}
cores=$(nproc)

ours() { # bench class, args
  run_bench "$1" "$2" 2>&1 | grep -v '^\[' || true
}
rate() { grep -o '[0-9.]* images/s' | tail -1 | cut -d' ' -f1; }
best() { printf '%s\n' "$@" | sort -g | tail -1; }

if [ "$what" = train ] || [ "$what" = all ]; then
  t1=$($py $peer train "$images" "$epochs" 1 "$cores"); echo "$t1"
  t2=$($py $peer train "$images" "$epochs" "$cores" 1); echo "$t2"
  o1=$(ours TrainingBenchmark "$images $epochs 1 $cores"); echo "ours $o1"
  o2=$(ours TrainingBenchmark "$images $epochs $cores 1"); echo "ours $o2"
  p=$(best "$(echo "$t1" | rate)" "$(echo "$t2" | rate)")
  o=$(best "$(echo "$o1" | rate)" "$(echo "$o2" | rate)")
  echo "TRAINING: ours $o images/s, PyTorch $p images/s, ratio $(echo "scale=2; $o / $p" | bc)"
fi

if [ "$what" = embed ] || [ "$what" = all ]; then
  images_dir=$(bench_images "$mirror")
  e1=$($py $peer embed 320 32 "$cores"); echo "$e1"
  o1=$(ours EmbeddingBenchmark "$mirror/resnet50-imagenet-keras.h5 $images_dir 320 32 224 caffe"); echo "ours $o1"
  p=$(echo "$e1" | rate)
  o=$(echo "$o1" | rate)
  echo "EMBEDDING: ours $o images/s, PyTorch $p images/s, ratio $(echo "scale=2; $o / $p" | bc)"
fi
