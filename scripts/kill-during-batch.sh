#!/usr/bin/env bash
# Kills the service with SIGKILL in the middle of a batch, restarts it on the same database and
# reruns the batch with the same Idempotency-Key. Checks that every rating the client was told
# about survived, that the rerun rates only the rows not yet stored, and that no row was rated
# twice. Local only; needs curl. Usage: scripts/kill-during-batch.sh [rows] [seconds-before-kill]
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=lib/wait-for-service.sh
. "$ROOT/scripts/lib/wait-for-service.sh"
ROWS="${1:-3000}"
KILL_AFTER="${2:-6}"
PORT="${PORT:-8097}"
KEY="kill-test-$(date +%s)"
WORK="$(mktemp -d)"
BASE="http://localhost:$PORT"
DB="jdbc:h2:file:$WORK/db;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
PIPELINE=(-H 'X-API-Key: demo-pipeline-key')
OFFICER=(-u officer1:demo-password)

start_service() {
  SERVER_PORT="$PORT" GREENCREDIT_DB_URL="$DB" "$ROOT/greencredit" serve >>"$WORK/service.log" 2>&1 &
  SERVICE_PID=$!
  wait_for_service "$BASE" "$WORK/service.log" || exit 1
}

# Ratings the pipeline created, counted in the audit log (demo data is rated by another actor).
pipeline_ratings() {
  local after=0 count=0 page
  while :; do
    page="$(curl -sf "${OFFICER[@]}" "$BASE/api/v1/audit?after=$after&limit=1000")"
    [ "$page" = "[]" ] && break
    count=$((count + $(grep -o '"actor":"demo-pipeline","action":"RATING_CREATED"' <<<"$page" | wc -l)))
    after="$(grep -o '"seq":[0-9]*' <<<"$page" | tail -1 | cut -d: -f2)"
  done
  echo "$count"
}

post_batch() {
  curl -s -N "${PIPELINE[@]}" -H 'Content-Type: application/x-ndjson' -H "Idempotency-Key: $KEY" \
       --data-binary @"$WORK/batch.jsonl" "$BASE/api/v1/ratings:batch"
}

"$ROOT/greencredit" generate --count "$ROWS" --seed 4242 --out "$WORK/batch.jsonl" 2>/dev/null
start_service
echo "service up; posting $ROWS rows, killing the service after ${KILL_AFTER}s"
post_batch >"$WORK/first.jsonl" 2>/dev/null &
CLIENT_PID=$!
sleep "$KILL_AFTER"
kill -9 "$SERVICE_PID"
wait "$CLIENT_PID" 2>/dev/null || true
TOLD="$(grep -c '"status":"RATED"' "$WORK/first.jsonl" || true)"

start_service
STORED="$(pipeline_ratings)"
MISSING=0
for id in $(grep -o '"ratingId":"[^"]*"' "$WORK/first.jsonl" | cut -d'"' -f4); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "${OFFICER[@]}" "$BASE/api/v1/ratings/$id")" = 200 ] || MISSING=$((MISSING + 1))
done

post_batch >"$WORK/rerun.jsonl"
REPLAYED="$(grep -c '"status":"REPLAYED"' "$WORK/rerun.jsonl" || true)"
RATED="$(grep -c '"status":"RATED"' "$WORK/rerun.jsonl" || true)"
TOTAL="$(pipeline_ratings)"
kill "$SERVICE_PID"
wait "$SERVICE_PID" 2>/dev/null || true

echo "{\"rows\":$ROWS,\"resultsReceivedBeforeKill\":$TOLD,\"ratingsStoredBeforeKill\":$STORED,\"receivedButLost\":$MISSING,\"rerunReplayed\":$REPLAYED,\"rerunRated\":$RATED,\"ratingsStoredAfterRerun\":$TOTAL}"
if [ "$MISSING" -ne 0 ] || [ "$REPLAYED" -ne "$STORED" ] || [ $((REPLAYED + RATED)) -ne "$ROWS" ] || [ "$TOTAL" -ne "$ROWS" ]; then
  echo "FAILED: see $WORK" >&2
  exit 1
fi
rm -rf "$WORK"
echo "OK: nothing committed was lost and no row was rated twice"
