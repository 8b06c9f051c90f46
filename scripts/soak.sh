#!/usr/bin/env bash
# Soak: the service under a bounded load for a bounded time, on this machine only. Starts the service on a
# fresh H2 file (with the demo accounts), runs ./greencredit load-test at --rate calls per second in five-minute rounds
# until MINUTES have passed, and after each round prints heap after the last GC, heap in use, live threads and
# open file descriptors from /actuator/prometheus, as one TSV line. Flat figures across rounds mean no leak.
# Usage: scripts/soak.sh [minutes=60] [rate=40] [port=8096]
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=lib/wait-for-service.sh
. "$ROOT/scripts/lib/wait-for-service.sh"
MINUTES="${1:-60}"
RATE="${2:-40}"
PORT="${3:-8096}"
WORK="$(mktemp -d)"
BASE="http://localhost:$PORT"
ROUND_SECONDS=300

[ "$MINUTES" -ge 1 ] && [ "$MINUTES" -le 600 ] || { echo "minutes must be 1..600" >&2; exit 2; }

# Run from copies of the built jars, so that a rebuild during the soak cannot pull a jar from under it.
"$ROOT/greencredit" --version >/dev/null
mkdir -p "$WORK/cli"
cp "$ROOT/service/target/greencredit-service.jar" "$WORK/service.jar"
cp -r "$ROOT/cli/target/lib" "$ROOT"/cli/target/greencredit-cli-*.jar "$WORK/cli/"
JVM_FLAGS=(--add-opens=java.base/java.nio=ALL-UNNAMED)
(cd "$WORK" && SERVER_PORT="$PORT" GREENCREDIT_AUDIT_KEY_FILE="$WORK/audit.key" \
  GREENCREDIT_DB_URL="jdbc:h2:file:$WORK/db;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" \
  exec java "${JVM_FLAGS[@]}" -jar "$WORK/service.jar" >"$WORK/service.log" 2>&1) &
SERVICE_PID=$!
# The database of an hour's load takes gigabytes: removed with the service log at the end, unless the soak failed.
trap 'status=$?; kill "$SERVICE_PID" 2>/dev/null || true; wait "$SERVICE_PID" 2>/dev/null || true
  if [ "$status" -eq 0 ]; then rm -rf "$WORK"; else echo "kept $WORK" >&2; fi' EXIT
wait_for_service "$BASE" "$WORK/service.log" || exit 1

KEY="${GREENCREDIT_DEMO_API_KEY:-demo-pipeline-key}"
ADMIN="admin:${GREENCREDIT_DEMO_PASSWORD:-demo-password}"
# The sum of a Prometheus metric's series whose labels contain $2 (all of them without it).
metric() {
  curl -sf -u "$ADMIN" "$BASE/actuator/prometheus" | awk -v name="$1" -v label="${2:-}" \
    'index($1, name) == 1 && index($1, label) > 0 {sum += $NF} END {printf "%.0f", sum}'
}

printf 'minute\tcalls\terrors\tp99_ms\tlive_heap_after_gc_mb\theap_used_mb\tthreads\topen_fds\n'
elapsed=0
while [ "$elapsed" -lt $((MINUTES * 60)) ]; do
  seconds=$(( MINUTES * 60 - elapsed < ROUND_SECONDS ? MINUTES * 60 - elapsed : ROUND_SECONDS ))
  report="$(java "${JVM_FLAGS[@]}" -cp "$WORK/cli/*:$WORK/cli/lib/*" org.greencredit.cli.GreenCreditCli load-test --url "$BASE" --api-key "$KEY" --seconds "$seconds" --concurrency 2 --rate "$RATE" 2>/dev/null || true)"
  elapsed=$((elapsed + seconds))
  calls="$(grep -o '"calls":[0-9]*' <<<"$report" | cut -d: -f2)"
  errors="$(grep -o '"errors":[0-9]*' <<<"$report" | cut -d: -f2)"
  p99="$(grep -o '"p99":[0-9.]*' <<<"$report" | cut -d: -f2)"
  printf '%d\t%s\t%s\t%s\t%d\t%d\t%s\t%s\n' "$((elapsed / 60))" "${calls:-0}" "${errors:-?}" "${p99:-?}" \
    "$(( $(metric 'jvm_gc_live_data_size_bytes') / 1048576 ))" "$(( $(metric 'jvm_memory_used_bytes' 'area="heap"') / 1048576 ))" \
    "$(metric 'jvm_threads_live_threads')" "$(metric 'process_files_open_files')"
done
