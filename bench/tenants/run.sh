#!/usr/bin/env bash
# Tenant creation time at N tenants in each mode (shared: organization; dedicated: realm), through
# the real api-server against a fresh embedded Keycloak and PostgreSQL.
#   bench/tenants/run.sh [--tenants 200]
# BENCH_NO_BUILD=1 skips packaging the api-server. Output: bench/tenants/target/run-*/ (logs) and
# the table on stdout.
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
if [[ "${BENCH_NO_BUILD:-}" != 1 ]]; then
  ./mvnw -B -q -o -pl api-server package -DskipTests
fi
DEPLOY_JAR="$(ls deploy/target/flotilla-deploy-*.jar 2>/dev/null | grep -v -- '-tests\.jar$' | head -1 || true)"
for f in "$DEPLOY_JAR" deploy/target/flotilla.classpath api-server/target/quarkus-app/quarkus-run.jar; do
  [[ -n $f && -e $f ]] || { echo "missing ${f:-deploy/target/flotilla-deploy-*.jar}: build the deploy and api-server modules first" >&2; exit 1; }
done
CP="$DEPLOY_JAR:$(cat deploy/target/flotilla.classpath)"
WORK="bench/tenants/target/run-$(date -u +%Y%m%d-%H%M%S)"
exec "$JAVA_HOME/bin/java" -cp "$CP" bench/tenants/TenantCreationBench.java --work "$WORK" "$@"
