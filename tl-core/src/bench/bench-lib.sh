# Shared by the benchmark scripts beside it (source it; run them from the repository root).

# Runs a benchmark main class of tl-core/src/bench: run_bench <class> "<args>"
run_bench() {
  mvn -B -q -ntp -pl tl-core -Pbench test-compile exec:exec -Dbench="$1" -Dbench.args="$2"
}

# Unpacks 352 Parasitized cell images from the mirror's archive once and prints their folder's absolute path:
# bench_images <mirror folder>
bench_images() {
  local dir=tl-core/target/bench-images
  if [ ! -d "$dir" ]; then
    mkdir -p "$dir"
    unzip -q -j "$1/cell_images-5000-per-class.zip" '*/Parasitized/*.png' -d "$dir" -x '*/._*' 2>/dev/null || true
    ls "$dir" | tail -n +353 | (cd "$dir" && xargs rm -f)
  fi
  echo "$PWD/$dir"
}
