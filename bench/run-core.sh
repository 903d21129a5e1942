#!/usr/bin/env bash
# Flotilla's core microbenchmarks (the shape of Ray's `ray microbenchmark`) against a local cluster
# of 2 workers that each run starts and stops, or against FLOTILLA_ADDRESS when it is set.
#
#   bench/run-core.sh [--runs N] [CoreBenchmarks options...]
#
# BENCH_NO_BUILD=1 skips the build even when sources are newer than the last one. The jars are
# copied to the results folder first, so every run of a series uses the same build.
# --runs N runs the whole suite N times (a fresh JVM and cluster each), then prints the median of
# the runs' medians beside Ray's published figures. Results go to bench/target/bench-results/core-<time>/.
# The driver's JVM flags come from BENCH_JVM_FLAGS (default in bin/bench-lib.sh); every run records
# the flags of every process. Other CoreBenchmarks options: bench/run-core.sh --help
set -euo pipefail
# shellcheck source=bin/bench-lib.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/bin/bench-lib.sh"
bench_setup core "$@"
CP=$(bench_classpath flotilla.classpath)
if [ -n "$HELP" ]; then
  exec "$JAVA_HOME/bin/java" -cp "$CP" dev.flotilla.bench.CoreBenchmarks --help
fi
for i in $(seq 1 "$RUNS"); do
  echo "=== run $i of $RUNS ===" >&2
  "$JAVA_HOME/bin/java" "${JVM_FLAGS[@]}" -cp "$CP" dev.flotilla.bench.CoreBenchmarks \
    --out-dir "$OUT/run-$i" --work-dir "$BENCH/target/bench-cluster/run-$i" ${ARGS[@]+"${ARGS[@]}"}
done
if [ "$RUNS" -gt 1 ]; then
  echo "=== median of $RUNS runs ===" >&2
  "$JAVA_HOME/bin/java" -cp "$CP" dev.flotilla.bench.SummarizeRuns --out "$OUT/summary.md" "$OUT"/run-*/core-*.csv
fi
echo "results in $OUT" >&2
