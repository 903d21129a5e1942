#!/usr/bin/env bash
# Flotilla's core microbenchmarks (the shape of Ray's `ray microbenchmark`) against a local cluster
# of 2 workers that each run starts and stops, or against FLOTILLA_ADDRESS when it is set.
#
#   bench/run-core.sh [--runs N] [CoreBenchmarks options...]
#
# BENCH_NO_BUILD=1 skips the build even when sources are newer than the last one. The jars are
# copied to the results folder first, so every run of a series uses the same build.
# --runs N runs the whole suite N times (a fresh JVM and cluster each), then prints the median of
# the runs' medians beside Ray's published figures. Results go to bench/target/bench-results/<time>/.
# The driver's JVM flags come from BENCH_JVM_FLAGS (default below); every run records the flags of
# every process. Other CoreBenchmarks options: bench/run-core.sh --help
set -euo pipefail
BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$BENCH")"
# shellcheck source=../deploy/bin/find-java.sh
source "$ROOT/deploy/bin/find-java.sh"
flotilla_find_java

RUNS=1
HELP=
ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS="$2"; shift 2 ;;
    --help|-h) HELP=1; shift ;;
    *) ARGS+=("$1"); shift ;;
  esac
done

stamp="$BENCH/target/flotilla.classpath"
if [ -z "${BENCH_NO_BUILD:-}" ] && { [ ! -f "$stamp" ] || [ -n "$(find "$ROOT" -path "$ROOT/*/target" -prune -o \( -name '*.java' -o -name 'pom.xml' -o -name '*.proto' \) -newer "$stamp" -print -quit)" ]; }; then
  echo "Building the benchmarks (./mvnw -B -q -DskipTests install -pl bench -am)..." >&2
  (cd "$ROOT" && ./mvnw -B -q -DskipTests install -pl bench -am) >&2
  touch "$stamp" # the plugin leaves an unchanged class path file as it was
fi
if [ -n "$HELP" ]; then
  exec "$JAVA_HOME/bin/java" -cp "$(ls "$BENCH"/target/flotilla-bench-[0-9]*.jar | head -n 1):$(cat "$stamp")" \
    dev.flotilla.bench.CoreBenchmarks --help x
fi
OUT="$BENCH/target/bench-results/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT/lib"
# Every run of a series uses one frozen copy of the jars: on a shared machine others rebuild target/.
jar=$(ls "$BENCH"/target/flotilla-bench-[0-9]*.jar | grep -v -e sources -e tests | head -n 1)
CP=""
while IFS= read -r entry; do
  [ -n "$entry" ] || continue
  copy="$OUT/lib/$(basename "$entry")"
  cp "$entry" "$copy"
  CP="${CP:+$CP:}$copy"
done < <(printf '%s\n' "$jar" && tr ':' '\n' < "$stamp")
(cd "$ROOT" && git rev-parse HEAD && git status --short) > "$OUT/source-state.txt" 2>/dev/null || true

# Same-size heap, pre-touched: first-touch page faults otherwise dominate 64 MiB puts.
read -r -a JVM_FLAGS <<< "${BENCH_JVM_FLAGS:--Xms2g -Xmx2g -XX:+AlwaysPreTouch}"
JVM_FLAGS=(--sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED "${JVM_FLAGS[@]}")

export FLOTILLA_BENCH_COMMAND="bench/run-core.sh${RUNS:+ --runs $RUNS}${ARGS[*]:+ ${ARGS[*]}}  (driver: java ${JVM_FLAGS[*]})"
echo "JAVA_HOME=$JAVA_HOME; driver flags: ${JVM_FLAGS[*]}; $(nproc) CPUs; load: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
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
