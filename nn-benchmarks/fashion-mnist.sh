#!/usr/bin/env bash
# Fashion-MNIST in nn4j and in PyTorch, side by side: the whole run (load, train, test) of each network at one and
# two threads, one after the other, and a table of seconds per epoch, whole-run seconds, test accuracy and peak
# memory (maximum resident set size, from GNU time).
#
#   nn-benchmarks/fashion-mnist.sh                       mlp and cnn, 10 epochs, 1 and 2 threads (about an hour)
#   MODELS=mlp THREADS=1 nn-benchmarks/fashion-mnist.sh   only these
#   EPOCHS=2 nn-benchmarks/fashion-mnist.sh               shorter runs
#   DATA=DIR nn-benchmarks/fashion-mnist.sh               the four IDX files elsewhere
#
# Needs /usr/bin/time (Debian package time), the data set (sudo apt-get install dataset-fashion-mnist) and torch
# (pip install --no-index --no-deps "$PIP_FIND_LINKS"/torch-*.whl). nn4j runs through the ./nn4j launcher, as a
# user runs it (vector kernel, the launcher's JVM settings), with -Dnn4j.threads=N; PyTorch with
# torch.set_num_threads(N) (pytorch/fashion_mnist.py). Builds the jar first if it is missing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
if [[ ! -f "$root/nn-examples/target/nn-examples.jar" ]]; then
    (cd "$root" && ./mvnw -q -DskipTests package)
fi
exec python3 "$here/fashion_mnist_compare.py" "$root" "${MODELS:-mlp cnn}" "${THREADS:-1 2}" "${EPOCHS:-10}" \
    "${DATA:-/usr/share/datasets/fashion-mnist}"
