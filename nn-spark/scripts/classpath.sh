#!/usr/bin/env bash
# Prints the class path that runs nn-spark with Spark in one JVM (the module's classes, its test classes and
# every dependency, Spark included), building what it needs; the scripts beside this one use it.
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -pl nn-spark -am package -DskipTests dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$PWD/nn-spark/target/classpath.txt" > /dev/null
echo "$PWD/nn-spark/target/classes:$PWD/nn-spark/target/test-classes:$(cat nn-spark/target/classpath.txt)"
