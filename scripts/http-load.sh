#!/usr/bin/env bash
# HTTP load on this machine only, bounded: starts the service on a fresh database (H2 in a temporary
# directory, or a local PostgreSQL server with "postgres"), warms it up, then runs Debian's wrk against
# POST /api/v1/ratings (a ~2 KB request, the pipeline key) and GET /api/v1/vocabulary (the yardstick) in the
# same run, and checks afterwards that the audit chain verifies, that every rating is in it, and that the
# database holds exactly as many ratings as there were 201 answers. Each run's line also gives the service's CPU
# time per request and how busy the machine was. Installs wrk (and PostgreSQL) when missing.
# With KILL_AFTER=N in the environment, the service is killed with SIGKILL N seconds into the rating run instead,
# restarted on the same database, and the checks are that every 201 answered before the kill is stored, that the
# chain verifies, and that no rating is outside it or in it twice.
# With SERVICE_JAR=path, that jar is measured instead of the one built from this tree (a before/after pair);
# H2_OPTIONS=";NAME=value..." appends settings to the H2 URL (e.g. ";WRITE_DELAY=0" for a build older than
# 628d442, which relied on its URL for it; newer builds set it themselves).
# The temporary directory (database, service log) is removed at the end, unless the run failed or KEEP_WORK is set.
# Usage: [KILL_AFTER=N] [SERVICE_JAR=jar] [H2_OPTIONS=...] [KEEP_WORK=1] scripts/http-load.sh [h2|postgres] [seconds=60] [warm-up seconds=30] [connections=8]
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=lib/wait-for-service.sh
. "$ROOT/scripts/lib/wait-for-service.sh"
DB="${1:-h2}"
SECONDS_RUN="${2:-60}"
WARMUP="${3:-30}"
CONNECTIONS="${4:-8}"
PORT="${PORT:-8097}"
WORK="$(mktemp -d)"
BASE="http://localhost:$PORT"
KEY="${GREENCREDIT_DEMO_API_KEY:-demo-pipeline-key}"
ADMIN="admin:${GREENCREDIT_DEMO_PASSWORD:-demo-password}"
LOAD="$ROOT/scripts/load"

[ "$SECONDS_RUN" -ge 5 ] && [ "$SECONDS_RUN" -le 600 ] || { echo "seconds must be 5..600" >&2; exit 2; }
[ "$CONNECTIONS" -ge 1 ] && [ "$CONNECTIONS" -le 256 ] || { echo "connections must be 1..256" >&2; exit 2; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
install_missing() {
  as_root apt-get install -y "$@" >/dev/null 2>&1 || { as_root apt-get update >/dev/null && as_root apt-get install -y "$@" >/dev/null; }
}
command -v wrk >/dev/null || install_missing wrk

# Run from a copy of the built jar, so that a rebuild meanwhile cannot pull it from under the service.
if [ -n "${SERVICE_JAR:-}" ]; then
  cp "$SERVICE_JAR" "$WORK/service.jar"
else
  "$ROOT/greencredit" --version >/dev/null
  cp "$ROOT/service/target/greencredit-service.jar" "$WORK/service.jar"
fi
(cd "$WORK" && unzip -q -j service.jar 'BOOT-INF/lib/h2-*.jar' 'BOOT-INF/lib/postgresql-*.jar' -d "$WORK/jdbc")

PG_CTL=""
case "$DB" in
  h2)
    DB_URL="jdbc:h2:file:$WORK/db;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH${H2_OPTIONS:-}"
    DB_USER=sa
    DB_PASSWORD=""
    ;;
  postgres)
    ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || install_missing postgresql
    PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
    PG_PORT=$((PORT + 1000))
    # The server refuses to run as root: it runs as the postgres user, in a directory of its own, on localhost only.
    chmod 755 "$WORK"
    mkdir -p "$WORK/pg" && chown postgres "$WORK/pg"
    as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }
    as_postgres "$PG_BIN/initdb" -D "$WORK/pg/data" -U greencredit --auth=trust >/dev/null
    as_postgres "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -l "$WORK/pg/server.log" -w \
      -o "-c listen_addresses=localhost -p $PG_PORT -k $WORK/pg -c max_connections=50" start >/dev/null
    PG_CTL="$PG_BIN/pg_ctl"
    as_postgres "$PG_BIN/createdb" -h localhost -p "$PG_PORT" -U greencredit greencredit
    DB_URL="jdbc:postgresql://localhost:$PG_PORT/greencredit"
    DB_USER=greencredit
    DB_PASSWORD=""
    ;;
  *) echo "database must be h2 or postgres" >&2; exit 2 ;;
