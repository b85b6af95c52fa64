#!/usr/bin/env bash
# Time per epoch of the same training on one machine (fit) and on Spark's local mode with 1 and 2 threads, for a
# generated data set (docs/spark.md, "What it costs"). Usage: nn-spark/scripts/epoch-times.sh [ROWS] [EPOCHS]
set -euo pipefail
here=$(dirname "$0")
rows=${1:-20000}
epochs=${2:-4}
cp=$("$here/classpath.sh")
opts=$(sed -n 's:.*<spark.jvm.options>\(.*\)</spark.jvm.options>.*:\1:p' "$here/../pom.xml")
for batch in 1000 100; do
    for where in fit 'local[1]' 'local[2]'; do
        # shellcheck disable=SC2086
        java $opts -Xmx2g -cp "$cp" org.nn4j.spark.EpochTimes "$where" "$rows" "$batch" 2 "$epochs" 2>/dev/null \
            | grep 'epoch seconds'
    done
done
