#!/usr/bin/env bash
# Finds a JDK 25 or newer and exports JAVA_HOME. Sourced by ./flotilla and .ci/run.
# Order: $JAVA_HOME, then JDKs under /usr/lib/jvm and /opt, then `java` on PATH.

flotilla_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | awk -F'= ' '/java.specification.version/ {print $2; exit}' | cut -d. -f1
}

flotilla_find_java() {
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  for d in /usr/lib/jvm/*temurin-2[5-9]* /usr/lib/jvm/*-2[5-9]* /usr/lib/jvm/* /opt/*jdk* /opt/java/*; do
    [ -x "$d/bin/java" ] && candidates+=("$d")
  done
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  local c major
  for c in "${candidates[@]}"; do
    [ -x "$c/bin/java" ] && [ -x "$c/bin/javac" ] || continue
    major=$(flotilla_java_major "$c")
    if [ -n "$major" ] && [ "$major" -ge 25 ] 2>/dev/null; then
      export JAVA_HOME="$c"
      return 0
    fi
  done
  echo "flotilla: needs a JDK 25 or newer (java and javac). Install Temurin 25 from https://adoptium.net" >&2
  echo "          (Debian/Ubuntu: the temurin-25-jdk package) or set JAVA_HOME to one." >&2
  return 1
}