esac

start_service() {
  (cd "$WORK" && SERVER_PORT="$PORT" GREENCREDIT_AUDIT_KEY_FILE="$WORK/audit.key" GREENCREDIT_DB_URL="$DB_URL" \
    GREENCREDIT_DB_USER="$DB_USER" GREENCREDIT_DB_PASSWORD="$DB_PASSWORD" \
    exec java --add-opens=java.base/java.nio=ALL-UNNAMED ${JAVA_OPTS:-} -jar "$WORK/service.jar" >>"$WORK/service.log" 2>&1) &
  SERVICE_PID=$!
  wait_for_service "$BASE" "$WORK/service.log" || exit 1
}
stop_all() {
  if [ -n "${SERVICE_PID:-}" ]; then
    kill "$SERVICE_PID" 2>/dev/null || true
    wait "$SERVICE_PID" 2>/dev/null || true
    SERVICE_PID=""
  fi
}
finish() {
  local status=$?
  stop_all
  [ -z "$PG_CTL" ] || as_postgres "$PG_CTL" -D "$WORK/pg/data" -m fast stop >/dev/null 2>&1 || true
  # The database of a few minutes' load takes gigabytes (13 GB of H2 file after 238,000 ratings): kept only when asked,
  # or when the run failed, for its service log.
  if [ -n "${KEEP_WORK:-}" ] || [ "$status" -ne 0 ]; then echo "kept $WORK" >&2; else rm -rf "$WORK"; fi
}
trap finish EXIT
start_service

# CPU used so far, in clock ticks: the service's own (user + system, from /proc/PID/stat) and the machine's busy
# and total time (from /proc/stat). Printed "?" once the service is gone (killed during the run).
service_ticks() { awk '{print $14 + $15}' "/proc/$SERVICE_PID/stat" 2>/dev/null || echo "?"; }
machine_ticks() { awk '$1 == "cpu" {print $2 + $3 + $4 + $7 + $8 + $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9}' /proc/stat; }
TICKS_PER_S="$(getconf CLK_TCK)"

# One wrk run; prints "label requests/s p50 p99 non-2xx created service-CPU-ms-per-request machine-busy-%" and adds
# its 201s to CREATED. The CPU a request costs the service compares builds with less noise than requests/s on a
# machine whose speed moves between runs; the machine's busy share says whether the run was bound by the CPU.
CREATED=0
run() {
  local label="$1" script="$2" connections="$3" seconds="$4" out
  local service_before machine_before service_after machine_after
  service_before="$(service_ticks)"
  machine_before="$(machine_ticks)"
  out="$(API_KEY="$KEY" wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$LOAD/$script" "$BASE")"
  service_after="$(service_ticks)"
  machine_after="$(machine_ticks)"
  local rps p50 p99 non2xx created cpu_ms busy
  rps="$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")"
  p50="$(awk '/^p50-ms/ {print $2}' <<<"$out")"
  p99="$(awk '/^p99-ms/ {print $2}' <<<"$out")"
  non2xx="$(awk '/^non-2xx/ {print $2}' <<<"$out")"
  created="$(awk '/^created/ {print $2}' <<<"$out")"
  CREATED=$((CREATED + ${created:-0}))
  cpu_ms="?"
  if [ "$service_before" != "?" ] && [ "$service_after" != "?" ] && [ -n "$rps" ]; then
    cpu_ms="$(awk -v t="$((service_after - service_before))" -v hz="$TICKS_PER_S" -v r="$rps" -v s="$seconds" \
      'BEGIN {printf "%.3f", 1000 * t / hz / (r * s)}')"
  fi
  busy="$(awk -v b="$machine_before" -v a="$machine_after" \
    'BEGIN {split(b, x, " "); split(a, y, " "); printf "%.0f", 100 * (y[1] - x[1]) / (y[2] - x[2])}')"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$label" "$connections" "${rps:-?}" "${p50:-?}" "${p99:-?}" "${non2xx:-?}" \
    "${created:--}" "$cpu_ms" "$busy"
}

