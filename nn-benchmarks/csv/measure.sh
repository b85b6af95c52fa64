#!/usr/bin/env bash
# The CSV loading figures of docs/performance.md: nn4j's CsvTable.read against numpy.loadtxt on the same file.
#
#   nn-benchmarks/csv/measure.sh [ROWS]     60000 rows (245 MB) by default; 240000 rows is about 1 GB
#
# Writes the file with make_csv.py into a temporary directory (removed afterwards), then runs, one after the other:
# nn4j at -Xmx of 8 bytes per value plus 20% (three reads, under /usr/bin/time for the peak resident memory) and
# numpy.loadtxt (under /usr/bin/time too). Builds nn-benchmarks.jar first if it is missing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$(dirname "$here")")"
rows="${1:-60000}"
jar="$root/nn-benchmarks/target/nn-benchmarks.jar"
[[ -f "$jar" ]] || (cd "$root" && ./mvnw -q -o -pl nn-benchmarks -am package -DskipTests)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 "$here/make_csv.py" "$work/data.csv" "$rows"
ls -l "$work/data.csv" | awk '{printf "file: %d rows, %.0f MB\n", '"$rows"', $5 / 1e6}'
heap_mb=$(( rows * 784 * 8 * 12 / 10 / 1000000 + 64 ))
/usr/bin/time -f "nn4j: peak resident %M KB; JVM %e s wall, %U s user + %S s system" \
    java -Xmx${heap_mb}m -cp "$jar" org.nn4j.benchmarks.CsvLoad "$work/data.csv" label 3
/usr/bin/time -f "numpy: peak resident %M KB; python %e s wall, %U s user + %S s system" \
    python3 "$here/numpy_load.py" "$work/data.csv" 3
