#!/usr/bin/env bash
# Another Arrow implementation reads our files: writes requests, decisions and full ratings with ./greencredit, then
# reads them with Arrow JS (npm apache-arrow, pinned in scripts/arrow-interop/package-lock.json) and checks their nested
# types and values against the same requests as JSON lines. Needs node and npm.
# Usage: scripts/arrow-interop.sh [count=300]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
COUNT="${1:-300}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

command -v node >/dev/null && command -v npm >/dev/null || { echo "arrow-interop: node and npm are required" >&2; exit 1; }
(cd "$ROOT/scripts/arrow-interop" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)

"$ROOT/greencredit" generate --count "$COUNT" --seed 11 --distortion-rate 0.1 --out "$WORK/requests.arrow" >/dev/null
"$ROOT/greencredit" generate --count "$COUNT" --seed 11 --distortion-rate 0.1 --out "$WORK/requests.jsonl" >/dev/null
"$ROOT/greencredit" rate --in "$WORK/requests.arrow" --out "$WORK/decisions.arrow" --profile decision 2>/dev/null
"$ROOT/greencredit" rate --in "$WORK/requests.arrow" --out "$WORK/ratings.arrows" 2>/dev/null
node "$ROOT/scripts/arrow-interop/check.mjs" "$WORK"
