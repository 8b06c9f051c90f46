#!/usr/bin/env bash
# Writes two public credit tables as CSV for the learners' benchmarks (BENCHMARKS.md), from Debian
# packages only, nothing committed:
#   german-credit.csv  Statlog (German Credit Data), UCI, 1,000 loans, target "class" (bad/good), 20 features;
#                      the copy Weka ships (Debian package weka, examples/credit-g.arff).
#   credit-data.csv    "Credit scoring" data of Belanche and Muñoz, 4,454 loans, target "Status" (bad/good),
#                      13 features; the copy in the R package modeldata (Debian r-cran-modeldata, credit_data).
# Installs r-base-core and r-cran-modeldata when Rscript or the package is missing (apt, as root or with sudo);
# Weka's .deb is only downloaded and unpacked, not installed.
# Usage: scripts/public-credit-tables.sh [output directory=target/public-credit]
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$(mkdir -p "${1:-$ROOT/target/public-credit}" && cd "${1:-$ROOT/target/public-credit}" && pwd)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
install_missing() {
  as_root apt-get install -y --no-install-recommends "$@" >/dev/null 2>&1 \
    || { as_root apt-get update >/dev/null && as_root apt-get install -y --no-install-recommends "$@" >/dev/null; }
}

# German credit: the ARFF's @data rows are already comma-separated with single-quoted values.
(cd "$WORK" && { apt-get download weka >/dev/null 2>&1 || { as_root apt-get update >/dev/null && apt-get download weka >/dev/null; }; })
dpkg-deb -x "$WORK"/weka_*.deb "$WORK/weka"
python3 - "$WORK/weka/usr/share/doc/weka/examples/credit-g.arff" "$OUT/german-credit.csv" <<'PY'
import csv, sys
names, rows, data = [], [], False
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        line = line.strip()
        if not line or line.startswith("%"):
            continue
        if line.lower().startswith("@attribute"):
            names.append(line.split()[1])
        elif line.lower().startswith("@data"):
            data = True
        elif data:
            rows.append(next(csv.reader([line], quotechar="'", skipinitialspace=True)))
if len(rows) != 1000 or any(len(r) != len(names) for r in rows):
    sys.exit(f"credit-g.arff: expected 1000 rows of {len(names)} values, got {len(rows)}")
with open(sys.argv[2], "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(names)
    w.writerows(rows)
PY

command -v Rscript >/dev/null || install_missing r-base-core
Rscript -e 'quit(status = !requireNamespace("modeldata", quietly = TRUE))' 2>/dev/null || install_missing r-cran-modeldata
Rscript -e 'data(credit_data, package = "modeldata"); stopifnot(nrow(credit_data) == 4454);
  write.csv(credit_data, commandArgs(TRUE)[1], row.names = FALSE, na = "")' "$OUT/credit-data.csv"

wc -l "$OUT/german-credit.csv" "$OUT/credit-data.csv"
