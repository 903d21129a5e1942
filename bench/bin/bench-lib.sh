# Shared by bench/run-*.sh: finds Java, builds the bench module when a source is newer than the
# last build, freezes the jars into a results folder and sets the driver's JVM flags.
#   source "$BENCH/bin/bench-lib.sh"; bench_setup NAME "$@"
# After bench_setup: JAVA_HOME, BENCH, ROOT, RUNS, HELP, ARGS (the suite's own options), OUT (the
# results folder), JVM_FLAGS, and bench_classpath FILE, which prints the frozen class path of
# bench/target/FILE (the bench jar first).
# shellcheck shell=bash

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROOT="$(dirname "$BENCH")"
# shellcheck source=../../deploy/bin/find-java.sh
source "$ROOT/deploy/bin/find-java.sh"

# Parses --runs N and --help; the rest stays in ARGS. Builds if needed. Creates OUT unless --help.
bench_setup() {
  local name="$1"; shift
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
  local stamp="$BENCH/target/flotilla.classpath"
  if [ -z "${BENCH_NO_BUILD:-}" ] && { [ ! -f "$stamp" ] || [ ! -f "$BENCH/target/pekko.classpath" ] || [ -n "$(find "$ROOT" -path "$ROOT/*/target" -prune -o \( -name '*.java' -o -name 'pom.xml' -o -name '*.proto' \) -newer "$stamp" -print -quit)" ]; }; then
    echo "Building the benchmarks (./mvnw -B -q -DskipTests install -pl bench -am)..." >&2
    (cd "$ROOT" && ./mvnw -B -q -DskipTests install -pl bench -am) >&2
    touch "$stamp" # the plugin leaves an unchanged class path file as it was
  fi
  BENCH_JAR=$(ls "$BENCH"/target/flotilla-bench-[0-9]*.jar | grep -v -e sources -e tests | head -n 1)
  [ -n "$HELP" ] && return 0
  OUT="$BENCH/target/bench-results/$name-$(date +%Y%m%d-%H%M%S)"
  mkdir -p "$OUT/lib"
  (cd "$ROOT" && git rev-parse HEAD && git status --short) > "$OUT/source-state.txt" 2>/dev/null || true
  # Same-size heap, pre-touched: first-touch page faults otherwise dominate large transfers.
  read -r -a JVM_FLAGS <<< "${BENCH_JVM_FLAGS:--Xms2g -Xmx2g -XX:+AlwaysPreTouch}"
  JVM_FLAGS=(--sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED "${JVM_FLAGS[@]}")
  export FLOTILLA_BENCH_COMMAND="bench/run-$name.sh${RUNS:+ --runs $RUNS}${ARGS[*]:+ ${ARGS[*]}}  (driver: java ${JVM_FLAGS[*]})"
  echo "JAVA_HOME=$JAVA_HOME; driver flags: ${JVM_FLAGS[*]}; $(nproc) CPUs; load: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
}

# The class path of bench/target/$1 with the bench jar first, as copies under $OUT/lib (or the
# originals with --help): every run of a series uses one frozen build while others rebuild target/.
bench_classpath() {
  local cp="" entry copy
  while IFS= read -r entry || [ -n "$entry" ]; do
    [ -n "$entry" ] || continue
    if [ -n "$HELP" ]; then
      copy="$entry"
    else
      copy="$OUT/lib/$(basename "$entry")"
      [ -f "$copy" ] || cp "$entry" "$copy"
    fi
    cp="${cp:+$cp:}$copy"
  done < <(printf '%s\n' "$BENCH_JAR" && tr ':' '\n' < "$BENCH/target/$1")
  printf '%s' "$cp"
}
