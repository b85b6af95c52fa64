#!/usr/bin/env bash
# Runs the same workloads in nn4j and in numpy, interleaved, and prints `workload | nn4j | numpy | ratio`.
#
#   nn-benchmarks/compare.sh                     every workload (5 to 10 minutes on a 2-core machine)
#   nn-benchmarks/compare.sh mlp-step square-256 only these (names: xor-epoch mlp-step mlp-epoch mlp-forward1
#                                                mlp-forward2 mlp-grad-w2 mlp-grad-a1 mlp-grad-a1-into
#                                                mlp-grad-w1 square-64 square-256 square-1024 xor-process)
#   ROUNDS=3 nn-benchmarks/compare.sh            fewer samples per workload (default 7)
#   PIN_CPU=0 nn-benchmarks/compare.sh           the one-thread groups on CPU 0 (default: the last CPU; PIN_CPU=none:
#                                                not pinned)
#   JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java nn-benchmarks/compare.sh    another JDK
#   AGAINST=pytorch nn-benchmarks/compare.sh     against PyTorch (float32, autograd) instead of numpy: xor-epoch,
#                                                mlp-step, mlp-epoch (needs torch: see pytorch/workloads.py)
#
# Needs python3 with numpy. Builds the two jars first if they are missing. See compare.py for the method and
# docs/performance.md for recorded results.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
if [[ ! -f "$root/nn-benchmarks/target/nn-benchmarks.jar" || ! -f "$root/nn-examples/target/nn-examples.jar" ]]; then
    (cd "$root" && ./mvnw -q -DskipTests package)
fi
# The xor-process rows time the blog under `python3` as this shell's PATH finds it; name it here, because a pyenv
# shim puts the interpreter's own directory first on PATH for the process it starts.
NN4J_PYTHON3_ON_PATH="$(command -v python3)" exec python3 "$here/compare.py" "$@"
