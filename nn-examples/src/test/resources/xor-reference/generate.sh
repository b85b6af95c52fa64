#!/usr/bin/env bash
# Regenerates the expected output of nn4j's `xor` example from the blog's numpy program.
# Each file is named seed-epochs-blogRate-logEvery.txt; nn4j runs it with learning rate 2 × blogRate
# (nn4j's mean squared error gradient is 2/(n·k) = 1/2 of the blog's ½·Σ gradient for its 4×1 targets).
# Generated with numpy 2.4.6 and Python 3.11.7; run from anywhere: bash generate.sh
set -euo pipefail
cd "$(dirname "$0")"
for setting in "42 1000 0.1 100" "7 2000 0.5 250" "123 3000 1.0 300" "0 500 0.05 50" "42 10000 0.1 1000"; do
  set -- $setting
  python3 blog_xor.py "$1" "$2" "$3" "$4" > "$1-$2-$3-$4.txt"
done
