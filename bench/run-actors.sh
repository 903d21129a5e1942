#!/usr/bin/env bash
# Flotilla's actor microbenchmarks (the shape of Ray's "1:1 actor calls sync/async", "n:n actor
# calls async", "placement group create/removal") and, in the same run on the same machine, the
# Apache Pekko peer: 1:1 asks between two JVMs over Artery TCP on loopback.
#
#   bench/run-actors.sh [--runs N] [ActorBenchmarks options...]
#
# Each run: ActorBenchmarks (a fresh driver JVM and local cluster of 2 workers, or FLOTILLA_ADDRESS),
# then PekkoBenchmarks (a fresh client JVM and server JVM, both with the driver's flags). With
# --runs N > 1 it prints the median of the runs' medians beside Ray's published figures and each
# 1:1 figure's ratio to Pekko's in the same run. BENCH_NO_BUILD=1 skips the build; BENCH_JVM_FLAGS
# sets the driver's flags; BENCH_PEKKO_ARGS passes options to PekkoBenchmarks (its rounds default to
# the shared ones). Results go to bench/target/bench-results/actors-<time>/.
# ActorBenchmarks options: bench/run-actors.sh --help
set -euo pipefail
# shellcheck source=bin/bench-lib.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/bin/bench-lib.sh"
bench_setup actors "$@"
CP=$(bench_classpath flotilla.classpath)
PEKKO_CP=$(bench_classpath pekko.classpath)
if [ -n "$HELP" ]; then
  exec "$JAVA_HOME/bin/java" -cp "$CP" dev.flotilla.bench.ActorBenchmarks --help
fi
read -r -a PEKKO_ARGS <<< "${BENCH_PEKKO_ARGS:-}"
for i in $(seq 1 "$RUNS"); do
  echo "=== run $i of $RUNS: Flotilla ===" >&2
  "$JAVA_HOME/bin/java" "${JVM_FLAGS[@]}" -cp "$CP" dev.flotilla.bench.ActorBenchmarks \
    --out-dir "$OUT/run-$i" --work-dir "$BENCH/target/bench-cluster/run-$i" ${ARGS[@]+"${ARGS[@]}"}
  echo "=== run $i of $RUNS: Pekko ===" >&2
  FLOTILLA_BENCH_COMMAND="${FLOTILLA_BENCH_COMMAND/  (driver:/, then PekkoBenchmarks ${PEKKO_ARGS[*]:-} (client and server:}" \
    "$JAVA_HOME/bin/java" "${JVM_FLAGS[@]}" -cp "$PEKKO_CP" dev.flotilla.bench.PekkoBenchmarks \
    --out-dir "$OUT/run-$i" --work-dir "$BENCH/target/bench-cluster/run-$i" ${PEKKO_ARGS[@]+"${PEKKO_ARGS[@]}"}
done
echo "=== median of $RUNS run(s) ===" >&2
"$JAVA_HOME/bin/java" -cp "$CP" dev.flotilla.bench.SummarizeRuns --out "$OUT/summary.md" "$OUT"/run-*/actors-*.csv "$OUT"/run-*/pekko-*.csv
echo "results in $OUT" >&2