echo "database $DB, $(nproc) cores, wrk -t2, warm-up ${WARMUP}s, runs of ${SECONDS_RUN}s" >&2
run warm-up post-rating.lua "$CONNECTIONS" "$WARMUP" >/dev/null
printf 'run\tconnections\trequests_per_s\tp50_ms\tp99_ms\tnon_2xx\tcreated\tservice_cpu_ms_per_request\tmachine_busy_pct\n'
if [ -n "${KILL_AFTER:-}" ]; then
  # In a subshell, so its 201s are read back from the printed line.
  run rate post-rating.lua "$CONNECTIONS" "$SECONDS_RUN" >"$WORK/killed-run.tsv" &
  LOAD_PID=$!
  sleep "$KILL_AFTER"
  kill -9 "$SERVICE_PID"
  wait "$SERVICE_PID" 2>/dev/null || true
  SERVICE_PID=""
  wait "$LOAD_PID" || true
  cat "$WORK/killed-run.tsv"
  CREATED=$((CREATED + $(cut -f7 "$WORK/killed-run.tsv")))
  echo "killed the service with SIGKILL after ${KILL_AFTER}s; restarting it on the same database" >&2
  start_service
fi
if [ -z "${KILL_AFTER:-}" ]; then
  run rate post-rating.lua "$CONNECTIONS" "$SECONDS_RUN"
  run vocabulary get-vocabulary.lua "$CONNECTIONS" "$SECONDS_RUN"
  run rate post-rating.lua 64 "$SECONDS_RUN"
fi

verify="$(curl -sf -u "$ADMIN" "$BASE/api/v1/audit/verify")"
echo "audit verify: $verify"
# Ratings the service counted as stored (committed), demo data included; a restart starts the count again.
counted="$(curl -sf -u "$ADMIN" "$BASE/actuator/prometheus" | awk 'index($1, "greencredit_ratings_total") == 1 {sum += $NF} END {printf "%.0f", sum}')"
stop_all
count_sql() {
  if [ "$DB" = h2 ]; then
    java -cp "$WORK/jdbc/*" org.h2.tools.Shell -url "$DB_URL" -user sa -sql "$1" | sed -n 2p | tr -d ' '
  else
    as_postgres "$PG_BIN/psql" -h localhost -p "$PG_PORT" -U greencredit -tA -c "$1" greencredit
  fi
}
stored="$(count_sql "select count(*) from rating")"
stored_load="$(count_sql "select count(*) from rating where sme_id = '91330800MA2B000001'")"
unchained="$(count_sql "select count(*) from rating r where not exists (select 1 from audit_entry a where a.subject_id = r.id and a.action = 'RATING_CREATED')")"
chained_twice="$(count_sql "select count(*) - count(distinct subject_id) from audit_entry where action = 'RATING_CREATED'")"
# wrk stops with requests in flight, which the service still completes (or, killed, may have committed): up to one
# per connection per run is stored without wrk having counted its 201. The demo data rates the load's firm once.
if [ -n "${KILL_AFTER:-}" ]; then IN_FLIGHT=$((CONNECTIONS * 2)); else IN_FLIGHT=$((CONNECTIONS * 2 + 64)); fi
echo "201 answers counted by wrk: $CREATED; ratings of the load's firm stored: $stored_load (one by the demo data, at most $IN_FLIGHT in flight when wrk stopped)"
echo "ratings stored: $stored; counted by the service as stored: $counted; without an audit entry: $unchained; in the chain twice: $chained_twice"
if [ -z "${KILL_AFTER:-}" ]; then
  [ "$stored" = "$counted" ] || { echo "FAIL: the database holds $stored ratings, the service answered $counted" >&2; exit 1; }
fi
[ "$stored_load" -ge $((CREATED + 1)) ] && [ "$stored_load" -le $((CREATED + 1 + IN_FLIGHT)) ] \
  || { echo "FAIL: stored ratings of the load's firm do not match wrk's 201 answers" >&2; exit 1; }
[ "$unchained" = 0 ] || { echo "FAIL: $unchained ratings are not in the audit chain" >&2; exit 1; }
[ "$chained_twice" = 0 ] || { echo "FAIL: $chained_twice ratings are in the audit chain twice" >&2; exit 1; }
grep -q '"intact":true' <<<"$verify" || { echo "FAIL: the audit chain does not verify" >&2; exit 1; }
echo "ok"
