#!/usr/bin/env bash
# Ours against PyTorch and against the hardware's limit on this machine, in one invocation: training the paper's CNN
# and the ResNet50 embedding. Usage (from the repository root): tl-core/src/bench/side-by-side.sh [train|embed|all]
# [mirror folder]. Needs Debian's python3-torch (and python3-torchvision for embed).
# Training: both sides see 50x50x3 images, batch 128; every rate is printed for 1 job x N threads and N jobs x 1
# thread (tl.jobs x threads; PyTorch processes x threads), PyTorch in NCHW and channels_last, ours with
# tl.trainer=onednn and dl4j. The roofline is the sgemm rate of the same cores divided by the arithmetic of one
# training image (178.7 MFLOP: forward 60.9, backward-weights 60.9, backward-data 56.9, conv1 needing none).
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
  mflop_per_image=178.7
  torch_rates=()
  for layout in nchw channels_last; do
    for jt in "1 $cores" "$cores 1"; do
      r=$($py $peer train "$images" "$epochs" $jt "$layout"); echo "$r"
      torch_rates+=("$(echo "$r" | rate)")
    done
  done
  declare -A ours_best
  for trainer in onednn dl4j; do
    best_rate=0
    for jt in "1 0" "$cores 1"; do
      r=$(ours TrainingBenchmark "$images $epochs $jt $trainer"); echo "ours $r"
      best_rate=$(best "$best_rate" "$(echo "$r" | rate)")
    done
    ours_best[$trainer]=$best_rate
  done
  g=$(ours SgemmBenchmark "2048 10"); echo "$g"
  gflops=$(echo "$g" | grep -o '[0-9.]* GFLOP/s' | cut -d' ' -f1)
  p=$(best "${torch_rates[@]}")
  roof=$(echo "scale=0; $gflops * 1000 / $mflop_per_image" | bc)
  o=${ours_best[onednn]}
  echo "TRAINING: ours (onednn) $o images/s, dl4j ${ours_best[dl4j]}, PyTorch's best $p images/s:" \
       "ratio $(echo "scale=2; $o / $p" | bc); roofline $roof images/s ($gflops GFLOP/s sgemm / $mflop_per_image MFLOP):" \
       "$(echo "scale=0; 100 * $o / $roof" | bc)% of it"
fi

if [ "$what" = embed ] || [ "$what" = all ]; then
  # the same real cell images on both sides, resized to 224x224 as tl:cluster does (PyTorch reads them with PIL)
  images_dir=$(bench_images "$mirror")
  e1=$($py $peer embed 320 32 "$cores" "$images_dir"); echo "$e1"
  declare -A embed_rate
  for embedder in onednn dl4j; do
    r=$(ours EmbeddingBenchmark "$mirror/resnet50-imagenet-keras.h5 $images_dir 320 32 224 caffe $embedder")
    echo "ours $r"
    embed_rate[$embedder]=$(echo "$r" | rate)
  done
  p=$(echo "$e1" | rate)
  o=${embed_rate[onednn]}
  echo "EMBEDDING: ours (onednn) $o images/s, dl4j ${embed_rate[dl4j]}, PyTorch $p images/s: ratio" \
       "$(echo "scale=2; $o / $p" | bc); 10,000 images in $(echo "scale=1; 10000 / $o / 60" | bc) min"
fi
