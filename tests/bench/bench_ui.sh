#!/bin/sh
# Builds bench_ui in Release and runs it offscreen at scale 1 and at scale 2 (HiDPI).
#   tests/bench/bench_ui.sh [build-dir] [bench_ui options: --reps N, --only VIEW, --events, --save DIR]
# Figures only, no pass/fail; the target is under 16 ms per refresh.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
build="$root/build-bench"
if [ $# -gt 0 ]; then
  build=$1
  shift
fi
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DSWARMSCOPE_BUILD_UI=ON >/dev/null
cmake --build "$build" --target bench_ui -j2
for scale in 1 2; do
  QT_QPA_PLATFORM=offscreen QT_SCALE_FACTOR=$scale "$build/tests/bench/bench_ui" "$@"
done
