#!/usr/bin/env bash
# Scores a generated file of a million rows twice, with the predict command on one machine and through Spark
# (SparkApp score, local[2]), and compares the two outputs number for number (docs/spark.md, "Scoring").
# Usage: nn-spark/scripts/compare-predict.sh [ROWS] [WORK_DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=${1:-1000000}
work=${2:-nn-spark/target/compare-predict}
rm -rf "$work" && mkdir -p "$work"
cp=$(nn-spark/scripts/classpath.sh)
./mvnw -q -pl nn-examples -am package -DskipTests > /dev/null
opts=$(sed -n 's:.*<spark.jvm.options>\(.*\)</spark.jvm.options>.*:\1:p' nn-spark/pom.xml)

python3 - "$work" "$rows" <<'PY'
import sys
import numpy as np
work, rows = sys.argv[1], int(sys.argv[2])
rng = np.random.RandomState(7)
centres = np.array([[5.0, 3.4, 1.5, 0.2], [5.9, 2.8, 4.3, 1.3], [6.6, 3.0, 5.6, 2.0]])
species = np.array(['setosa', 'versicolor', 'virginica'])
header = 'sepal_length,sepal_width,petal_length,petal_width'
k = np.arange(600) % 3
x = centres[k] + 0.4 * rng.standard_normal((600, 4))
with open(f'{work}/flowers.csv', 'w') as f:
    f.write(header + ',species\n')
    for row, label in zip(x, species[k]):
        f.write(','.join(repr(float(v)) for v in row) + ',' + label + '\n')
k = np.arange(rows) % 3
x = centres[k] + 0.4 * rng.standard_normal((rows, 4))
np.savetxt(f'{work}/big.csv', x, fmt='%.17g', delimiter=',', header=header, comments='')
PY

java -jar nn-examples/target/nn-examples.jar train --data "$work/flowers.csv" --label species --epochs 30 \
    --save "$work/flowers.json" --quiet > /dev/null
start=$(date +%s.%N)
java -Xmx4g -jar nn-examples/target/nn-examples.jar predict --model "$work/flowers.json" --data "$work/big.csv" \
    --output "$work/predict.csv"
middle=$(date +%s.%N)
# shellcheck disable=SC2086
java $opts -Xmx4g -Dspark.master='local[2]' -Dspark.ui.enabled=false -cp "$cp" org.nn4j.spark.app.SparkApp score \
    --model "$work/flowers.json" --data "$work/big.csv" --output "$work/spark" 2> "$work/spark.log"
end=$(date +%s.%N)
echo "predict command: $(echo "$middle - $start" | bc) s; Spark score, local[2]: $(echo "$end - $middle" | bc) s"

python3 - "$work" <<'PY'
import csv, glob, sys
work = sys.argv[1]
def rows(paths):
    for path in paths:
        with open(path) as f:
            reader = csv.reader(f)
            header = next(reader)
            for row in reader:
                yield header, row
one = rows([f'{work}/predict.csv'])
spark = rows(sorted(glob.glob(f'{work}/spark/part-*.csv')))
count = same = labels = 0
for (h1, a), (h2, b) in zip(one, spark):
    assert h1 == h2, (h1, h2)
    count += 1
    numbers = all(float(u) == float(v) for u, v, name in zip(a, b, h1) if name != 'predicted')
    same += numbers
    labels += a[h1.index('predicted')] == b[h2.index('predicted')]
print(f'{count} rows compared: {same} with every number equal, {labels} with the same predicted class')
sys.exit(0 if count > 0 and same == count and labels == count else 1)
PY
